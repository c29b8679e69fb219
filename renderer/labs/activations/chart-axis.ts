/**
 * Recharts axis pieces of the Activations charts, sized by the chart text scale k
 * (renderer/components/text-scale): 1 on the desktop, about 1.8 while presenting on a
 * 1080-pixel screen. A chart at scale k is its desktop self enlarged k times, so text that fits
 * on the desktop fits while presenting.
 */

/**
 * A text size of `px` desktop pixels at scale k, also inline: presentation mode's type rule would
 * otherwise set every SVG text to the page's size, larger than the room made for it here.
 */
export function chartFont(px: number, k: number) {
  const size = Math.round(px * k);
  return { fontSize: size, style: { fontSize: size } };
}

/** Tick text of `px` desktop pixels, tick marks and the gap between them, at scale k. */
export function tickProps(px: number, k: number) {
  return { tick: chartFont(px, k), tickSize: 6 * k, tickMargin: 2 * k };
}

/** A rotated y-axis title of `px` desktop pixels, centred on the axis, at scale k. */
export function yTitleFont(px: number, k: number) {
  const f = chartFont(px, k);
  return { fontSize: f.fontSize, style: { textAnchor: 'middle' as const, ...f.style } };
}
