/**
 * Losses on the network output ŷ (N = B·K values, any layout shared with the target y), both
 * averaged over all N values, each with its gradient ∂L/∂ŷ.
 */
import { logisticSigmoid } from '../math/logistic';
import type { MlpLossId } from './mlp';

/**
 * Mean squared error L = (1/N) Σ (ŷᵢ − yᵢ)²; writes ∂L/∂ŷᵢ = 2(ŷᵢ − yᵢ)/N into `grad` if given.
 */
export function lossMse(
  pred: ArrayLike<number>,
  target: ArrayLike<number>,
  n: number,
  grad?: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = pred[i] - target[i];
    sum += d * d;
    if (grad) grad[i] = (2 * d) / n;
  }
  return sum / n;
}

/**
 * Binary cross-entropy on logits zᵢ with labels yᵢ ∈ [0, 1]:
 *   L = (1/N) Σ [max(zᵢ,0) − zᵢyᵢ + log1p(e^{−|zᵢ|})]  (= −y log σ(z) − (1−y) log(1−σ(z)), in nats)
 * which never overflows; writes ∂L/∂zᵢ = (σ(zᵢ) − yᵢ)/N into `grad` if given.
 */
export function lossBceLogits(
  logits: ArrayLike<number>,
  target: ArrayLike<number>,
  n: number,
  grad?: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const z = logits[i];
    const y = target[i];
    sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    if (grad) grad[i] = (logisticSigmoid(z) - y) / n;
  }
  return sum / n;
}

/** Dispatches to lossMse or lossBceLogits by id. */
export function lossEvaluate(
  id: MlpLossId,
  pred: ArrayLike<number>,
  target: ArrayLike<number>,
  n: number,
  grad?: Float64Array,
): number {
  return id === 'mse' ? lossMse(pred, target, n, grad) : lossBceLogits(pred, target, n, grad);
}
