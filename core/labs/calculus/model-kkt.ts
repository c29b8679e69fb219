/**
 * The KKT view's numbers: contours of f, the boundary g = b and the region g > b left out (as runs
 * of grid cells per row), the lowest KKT point of min f subject to g ≤ b with its four residuals,
 * and f*(b), λ(b) over the slider's range so the switch between inactive and active shows.
 */
import type { CalcFunction2 } from '../../math/calc-critical';
import { calcKktInterior, calcKktSolve, type CalcKktPoint } from '../../math/calc-kkt';
import { contourSegments } from '../../math/contours';
import { exprGridPoints } from '../../math/expr-check';
import { exprCompileSource, exprEvalGrid, exprEvalPointInto } from '../../math/expr-compile';
import type { ExprFailure } from '../../math/expr-errors';
import { exprToTex } from '../../math/expr-tex';
import { quantileLevels } from './model-critical';
import { criticalBox, type CalculusParams } from './params';

export const KKT_GRID = 97;
/** The b slider's range, which the sweep covers. */
export const KKT_B_RANGE = { min: -5, max: 8 } as const;
const SWEEP = 53;

export interface KktModel {
  readonly ok: true;
  readonly tex: { readonly f: string; readonly g: string };
  readonly contours: readonly { readonly level: number; readonly segments: Float64Array }[];
  /** The boundary g = b in grid coordinates. */
  readonly curve: Float64Array;
  /** Left-out cells (g > b) as runs: [x0, x1, y0, y1] each, in data coordinates. */
  readonly excluded: readonly (readonly [number, number, number, number])[];
  readonly best: CalcKktPoint | null;
}

/** f*(b) and λ(b) at evenly spaced b over KKT_B_RANGE; NaN where nothing was found. */
export interface KktSweep {
  readonly b: Float64Array;
  readonly f: Float64Array;
  readonly lambda: Float64Array;
}

export type KktResult = (KktModel | ExprFailure) & { readonly field?: 'f' | 'g' };

function program(source: string) {
  const r = exprCompileSource(source);
  if (!r.ok) return r;
  const fn: CalcFunction2 = (x, y, out) => exprEvalPointInto(r.compiled, x, y, out, 2);
  return { ok: true as const, compiled: r.compiled, fn };
}

/** Everything the KKT view draws and prints, from its params. */
export function kktModel(p: CalculusParams['kkt']): KktResult {
  const f = program(p.f);
  if (!f.ok) return { ...f, field: 'f' };
  const g = program(p.g);
  if (!g.ok) return { ...g, field: 'g' };
  const box = criticalBox(p.box);
  const n = KKT_GRID;
  const { xs, ys } = exprGridPoints(box, n, n);
  const fv = new Float64Array(xs.length);
  const gv = new Float64Array(xs.length);
  exprEvalGrid(f.compiled, xs, ys, { f: fv });
  exprEvalGrid(g.compiled, xs, ys, { f: gv });
  const sx = (box.xMax - box.xMin) / (n - 1);
  const sy = (box.yMax - box.yMin) / (n - 1);
  const excluded: [number, number, number, number][] = [];
  for (let j = 0; j < n; j++) {
    let start = -1;
    for (let i = 0; i <= n; i++) {
      const out = i < n && gv[j * n + i] > p.b;
      if (out && start < 0) start = i;
      if (!out && start >= 0) {
        const x0 = Math.max(box.xMin, box.xMin + (start - 0.5) * sx);
        const x1 = Math.min(box.xMax, box.xMin + (i - 0.5) * sx);
        excluded.push([x0, x1, box.yMin + (j - 0.5) * sy, box.yMin + (j + 0.5) * sy]);
        start = -1;
      }
    }
  }
  const best = calcKktSolve(f.fn, g.fn, p.b, box).best;
  return {
    ok: true,
    tex: { f: exprToTex(f.compiled.derivatives.f), g: exprToTex(g.compiled.derivatives.f) },
    contours: quantileLevels(fv, 16).map((level) => ({
      level,
      segments: contourSegments(fv, n, level),
    })),
    curve: contourSegments(gv, n, p.b),
    excluded,
    best,
  };
}

/** The solution's f* and λ as b runs over the slider's range (independent of p.b). */
export function kktSweep(p: CalculusParams['kkt']): KktSweep | null {
  const f = program(p.f);
  const g = program(p.g);
  if (!f.ok || !g.ok) return null;
  const box = criticalBox(p.box);
  const interior = calcKktInterior(f.fn, box);
  const sweep = {
    b: new Float64Array(SWEEP),
    f: new Float64Array(SWEEP),
    lambda: new Float64Array(SWEEP),
  };
  for (let k = 0; k < SWEEP; k++) {
    const b = KKT_B_RANGE.min + ((KKT_B_RANGE.max - KKT_B_RANGE.min) * k) / (SWEEP - 1);
    const q = calcKktSolve(f.fn, g.fn, b, box, interior).best;
    sweep.b[k] = b;
    sweep.f[k] = q?.f ?? NaN;
    sweep.lambda[k] = q?.lambda ?? NaN;
  }
  return sweep;
}
