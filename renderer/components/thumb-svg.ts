/**
 * Small helpers for the lab cards' thumbnails: SVG path data from points in a data box, drawn
 * into a fixed 240 × 150 picture (y up).
 */
export const THUMB_W = 240;
export const THUMB_H = 150;

export interface ThumbBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Maps data (x, y) to picture coordinates. */
export function thumbMap(box: ThumbBox): (x: number, y: number) => [number, number] {
  return (x, y) => [
    ((x - box.x0) / (box.x1 - box.x0)) * THUMB_W,
    THUMB_H - ((y - box.y0) / (box.y1 - box.y0)) * THUMB_H,
  ];
}

/** A polyline through flat [x0, y0, x1, y1, …] data points. */
export function thumbPolyline(xy: ArrayLike<number>, map: ReturnType<typeof thumbMap>): string {
  let d = '';
  for (let k = 0; k + 1 < xy.length; k += 2) {
    const [px, py] = map(xy[k], xy[k + 1]);
    d += `${k === 0 ? 'M' : 'L'}${px.toFixed(1)} ${py.toFixed(1)}`;
  }
  return d;
}

/** A curve y = f(x) sampled at `n` points across the box. */
export function thumbCurve(f: (x: number) => number, box: ThumbBox, n = 120): string {
  const xy: number[] = [];
  for (let k = 0; k <= n; k++) {
    const x = box.x0 + ((box.x1 - box.x0) * k) / n;
    xy.push(x, f(x));
  }
  return thumbPolyline(xy, thumbMap(box));
}
