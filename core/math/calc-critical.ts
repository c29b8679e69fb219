/**
 * All critical points of f(x, y) in a box, found numerically: Newton's method for ∇f = 0,
 * x ← x − H⁻¹∇f, from every point of an n × n grid of starts, then merged where several starts
 * reach the same point, and each classified by the Hessian's eigenvalues with a tolerance relative
 * to the Hessian (sym2Classify): minimum, maximum, saddle or degenerate.
 *
 * Newton on ∇f is drawn to every kind of critical point alike, which is what a census needs (a
 * descent method would find only minima). A start whose iterates leave the box, or that stops
 * (converged, out of steps, or on a singular Hessian) where the gradient is not small, finds
 * nothing.
 */
import { mat2Solve, sym2Classify, sym2Eigen, type Sym2Curvature } from './linalg2';

/** Writes [f, fx, fy, fxx, fxy, fyy] at (x, y) into out. */
export type CalcFunction2 = (x: number, y: number, out: Float64Array) => void;

export interface CalcBox {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface CalcCriticalPoint {
  readonly x: number;
  readonly y: number;
  readonly f: number;
  /** |∇f| where Newton stopped. */
  readonly gradNorm: number;
  /** Hessian eigenvalues, λ₁ ≥ λ₂. */
  readonly lambda1: number;
  readonly lambda2: number;
  readonly kind: Sym2Curvature;
  /** How many of the grid's starts ended here. */
  readonly starts: number;
}

export interface CalcCriticalOptions {
  /** Starts per side (n × n in all). */
  readonly grid?: number;
  readonly maxIter?: number;
  /** Eigenvalues within relTol·max|λ| of 0 count as zero. */
  readonly relTol?: number;
}

/** One Newton run from (x, y); the point reached with its |∇f|, or null. */
function newton(
  fn: CalcFunction2,
  box: CalcBox,
  x0: number,
  y0: number,
  maxIter: number,
  v: Float64Array,
): { x: number; y: number; g: number } | null {
  const d = new Float64Array(2);
  const spanX = box.xMax - box.xMin;
  const spanY = box.yMax - box.yMin;
  let x = x0;
  let y = y0;
  for (let it = 0; it < maxIter; it++) {
    fn(x, y, v);
    if (!v.every(Number.isFinite)) return null;
    // A singular Hessian ends the run where it is; the gradient test below decides (near a
    // degenerate point Newton converges only linearly and reaches a singular H first).
    if (!mat2Solve(v[3], v[4], v[4], v[5], -v[1], -v[2], d)) break;
    x += d[0];
    y += d[1];
    if (
      x < box.xMin - 0.05 * spanX ||
      x > box.xMax + 0.05 * spanX ||
      y < box.yMin - 0.05 * spanY ||
      y > box.yMax + 0.05 * spanY
    )
      return null;
    if (
      Math.abs(d[0]) <= 1e-13 * (spanX + Math.abs(x)) &&
      Math.abs(d[1]) <= 1e-13 * (spanY + Math.abs(y))
    )
      break;
  }
  fn(x, y, v);
  return { x, y, g: Math.hypot(v[1], v[2]) };
}

/**
 * The critical points Newton reaches from an n × n grid of starts over the box (default 11 × 11),
 * inside the box, merged within 10⁻⁶ of the box's size, sorted minima, saddles, maxima,
 * degenerate, then by f. A point counts when |∇f| there is below 10⁻⁷ times the largest |∇f| seen
 * at the starts (a scale of the function's slopes in this box).
 */
export function calcCriticalPoints(
  fn: CalcFunction2,
  box: CalcBox,
  options: CalcCriticalOptions = {},
): CalcCriticalPoint[] {
  const n = options.grid ?? 11;
  const maxIter = options.maxIter ?? 60;
  const relTol = options.relTol ?? 1e-7;
  const v = new Float64Array(6);
  const starts: [number, number][] = [];
  let slope = 0;
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      // Cell centres, so no start sits on a symmetry line by construction.
      const x = box.xMin + ((i + 0.5) / n) * (box.xMax - box.xMin);
      const y = box.yMin + ((j + 0.5) / n) * (box.yMax - box.yMin);
      starts.push([x, y]);
      fn(x, y, v);
      const g = Math.hypot(v[1], v[2]);
      if (Number.isFinite(g)) slope = Math.max(slope, g);
    }
  const gTol = 1e-7 * Math.max(slope, Number.MIN_VALUE);
  const merge = 1e-6 * Math.hypot(box.xMax - box.xMin, box.yMax - box.yMin);
  const found: { x: number; y: number; g: number; starts: number }[] = [];
  for (const [x0, y0] of starts) {
    const r = newton(fn, box, x0, y0, maxIter, v);
    if (!r || !(r.g <= gTol)) continue;
    if (r.x < box.xMin || r.x > box.xMax || r.y < box.yMin || r.y > box.yMax) continue;
    const same = found.find((p) => Math.hypot(p.x - r.x, p.y - r.y) <= merge);
    if (same) {
      same.starts++;
      if (r.g < same.g) Object.assign(same, { x: r.x, y: r.y, g: r.g });
    } else found.push({ ...r, starts: 1 });
  }
  const order: Record<Sym2Curvature, number> = { minimum: 0, saddle: 1, maximum: 2, degenerate: 3 };
  return found
    .map((p) => {
      fn(p.x, p.y, v);
      const e = sym2Eigen(v[3], v[4], v[5]);
      return {
        x: p.x,
        y: p.y,
        f: v[0],
        gradNorm: p.g,
        lambda1: e.lambda1,
        lambda2: e.lambda2,
        kind: sym2Classify(v[3], v[4], v[5], relTol),
        starts: p.starts,
      };
    })
    .sort((a, b) => order[a.kind] - order[b.kind] || a.f - b.f);
}
