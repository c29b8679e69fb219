/**
 * Categorical cross-entropy from logits, with hard targets (a class index) and soft ones (a
 * distribution), and the log-sum-exp and softmax it is built on.
 *
 * Conventions: logits z ∈ ℝᴷ, p = softmax(z); a loss over n samples is the mean, and its gradient
 * includes the 1/n. Nothing overflows: every exponential is of a difference ≤ 0.
 */
import { logisticSoftplus } from '../math/logistic';

/**
 * log Σ e^{zₖ}, shifted by the largest z so it never overflows, and as max + log1p(Σ_{k≠max} e^{zₖ−max})
 * so that a loss lse(z) − z_max near 0 keeps its relative precision.
 */
export function logSumExp(z: ArrayLike<number>): number {
  let top = 0;
  for (let k = 1; k < z.length; k++) if (z[k] > z[top]) top = k;
  const max = z[top];
  if (!Number.isFinite(max)) return max;
  let rest = 0;
  for (let k = 0; k < z.length; k++) if (k !== top) rest += Math.exp(z[k] - max);
  return max + Math.log1p(rest);
}

/** lse(z) − z_j, with its relative precision when it is near 0 (z_j the largest by far). */
function lseMinus(z: ArrayLike<number>, j: number): number {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (k !== j) max = Math.max(max, z[k]);
  // lse(z) − z_j = log(1 + Σ_{k≠j} e^{z_k − z_j}) = softplus(lse(z_{−j}) − z_j).
  if (!Number.isFinite(max)) return max === -Infinity ? 0 : max;
  const others: number[] = [];
  for (let k = 0; k < z.length; k++) if (k !== j) others.push(z[k]);
  return logisticSoftplus(logSumExp(others) - z[j]);
}

/** softmax(z)ₖ = e^{zₖ − lse(z)}. */
export function softmax(z: ArrayLike<number>): Float64Array {
  const lse = logSumExp(z);
  return Float64Array.from(z, (v) => Math.exp(v - lse));
}

/**
 * Categorical cross-entropy from logits for one sample: −Σₖ tₖ log softmax(z)ₖ = Σₖ tₖ(lse(z) − zₖ),
 * with a hard target (a class index) or a soft one (tₖ ≥ 0 summing to 1). Its gradient with
 * respect to the logits is p·Σt − t, i.e. p − t for a distribution.
 */
export function crossEntropyLogits(
  z: ArrayLike<number>,
  target: number | ArrayLike<number>,
): { loss: number; gradient: Float64Array; probabilities: Float64Array } {
  const lse = logSumExp(z);
  const probabilities = Float64Array.from(z, (v) => Math.exp(v - lse));
  const gradient = Float64Array.from(probabilities);
  if (typeof target === 'number') {
    gradient[target] -= 1;
    return { loss: lseMinus(z, target), gradient, probabilities };
  }
  let loss = 0;
  let mass = 0;
  for (let k = 0; k < z.length; k++) {
    if (target[k] !== 0) loss += target[k] * lseMinus(z, k);
    mass += target[k];
  }
  for (let k = 0; k < z.length; k++) gradient[k] = probabilities[k] * mass - target[k];
  return { loss, gradient, probabilities };
}

/**
 * Mean categorical cross-entropy over n samples (logits row-major n × K) and its gradient with
 * respect to every logit, including the 1/n.
 */
export function categoricalCrossEntropy(
  logits: ArrayLike<number>,
  k: number,
  targets: readonly (number | ArrayLike<number>)[],
): { loss: number; gradient: Float64Array } {
  const n = targets.length;
  const gradient = new Float64Array(n * k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const row = Array.prototype.slice.call(logits, i * k, (i + 1) * k) as number[];
    const one = crossEntropyLogits(row, targets[i]);
    sum += one.loss;
    for (let j = 0; j < k; j++) gradient[i * k + j] = one.gradient[j] / n;
  }
  return { loss: sum / n, gradient };
}
