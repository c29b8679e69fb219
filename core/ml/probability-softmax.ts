/**
 * Softmax with temperature, log-softmax and log-sum-exp, all computed with the max shift so that
 * no exponent is positive (nothing overflows) and the largest term is exactly e⁰ = 1 (the sum
 * never underflows to 0); the softmax Jacobian; cross-entropy from logits with hard or soft
 * targets and its gradient. Float64 throughout; the same computations in float32 and emulated
 * float16, naive and stable, live in probability-precision.ts.
 *
 * With temperature T the probabilities are s = softmax(z / T).
 */

/** log Σᵢ exp(xᵢ), as m + log Σᵢ exp(xᵢ − m) with m = max xᵢ. −∞ for an empty or all −∞ input. */
export function logSumExp(x: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i])) return NaN;
    if (x[i] > m) m = x[i];
  }
  if (m === -Infinity || m === Infinity) return m;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.exp(x[i] - m);
  return m + Math.log(sum);
}

/** z / T as a new array. */
export function logitsScaled(z: ArrayLike<number>, temperature = 1): Float64Array {
  const out = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) out[i] = z[i] / temperature;
  return out;
}

/**
 * log softmax(z / T)ᵢ = (xᵢ − m) − log Σⱼ exp(xⱼ − m) with x = z/T, m = max x, without forming a
 * probability first. Subtracting m before LSE keeps the digits that xᵢ − LSE(x) would lose when
 * |x| is large (LSE carries an absolute error of about an ulp of |x|).
 */
export function logSoftmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  const x = logitsScaled(z, temperature);
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    x[i] -= m;
    sum += Math.exp(x[i]);
  }
  const logSum = Math.log(sum);
  for (let i = 0; i < x.length; i++) x[i] -= logSum;
  return x;
}

/** softmax(z / T)ᵢ = exp(zᵢ/T − m) / Σⱼ exp(zⱼ/T − m). */
export function softmax(z: ArrayLike<number>, temperature = 1): Float64Array {
  const x = logitsScaled(z, temperature);
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    x[i] = Math.exp(x[i] - m);
    sum += x[i];
  }
  for (let i = 0; i < x.length; i++) x[i] /= sum;
  return x;
}

/**
 * The Jacobian ∂sᵢ/∂zⱼ of s = softmax(z / T), given s: (diag(s) − s sᵀ) / T, row-major k × k.
 * Every row sums to 0 (adding a constant to all logits changes nothing). The diagonal is
 * sᵢ(1 − sᵢ)/T with 1 − sᵢ summed from the other probabilities, so it keeps its digits when one
 * class takes almost everything (sᵢ − sᵢ² would cancel).
 */
export function softmaxJacobian(s: ArrayLike<number>, temperature = 1): Float64Array {
  const k = s.length;
  const J = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    let others = 0;
    for (let j = 0; j < k; j++) {
      if (j === i) continue;
      others += s[j];
      J[i * k + j] = (-s[i] * s[j]) / temperature;
    }
    J[i * k + i] = (s[i] * others) / temperature;
  }
  return J;
}

/** One-hot target of class `c` among k, mixed with the uniform distribution by `smoothing` ε. */
export function targetSmoothed(k: number, c: number, smoothing = 0): Float64Array {
  const y = new Float64Array(k).fill(smoothing / k);
  y[c] += 1 - smoothing;
  return y;
}

/**
 * Cross-entropy of the target y (hard or soft, yᵢ ≥ 0) against softmax(z / T), from the logits:
 * −Σᵢ yᵢ log sᵢ = (Σᵢ yᵢ)·LSE(z/T) − Σᵢ yᵢ zᵢ/T. Finite however small a probability is, where
 * −log of a computed softmax would be +∞ once sᵢ underflows.
 */
export function crossEntropyLogits(
  z: ArrayLike<number>,
  y: ArrayLike<number>,
  temperature = 1,
): number {
  const logS = logSoftmax(z, temperature);
  let loss = 0;
  for (let i = 0; i < z.length; i++) if (y[i] !== 0) loss -= y[i] * logS[i];
  return loss;
}

/** ∂/∂z of crossEntropyLogits: ((Σᵢ yᵢ)·s − y) / T, which is (s − y) / T when y sums to 1. */
export function crossEntropyGradient(
  z: ArrayLike<number>,
  y: ArrayLike<number>,
  temperature = 1,
): Float64Array {
  const s = softmax(z, temperature);
  let total = 0;
  for (let i = 0; i < y.length; i++) total += y[i];
  const g = new Float64Array(z.length);
  for (let i = 0; i < z.length; i++) g[i] = (total * s[i] - y[i]) / temperature;
  return g;
}

/** Index of the largest entry (the first of equal ones). */
export function argMax(x: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
  return best;
}
