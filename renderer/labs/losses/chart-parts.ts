/**
 * Recharts pieces of the Losses lab's charts, sized by the chart text scale k
 * (renderer/components/text-scale): 1 on the desktop, about 1.8 while presenting on a 1080-pixel
 * screen, so a chart while presenting is its desktop self with larger text and room for it.
 */
import { INK } from './colors';

/** A text size of `px` desktop pixels, also inline (presentation mode's type rule must not win). */
export function chartFont(px: number, k: number) {
  const size = Math.round(px * k);
  return { fontSize: size, style: { fontSize: size } };
}

/** Axis colour, tick text, tick marks and the gap to the text at scale k. */
export function axisProps(k: number) {
  return { stroke: INK.axis, tick: chartFont(11, k), tickSize: 5 * k, tickMargin: 2 * k };
}

/** An x-axis title under the ticks. */
export function xTitle(value: string, k: number) {
  return {
    value,
    position: 'insideBottom' as const,
    offset: -10 * k,
    fill: INK.axis,
    ...chartFont(11, k),
  };
}

/** A rotated y-axis title, centred on the axis. */
export function yTitle(value: string, k: number) {
  const f = chartFont(11, k);
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    offset: 0,
    fill: INK.axis,
    fontSize: f.fontSize,
    style: { textAnchor: 'middle' as const, ...f.style },
  };
}

/** Room around a chart's plot for its axis titles. */
export const chartMargin = (k: number) => ({
  top: 8 * k,
  right: 14 * k,
  bottom: 14 * k,
  left: 6 * k,
});

/** A number for a tick: up to 3 significant digits, a true minus sign. */
export const tickFmt = (v: number) => String(+v.toPrecision(3)).replace('-', '−');

/** Round ticks from lo to hi for a chart axis (1, 2 or 5 × 10ᵏ apart, about `count` of them). */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  const step = (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : +v.toPrecision(12));
  return out;
}
