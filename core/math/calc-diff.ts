/**
 * Finite-difference derivatives in float64 and how their error depends on the step h.
 *
 * forward  D₊(h) = (f(a+h) − f(a)) / h         truncation ≈ |f″(a)|·h/2
 * central  D₀(h) = (f(a+h) − f(a−h)) / (2h)    truncation ≈ |f‴(a)|·h²/6
 * complex  D_c(h) = Im f(a + ih) / h           truncation ≈ |f‴(a)|·h²/6, no subtraction
 *
 * Rounding f to float64 adds about ε·|f(a)|/h to the two real formulas, so their total error
 * falls with h, bottoms out and rises again; balancing the two terms gives the theoretical best
 * steps h₊ = 2√(ε|f|/|f″|) and h₀ = ∛(3ε|f|/|f‴|). The sweep finds the best step from the
 * computed errors themselves; the theory is only drawn beside them.
 */
import { calcEvalComplex } from './calc-complex';
import type { ExprNode } from './expr-ast';

/** Machine epsilon of float64, 2⁻⁵². */
export const CALC_EPS = Number.EPSILON;

/** The three difference formulas. */
export const CALC_DIFF_KINDS = ['forward', 'central', 'complex'] as const;
export type CalcDiffKind = (typeof CALC_DIFF_KINDS)[number];

/** (f(a+h) − f(a)) / h, with the sum a + h rounded as float64 would round it. */
export function calcForward(f: (x: number) => number, a: number, h: number): number {
  return (f(a + h) - f(a)) / h;
}

/** (f(a+h) − f(a−h)) / (2h). */
export function calcCentral(f: (x: number) => number, a: number, h: number): number {
  return (f(a + h) - f(a - h)) / (2 * h);
}

/** Im f(a + ih) / h on the expression's complex extension. */
export function calcComplexStep(expr: ExprNode, a: number, h: number): number {
  return calcEvalComplex(expr, [a, h])[1] / h;
}

/** Steps 10^0, 10^−1/perDecade, …, 10^−16: `16·perDecade + 1` values, largest first. */
export function calcStepGrid(perDecade = 20, fromLog10 = 0, toLog10 = -16): Float64Array {
  const n = Math.round((fromLog10 - toLog10) * perDecade) + 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = 10 ** (fromLog10 - i / perDecade);
  return out;
}

/** One formula's absolute errors |D(h) − f′(a)| over the step grid, and its best step. */
export interface CalcErrorCurve {
  readonly kind: CalcDiffKind;
  /** D(h) at each step. */
  readonly estimates: Float64Array;
  /** |D(h) − f′(a)| at each step (0 where they agree to the last bit; NaN where undefined). */
  readonly errors: Float64Array;
  /** Index into the grid of the best step, by the smoothed error; −1 when no error is finite. */
  readonly bestIndex: number;
  readonly bestH: number;
  /** The error at the best step (unsmoothed). */
  readonly bestError: number;
}

/**
 * Index of the smallest error after averaging log10 errors over ±`halfWindow` grid points: round-off
 * makes single errors jump by a factor of ten between neighbouring steps, and a lucky one is not
 * the step to recommend. An exact zero (the estimate hit f′(a) to the last bit) counts as the
 * smallest non-zero error, not as infinitely good. Ties go to the larger step.
 */
export function calcBestStepIndex(errors: ArrayLike<number>, halfWindow = 3): number {
  let floor = Infinity;
  for (let i = 0; i < errors.length; i++)
    if (errors[i] > 0 && Number.isFinite(errors[i])) floor = Math.min(floor, errors[i]);
  if (floor === Infinity) floor = 1e-300;
  const logs = Array.from(errors, (e) =>
    Number.isFinite(e) ? Math.log10(Math.max(e, floor)) : NaN,
  );
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < logs.length; i++) {
    if (!Number.isFinite(logs[i])) continue;
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - halfWindow); j <= Math.min(logs.length - 1, i + halfWindow); j++) {
      if (Number.isFinite(logs[j])) {
        sum += logs[j];
        count++;
      }
    }
    const score = sum / count;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** The error curve of one formula against the exact derivative `exact`. */
export function calcErrorCurve(
  kind: CalcDiffKind,
  estimate: (h: number) => number,
  exact: number,
  steps: Float64Array,
): CalcErrorCurve {
  const estimates = steps.map(estimate);
  const errors = estimates.map((d) => Math.abs(d - exact));
  const bestIndex = calcBestStepIndex(errors);
  return {
    kind,
    estimates,
    errors,
    bestIndex,
    bestH: bestIndex < 0 ? NaN : steps[bestIndex],
    bestError: bestIndex < 0 ? NaN : errors[bestIndex],
  };
}

/** Theoretical best steps and error models from f, f″, f‴ at a (NaN where a term vanishes). */
export interface CalcDiffTheory {
  /** h₊ = 2√(ε|f|/|f″|). */
  readonly forwardH: number;
  /** h₀ = ∛(3ε|f|/|f‴|). */
  readonly centralH: number;
  /** Modelled forward error |f″|h/2 + 2ε|f|/h. */
  forward(h: number): number;
  /** Modelled central error |f‴|h²/6 + ε|f|/h. */
  central(h: number): number;
}

/** The textbook error models with f = f(a), f2 = f″(a), f3 = f‴(a). */
export function calcDiffTheory(f: number, f2: number, f3: number): CalcDiffTheory {
  const fa = Math.max(Math.abs(f), Number.MIN_VALUE);
  const pos = (v: number) => (v > 0 && Number.isFinite(v) ? v : NaN);
  return {
    forwardH: pos(2 * Math.sqrt((CALC_EPS * fa) / Math.abs(f2))),
    centralH: pos(Math.cbrt((3 * CALC_EPS * fa) / Math.abs(f3))),
    forward: (h) => (Math.abs(f2) * h) / 2 + (2 * CALC_EPS * fa) / h,
    central: (h) => (Math.abs(f3) * h * h) / 6 + (CALC_EPS * fa) / h,
  };
}
