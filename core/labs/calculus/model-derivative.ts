/**
 * The Derivative view's numbers: f near a with the secant of step h and the tangent, and the error
 * of the forward, central and complex-step differences over h from 1 to 10⁻¹⁶ in float64, each
 * with the step where it was smallest.
 */
import { calcValueAt, calcDerivativesAt, calcValues } from '../../math/calc-expr1';
import {
  calcCentral,
  calcComplexStep,
  calcDiffTheory,
  calcErrorCurve,
  calcForward,
  calcStepGrid,
  type CalcDiffTheory,
  type CalcErrorCurve,
} from '../../math/calc-diff';
import { exprToTex } from '../../math/expr-tex';
import type { ExprFailure } from '../../math/expr-errors';
import { calculusCompile } from './compile';
import type { CalculusParams } from './params';

/** Points per decade of the error sweep. */
export const STEP_GRID_PER_DECADE = 20;

export interface DerivativeModel {
  readonly ok: true;
  readonly a: number;
  readonly h: number;
  /** TeX of f and of f′ as the engine derived it. */
  readonly tex: { readonly f: string; readonly df: string };
  /** f(a), f′(a), f″(a), f‴(a) (exact derivatives evaluated in float64). */
  readonly fa: number;
  readonly slope: number;
  readonly f2: number;
  readonly f3: number;
  /** f(a + h) and the secant's slope (the forward difference at h). */
  readonly fah: number;
  readonly secantSlope: number;
  /** a + h rounds back to a in float64 (h below half an ulp of a): the secant is 0/h. */
  readonly stepLost: boolean;
  /** The curve over [a − span, a + span]. */
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** The error sweep: steps (largest first) and one curve per formula. */
  readonly steps: Float64Array;
  readonly curves: readonly CalcErrorCurve[];
  readonly theory: CalcDiffTheory;
  /** The three estimates at the current h. */
  readonly atH: { readonly forward: number; readonly central: number; readonly complex: number };
}

export type DerivativeResult = DerivativeModel | ExprFailure;

const CURVE_POINTS = 241;

/** Everything the Derivative view draws and prints, from its params. */
export function derivativeModel(p: CalculusParams['derivative']): DerivativeResult {
  const compiled = calculusCompile(p.source, 3);
  if (!compiled.ok) return compiled;
  const { d } = compiled;
  const { a } = p;
  const h = 10 ** p.hLog10;
  const at = calcDerivativesAt(d, a);
  const [fa, slope] = at;
  const f2 = d.order >= 2 ? at[2] : NaN;
  const f3 = d.order >= 3 ? at[3] : NaN;
  if (!Number.isFinite(fa) || !Number.isFinite(slope)) {
    const what = Number.isFinite(fa) ? 'f′' : 'f';
    return {
      ok: false,
      message: `${what} is undefined or infinite at a = ${a}; move a or change f.`,
    };
  }
  const f = (x: number) => calcValueAt(d, x);
  const xs = new Float64Array(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) xs[i] = a - p.span + (2 * p.span * i) / (CURVE_POINTS - 1);
  const ys = calcValues(d, xs);
  const steps = calcStepGrid(STEP_GRID_PER_DECADE);
  const expr = d.nodes[0];
  const curves = [
    calcErrorCurve('forward', (s) => calcForward(f, a, s), slope, steps),
    calcErrorCurve('central', (s) => calcCentral(f, a, s), slope, steps),
    calcErrorCurve('complex', (s) => calcComplexStep(expr, a, s), slope, steps),
  ];
  const fah = f(a + h);
  return {
    ok: true,
    a,
    h,
    tex: { f: exprToTex(d.nodes[0]), df: exprToTex(d.nodes[1]) },
    fa,
    slope,
    f2,
    f3,
    fah,
    secantSlope: (fah - fa) / h,
    stepLost: a + h === a,
    xs,
    ys,
    steps,
    curves,
    theory: calcDiffTheory(fa, f2, f3),
    atH: {
      forward: calcForward(f, a, h),
      central: calcCentral(f, a, h),
      complex: calcComplexStep(expr, a, h),
    },
  };
}
