/** Arrows for the Losses lab's SVG plots (each point's pull). */

/** An arrow from (x0, y0) to (x1, y1) in pixels, with a head of `head` pixels. */
export function Arrow({
  x0,
  y0,
  x1,
  y1,
  color,
  width = 2,
  head = 7,
}: {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  color: string;
  width?: number;
  head?: number;
}) {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 0.5) return null;
  const ux = (x1 - x0) / len;
  const uy = (y1 - y0) / len;
  const h = Math.min(head, len);
  const bx = x1 - ux * h;
  const by = y1 - uy * h;
  return (
    <g>
      <line x1={x0} y1={y0} x2={bx} y2={by} stroke={color} strokeWidth={width} />
      <path
        d={`M${x1} ${y1}L${bx - uy * h * 0.5} ${by + ux * h * 0.5}L${bx + uy * h * 0.5} ${by - ux * h * 0.5}Z`}
        fill={color}
      />
    </g>
  );
}
