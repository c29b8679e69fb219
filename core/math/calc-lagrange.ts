/**
 * Stationary points of f(x, y) on the curve g(x, y) = b by Lagrange multipliers, with the sign
 * convention L = f + λ(g − b):
 *
 *   ∇f + λ∇g = 0,  g = b      (so ∇f ∥ ∇g at the solution, and ∂(f*)/∂b = −λ).
 *
 * Newton's method on those three equations in (x, y, λ), whose Jacobian is
 * [[∇²f + λ∇²g, ∇g], [∇gᵀ, 0]], from a grid of starts in the box (λ started at the least-squares
 * value −∇f·∇g/|∇g|²); solutions are merged and sorted by f, so the first is the constrained
 * minimum among those found.
 */
import type { CalcBox, CalcFunction2 } from './calc-critical';
import { denseLuSolve } from './linalg-dense';

export interface CalcLagrangePoint {
  readonly x: number;
  readonly y: number;
  readonly lambda: number;
  readonly f: number;
  /** ∇f and ∇g at the point. */
  readonly gradF: readonly [number, number];
  readonly gradG: readonly [number, number];
}

/** Newton from (x, y); the solution or null. */
function solveFrom(
  f: CalcFunction2,
  g: CalcFunction2,
  b: number,
  box: CalcBox,
  x0: number,
  y0: number,
): CalcLagrangePoint | null {
  const vf = new Float64Array(6);
  const vg = new Float64Array(6);
  const J = new Float64Array(9);
  const step = new Float64Array(3);
  let x = x0;
  let y = y0;
  f(x, y, vf);
  g(x, y, vg);
  const n2 = vg[1] * vg[1] + vg[2] * vg[2];
  if (!(n2 > 0)) return null;
  let lambda = -(vf[1] * vg[1] + vf[2] * vg[2]) / n2;
  const span = Math.hypot(box.xMax - box.xMin, box.yMax - box.yMin);
  let residual = Infinity;
  for (let it = 0; it < 60; it++) {
    f(x, y, vf);
    g(x, y, vg);
    const r = [vf[1] + lambda * vg[1], vf[2] + lambda * vg[2], vg[0] - b];
    residual =
      Math.hypot(r[0], r[1]) / (Math.hypot(vf[1], vf[2]) + 1) + Math.abs(r[2]) / (Math.abs(b) + 1);
    if (!Number.isFinite(residual)) return null;
    if (residual < 1e-14) break;
    J.set([
      vf[3] + lambda * vg[3],
      vf[4] + lambda * vg[4],
      vg[1],
      vf[4] + lambda * vg[4],
      vf[5] + lambda * vg[5],
      vg[2],
      vg[1],
      vg[2],
      0,
    ]);
    if (!denseLuSolve(J, 3, [-r[0], -r[1], -r[2]], step)) return null;
    x += step[0];
    y += step[1];
    lambda += step[2];
    if (Math.hypot(x - (box.xMin + box.xMax) / 2, y - (box.yMin + box.yMax) / 2) > span)
      return null;
  }
  if (!(residual < 1e-9)) return null;
  f(x, y, vf);
  g(x, y, vg);
  return { x, y, lambda, f: vf[0], gradF: [vf[1], vf[2]], gradG: [vg[1], vg[2]] };
}

/**
 * Every stationary point of f on g = b that Newton reaches from an n × n grid of starts over the
 * box (default 9 × 9), inside the box, merged within 10⁻⁶ of the box's size, sorted by f.
 */
export function calcLagrangePoints(
  f: CalcFunction2,
  g: CalcFunction2,
  b: number,
  box: CalcBox,
  grid = 9,
): CalcLagrangePoint[] {
  const merge = 1e-6 * Math.hypot(box.xMax - box.xMin, box.yMax - box.yMin);
  const out: CalcLagrangePoint[] = [];
  for (let j = 0; j < grid; j++)
    for (let i = 0; i < grid; i++) {
      const x0 = box.xMin + ((i + 0.5) / grid) * (box.xMax - box.xMin);
      const y0 = box.yMin + ((j + 0.5) / grid) * (box.yMax - box.yMin);
      const p = solveFrom(f, g, b, box, x0, y0);
      if (!p || p.x < box.xMin || p.x > box.xMax || p.y < box.yMin || p.y > box.yMax) continue;
      if (!out.some((q) => Math.hypot(q.x - p.x, q.y - p.y) <= merge)) out.push(p);
    }
  return out.sort((p, q) => p.f - q.f);
}
