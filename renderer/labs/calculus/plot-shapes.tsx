/** Shapes drawn on the Calculus lab's plots: contour segments and fixed-length arrows. */
import type { Frame } from './plot-frame';

/** Bounds of a sampled box. */
interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Path data of marching-squares segments given in grid coordinates of an n × n sampling of box. */
export function gridSegmentsPath(F: Frame, seg: Float64Array, box: Box, n: number): string {
  const sx = (box.xMax - box.xMin) / (n - 1);
  const sy = (box.yMax - box.yMin) / (n - 1);
  let d = '';
  for (let k = 0; k + 3 < seg.length; k += 4) {
    d += `M${F.px(box.xMin + seg[k] * sx).toFixed(1)} ${F.py(box.yMin + seg[k + 1] * sy).toFixed(1)}`;
    d += `L${F.px(box.xMin + seg[k + 2] * sx).toFixed(1)} ${F.py(box.yMin + seg[k + 3] * sy).toFixed(1)}`;
  }
  return d;
}

/** An arrow from (x, y) along (dx, dy), drawn `len` pixels long whatever the vector's size. */
export function Arrow({
  F,
  x,
  y,
  dx,
  dy,
  len,
  color,
  width,
}: {
  F: Frame;
  x: number;
  y: number;
  dx: number;
  dy: number;
  len: number;
  color: string;
  width: number;
}) {
  const X = F.px(x);
  const Y = F.py(y);
  const ux = F.px(x + dx) - X;
  const uy = F.py(y + dy) - Y;
  const n = Math.hypot(ux, uy);
  if (!(n > 0)) return null;
  const ex = X + (ux / n) * len;
  const ey = Y + (uy / n) * len;
  const hx = (ux / n) * 7;
  const hy = (uy / n) * 7;
  return (
    <g stroke={color} strokeWidth={width} fill="none">
      <line x1={X} y1={Y} x2={ex} y2={ey} />
      <path
        d={`M${ex - hx - hy * 0.6} ${ey - hy + hx * 0.6}L${ex} ${ey}L${ex - hx + hy * 0.6} ${ey - hy - hx * 0.6}`}
      />
    </g>
  );
}
