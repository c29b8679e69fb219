/**
 * Log-sum-exp and softmax computed two ways in a chosen precision, every intermediate rounded
 * (probability-float.ts), so the failures are the real ones:
 *
 * - naive:  LSE = log Σ exp(xᵢ), sᵢ = exp(xᵢ) / Σ exp(xⱼ). exp overflows to ∞ for large x (then
 *   ∞/∞ = NaN) and underflows to 0 for very negative x (then log 0 = −∞ and 0/0 = NaN);
 * - stable: m = max x, LSE = m + log Σ exp(xᵢ − m), sᵢ = exp(xᵢ − m) / Σ exp(xⱼ − m). Every
 *   exponent is ≤ 0 and the largest term is exactly 1, so the sum lies in [1, k].
 *
 * The inputs are rounded to the precision first (a float16 cannot hold 1000.1: it stores 1000).
 * Errors are measured against the float64 stable result on the unrounded inputs.
 */
import { logSumExp, softmax } from './probability-softmax';
import { floatClass, precisionRound, type FloatClass, type Precision } from './probability-float';

export type LseMethod = 'naive' | 'stable';

export interface LseEvaluation {
  precision: Precision;
  method: LseMethod;
  /** The inputs as the precision holds them. */
  inputs: Float64Array;
  /** The exponentials summed: exp(xᵢ) (naive) or exp(xᵢ − m) (stable), rounded. */
  terms: Float64Array;
  /** Their sum, rounded after each addition (left to right). */
  sum: number;
  lse: number;
  probabilities: Float64Array;
  /** log sᵢ as the method gets it: log of the computed sᵢ (naive), xᵢ − m − log Σ (stable). */
  logProbabilities: Float64Array;
  sumClass: FloatClass;
  lseClass: FloatClass;
  /** How many probabilities are NaN, how many came out exactly 0 (or ±∞ in log). */
  nanCount: number;
  zeroCount: number;
}

/** Evaluates LSE, softmax and log-softmax of x by `method` in `precision`. */
export function lseEvaluate(
  x: ArrayLike<number>,
  precision: Precision,
  method: LseMethod,
): LseEvaluation {
  const r = precisionRound(precision);
  const k = x.length;
  const inputs = new Float64Array(k);
  for (let i = 0; i < k; i++) inputs[i] = r(x[i]);
  let m = 0;
  if (method === 'stable') {
    m = -Infinity;
    for (let i = 0; i < k; i++) if (inputs[i] > m) m = inputs[i];
  }
  const shifted = new Float64Array(k);
  const terms = new Float64Array(k);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    shifted[i] = method === 'stable' ? r(inputs[i] - m) : inputs[i];
    terms[i] = r(Math.exp(shifted[i]));
    sum = r(sum + terms[i]);
  }
  const logSum = r(Math.log(sum));
  const lse = method === 'stable' ? r(m + logSum) : logSum;
  const probabilities = new Float64Array(k);
  const logProbabilities = new Float64Array(k);
  let nanCount = 0;
  let zeroCount = 0;
  for (let i = 0; i < k; i++) {
    probabilities[i] = r(terms[i] / sum);
    logProbabilities[i] =
      method === 'stable' ? r(shifted[i] - logSum) : r(Math.log(probabilities[i]));
    if (Number.isNaN(probabilities[i])) nanCount++;
    else if (probabilities[i] === 0) zeroCount++;
  }
  return {
    precision,
    method,
    inputs,
    terms,
    sum,
    lse,
    probabilities,
    logProbabilities,
    sumClass: floatClass(sum, precision),
    lseClass: floatClass(lse, precision),
    nanCount,
    zeroCount,
  };
}

/** The reference: float64, stable, on the unrounded inputs. */
export function lseReference(x: ArrayLike<number>): { lse: number; probabilities: Float64Array } {
  return { lse: logSumExp(x), probabilities: softmax(x) };
}

/**
 * |computed − reference| / |reference| (absolute when the reference is 0); ∞ when the computed
 * value is not finite but the reference is, and NaN when it is NaN.
 */
export function relativeError(computed: number, reference: number): number {
  if (Number.isNaN(computed)) return NaN;
  if (!Number.isFinite(computed)) return computed === reference ? 0 : Infinity;
  const scale = Math.abs(reference);
  return scale > 0 ? Math.abs(computed - reference) / scale : Math.abs(computed);
}

/** Largest relative error over the probabilities (NaN if any is NaN). */
export function probabilityError(
  computed: ArrayLike<number>,
  reference: ArrayLike<number>,
): number {
  let worst = 0;
  for (let i = 0; i < computed.length; i++) {
    const e = relativeError(computed[i], reference[i]);
    if (Number.isNaN(e)) return NaN;
    worst = Math.max(worst, e);
  }
  return worst;
}

/**
 * A gradient vector as a precision stores it: each entry rounded, with the entries that were not
 * 0 but became 0 (underflow) and those left subnormal (few significant bits).
 */
export function gradientStored(
  g: ArrayLike<number>,
  precision: Precision,
): { values: Float64Array; flushed: number[]; subnormal: number[] } {
  const r = precisionRound(precision);
  const values = new Float64Array(g.length);
  const flushed: number[] = [];
  const subnormal: number[] = [];
  for (let i = 0; i < g.length; i++) {
    values[i] = r(g[i]);
    if (values[i] === 0 && g[i] !== 0) flushed.push(i);
    else if (floatClass(values[i], precision) === 'subnormal') subnormal.push(i);
  }
  return { values, flushed, subnormal };
}
