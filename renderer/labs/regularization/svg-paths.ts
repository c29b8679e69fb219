/**
 * SVG path strings for the MAP view's square plot of the (w₁, w₂) box: marching-squares contours
 * of a sampled grid and closed polygons given in plane coordinates.
 */
import { contourSegments } from '../../../core/math/contours';
import type { RegBox } from '../../../core/ml/regularization-geometry';

/** Plane → SVG user units for a size×size plot of `box` (y up). */
export function svgMap(box: RegBox, size: number) {
  return {
    px: (x: number) => ((x - box.xMin) / (box.xMax - box.xMin)) * size,
    py: (y: number) => ((box.yMax - y) / (box.yMax - box.yMin)) * size,
  };
}

/** Contour lines of an n×n grid (values[j·n + i] over the box) at one level, as one path. */
export function svgContour(values: Float64Array, n: number, level: number, size: number): string {
  const f = size / (n - 1);
  const segs = contourSegments(values, n, level);
  const parts: string[] = [];
  for (let k = 0; k < segs.length; k += 4) {
    const x1 = (segs[k] * f).toFixed(1);
    const y1 = (size - segs[k + 1] * f).toFixed(1);
    const x2 = (segs[k + 2] * f).toFixed(1);
    const y2 = (size - segs[k + 3] * f).toFixed(1);
    parts.push(`M${x1} ${y1}L${x2} ${y2}`);
  }
  return parts.join('');
}

/** A closed polygon [x₀, y₀, x₁, y₁, …] in plane coordinates, as a path. */
export function svgPolygon(points: Float64Array, box: RegBox, size: number): string {
  const { px, py } = svgMap(box, size);
  const parts: string[] = [];
  for (let k = 0; k < points.length; k += 2)
    parts.push(`${k ? 'L' : 'M'}${px(points[k]).toFixed(1)} ${py(points[k + 1]).toFixed(1)}`);
  return parts.join('') + 'Z';
}
