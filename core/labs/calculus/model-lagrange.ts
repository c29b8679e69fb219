/**
 * The Lagrange view's numbers: contours of f, the constraint curve g = b, every stationary point
 * of f on it with its multiplier (L = f + λ(g − b)), ∇f and ∇g along the curve, and the rate
 * ∂(f*)/∂b measured by solving again at b ± δ, to set beside −λ.
 */
import type { CalcFunction2 } from '../../math/calc-critical';
import { calcLagrangePoints, type CalcLagrangePoint } from '../../math/calc-lagrange';
import { contourSegments } from '../../math/contours';
import { exprGridPoints } from '../../math/expr-check';
import { exprCompileSource, exprEvalGrid, exprEvalPointInto } from '../../math/expr-compile';
import type { ExprFailure } from '../../math/expr-errors';
import { exprToTex } from '../../math/expr-tex';
import { quantileLevels } from './model-critical';
import { criticalBox, type CalculusParams } from './params';

export const LAGRANGE_GRID = 97;

export interface LagrangeModel {
  readonly ok: true;
  readonly tex: { readonly f: string; readonly g: string };
  readonly contours: readonly { readonly level: number; readonly segments: Float64Array }[];
  /** The curve g = b in grid coordinates. */
  readonly curve: Float64Array;
  /** Stationary points sorted by f; the first is the constrained minimum found. */
  readonly points: readonly CalcLagrangePoint[];
  /** Points on the curve with ∇f and ∇g there: [x, y, fx, fy, gx, gy] each. */
  readonly arrows: readonly (readonly number[])[];
  /** (f*(b + δ) − f*(b − δ)) / 2δ for the minimum, and δ; NaN when it could not be followed. */
  readonly rate: number;
  readonly delta: number;
}

export type LagrangeResult = (LagrangeModel | ExprFailure) & { readonly field?: 'f' | 'g' };

function program(source: string) {
  const r = exprCompileSource(source);
  if (!r.ok) return r;
  const fn: CalcFunction2 = (x, y, out) => exprEvalPointInto(r.compiled, x, y, out, 2);
  return { ok: true as const, compiled: r.compiled, fn };
}

/** Everything the Lagrange view draws and prints, from its params. */
export function lagrangeModel(p: CalculusParams['lagrange']): LagrangeResult {
  const f = program(p.f);
  if (!f.ok) return { ...f, field: 'f' };
  const g = program(p.g);
  if (!g.ok) return { ...g, field: 'g' };
  const box = criticalBox(p.box);
  const { xs, ys } = exprGridPoints(box, LAGRANGE_GRID, LAGRANGE_GRID);
  const fv = new Float64Array(xs.length);
  const gv = new Float64Array(xs.length);
  exprEvalGrid(f.compiled, xs, ys, { f: fv });
  exprEvalGrid(g.compiled, xs, ys, { f: gv });
  const curve = contourSegments(gv, LAGRANGE_GRID, p.b);
  const points = calcLagrangePoints(f.fn, g.fn, p.b, box);
  const sx = (box.xMax - box.xMin) / (LAGRANGE_GRID - 1);
  const sy = (box.yMax - box.yMin) / (LAGRANGE_GRID - 1);
  const arrows: number[][] = [];
  const segs = curve.length / 4;
  const vf = new Float64Array(6);
  const vg = new Float64Array(6);
  for (let k = 0; k < 12 && segs > 0; k++) {
    const s = 4 * Math.floor(((k + 0.5) / 12) * segs);
    const x = box.xMin + 0.5 * (curve[s] + curve[s + 2]) * sx;
    const y = box.yMin + 0.5 * (curve[s + 1] + curve[s + 3]) * sy;
    f.fn(x, y, vf);
    g.fn(x, y, vg);
    arrows.push([x, y, vf[1], vf[2], vg[1], vg[2]]);
  }
  const delta = 1e-4 * Math.max(1, Math.abs(p.b));
  let rate = NaN;
  const best = points[0];
  if (best) {
    const near = (b: number) => {
      const found = calcLagrangePoints(f.fn, g.fn, b, box);
      let pick: CalcLagrangePoint | undefined;
      for (const q of found)
        if (
          !pick ||
          Math.hypot(q.x - best.x, q.y - best.y) < Math.hypot(pick.x - best.x, pick.y - best.y)
        )
          pick = q;
      return pick?.f ?? NaN;
    };
    rate = (near(p.b + delta) - near(p.b - delta)) / (2 * delta);
  }
  return {
    ok: true,
    tex: { f: exprToTex(f.compiled.derivatives.f), g: exprToTex(g.compiled.derivatives.f) },
    contours: quantileLevels(fv, 16).map((level) => ({
      level,
      segments: contourSegments(fv, LAGRANGE_GRID, level),
    })),
    curve,
    points,
    arrows,
    rate,
    delta,
  };
}
