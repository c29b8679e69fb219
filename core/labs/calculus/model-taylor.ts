/**
 * The Taylor view's numbers: the coefficients of f about a from the engine's exact derivatives, the
 * polynomials T₁…Tₙ over the window, their errors |f − Tₖ|, and the radius of convergence the
 * coefficients suggest.
 */
import { calcDerivativesAt, calcValues } from '../../math/calc-expr1';
import {
  calcRadiusEstimate,
  calcTaylorCoefficients,
  calcTaylorEval,
  type CalcRadiusEstimate,
} from '../../math/calc-taylor';
import type { ExprFailure } from '../../math/expr-errors';
import { exprToTex } from '../../math/expr-tex';
import { calculusCompile } from './compile';
import { TAYLOR_MAX_ORDER, taylorRange, taylorSource, type CalculusParams } from './params';

export interface TaylorModel {
  readonly ok: true;
  readonly a: number;
  /** The order drawn (the one asked, or lower when the derivatives grew too large to build). */
  readonly order: number;
  /** The highest order the engine could build for this f. */
  readonly maxOrder: number;
  readonly tex: string;
  /** c₀…c_maxOrder with cₖ = f⁽ᵏ⁾(a)/k!. */
  readonly coeffs: Float64Array;
  readonly xs: Float64Array;
  readonly f: Float64Array;
  /** poly[k − 1] = Tₖ at xs, k = 1…order. */
  readonly poly: readonly Float64Array[];
  /** err[k − 1] = |f − Tₖ| at xs. */
  readonly err: readonly Float64Array[];
  /** From all coefficients up to maxOrder, not only the drawn ones. */
  readonly radius: CalcRadiusEstimate;
  /** A y range for the function chart: f's finite values with a margin. */
  readonly yRange: readonly [number, number];
}

export type TaylorResult = TaylorModel | ExprFailure;

const POINTS = 301;

/** Everything the Taylor view draws and prints, from its params. */
export function taylorModel(p: CalculusParams['taylor']): TaylorResult {
  const compiled = calculusCompile(taylorSource(p), TAYLOR_MAX_ORDER);
  if (!compiled.ok) return compiled;
  const { d } = compiled;
  const derivs = calcDerivativesAt(d, p.a);
  if (!derivs.every(Number.isFinite)) {
    const k = derivs.findIndex((v) => !Number.isFinite(v));
    const which = k === 0 ? 'f' : `its derivative of order ${k}`;
    return { ok: false, message: `${which} is undefined or infinite at a = ${p.a}; move a.` };
  }
  const coeffs = calcTaylorCoefficients(derivs);
  const order = Math.min(p.order, d.order);
  const { lo, hi } = taylorRange(p.window);
  const xs = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) xs[i] = lo + ((hi - lo) * i) / (POINTS - 1);
  const f = calcValues(d, xs);
  const poly: Float64Array[] = [];
  const err: Float64Array[] = [];
  for (let k = 1; k <= order; k++) {
    const t = xs.map((x) => calcTaylorEval(coeffs, k, p.a, x));
    poly.push(t);
    err.push(t.map((v, i) => Math.abs(f[i] - v)));
  }
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const v of f) {
    if (!Number.isFinite(v)) continue;
    yMin = Math.min(yMin, v);
    yMax = Math.max(yMax, v);
  }
  if (!(yMax > yMin)) [yMin, yMax] = Number.isFinite(yMin) ? [yMin - 1, yMin + 1] : [-1, 1];
  const pad = 0.2 * (yMax - yMin);
  return {
    ok: true,
    a: p.a,
    order,
    maxOrder: d.order,
    tex: exprToTex(d.nodes[0]),
    coeffs,
    xs,
    f,
    poly,
    err,
    radius: calcRadiusEstimate(coeffs),
    yRange: [yMin - pad, yMax + pad],
  };
}
