/**
 * The Critical-points view's numbers: f(x, y) sampled over the box with its contour lines, and
 * every critical point Newton finds from a grid of starts, classified by the Hessian's eigenvalues.
 */
import { calcCriticalPoints, type CalcCriticalPoint } from '../../math/calc-critical';
import { contourSegments } from '../../math/contours';
import { exprGridPoints } from '../../math/expr-check';
import {
  exprCompileSource,
  exprEvalGrid,
  exprEvalPointInto,
  type ExprCompiled,
} from '../../math/expr-compile';
import type { ExprFailure } from '../../math/expr-errors';
import { exprToTex } from '../../math/expr-tex';
import { criticalBox, type CalculusParams } from './params';

/** Samples per side of the contour grid. */
export const CRITICAL_GRID = 97;
/** Eigenvalues within this fraction of max|λ| of zero count as zero. */
export const CRITICAL_REL_TOL = 1e-7;

export interface CriticalModel {
  readonly ok: true;
  readonly tex: string;
  readonly values: Float64Array;
  /** Contour lines: per level, segments in grid coordinates [i1, j1, i2, j2, …]. */
  readonly contours: readonly { readonly level: number; readonly segments: Float64Array }[];
  readonly points: readonly CalcCriticalPoint[];
}

export type CriticalResult = CriticalModel | ExprFailure;

const compiled = new Map<string, { ok: true; compiled: ExprCompiled } | ExprFailure>();

/**
 * `count` contour levels at evenly spaced quantiles of the sampled values, so each band between
 * lines covers about the same area of the box whatever the function's range (a steep rim would
 * otherwise take every evenly spaced level).
 */
export function quantileLevels(values: ArrayLike<number>, count: number): number[] {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = sorted[Math.floor(((k + 0.5) / count) * sorted.length)];
    if (out.length === 0 || v > out[out.length - 1]) out.push(v);
  }
  return out;
}

/** Everything the Critical-points view draws and lists, from its params. */
export function criticalModel(p: CalculusParams['critical']): CriticalResult {
  let c = compiled.get(p.source);
  if (!c) {
    c = exprCompileSource(p.source);
    if (compiled.size > 16) compiled.clear();
    compiled.set(p.source, c);
  }
  if (!c.ok) return c;
  const program = c.compiled;
  const box = criticalBox(p.box);
  const { xs, ys } = exprGridPoints(box, CRITICAL_GRID, CRITICAL_GRID);
  const values = new Float64Array(xs.length);
  exprEvalGrid(program, xs, ys, { f: values });
  if (!values.some(Number.isFinite)) {
    return {
      ok: false,
      message: 'f is undefined or infinite everywhere in the box; change f or the box.',
    };
  }
  const contours = quantileLevels(values, 18).map((level) => ({
    level,
    segments: contourSegments(values, CRITICAL_GRID, level),
  }));
  const points = calcCriticalPoints((x, y, out) => exprEvalPointInto(program, x, y, out, 2), box, {
    relTol: CRITICAL_REL_TOL,
  });
  return { ok: true, tex: exprToTex(program.derivatives.f), values, contours, points };
}
