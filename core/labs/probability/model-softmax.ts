/**
 * The numbers of the Softmax and Jacobian views, from the logits, temperature and target: the
 * probabilities and their logs, entropy, the Jacobian with its row sums, the cross-entropy and its
 * gradient, each gradient's agreement with finite differences, and how s moves as T sweeps its
 * whole range (the path in the triangle and the entropy curve). Pure and cheap (k ≤ 10).
 */
import { finiteDiffGradient } from '../../math/finite-diff';
import { entropy } from '../../ml/probability-info';
import {
  argMax,
  crossEntropyGradient,
  crossEntropyLogits,
  logitsScaled,
  logSoftmax,
  logSumExp,
  softmax,
  softmaxJacobian,
  targetSmoothed,
} from '../../ml/probability-softmax';
import { TEMPERATURE_RANGE, type ProbSoftmaxParams } from './params';

/** Temperatures at which the path and the entropy curve are sampled (log-spaced over the slider). */
export const T_CURVE = Array.from({ length: 97 }, (_, i) =>
  Math.exp(
    Math.log(TEMPERATURE_RANGE.min) +
      ((Math.log(TEMPERATURE_RANGE.max) - Math.log(TEMPERATURE_RANGE.min)) * i) / 96,
  ),
);

export interface ProbSoftmaxModel {
  k: number;
  logits: number[];
  temperature: number;
  /** z / T: what softmax exponentiates. */
  scaled: Float64Array;
  probabilities: Float64Array;
  logProbabilities: Float64Array;
  /** log Σ exp(zᵢ / T). */
  lse: number;
  /** H(s) in nats and its largest possible value log k (uniform). */
  entropy: number;
  entropyMax: number;
  argmax: number;
  /** The target distribution y (one-hot at target, smoothed by ε). */
  target: Float64Array;
  targetClass: number;
  /** Cross-entropy −Σ yᵢ log sᵢ from the logits, and its gradient (s − y)/T. */
  loss: number;
  gradient: Float64Array;
  /** ∂sᵢ/∂zⱼ, row-major k × k, and each row's sum (0 up to rounding). */
  jacobian: Float64Array;
  rowSums: Float64Array;
  /** Largest |analytic − central difference| over the Jacobian and over the CE gradient. */
  jacobianCheck: number;
  gradientCheck: number;
  /** s at each T of T_CURVE (row-major, T_CURVE.length × k) and H(s) there (nats). */
  path: Float64Array;
  entropyCurve: Float64Array;
}

export function probSoftmaxModel(p: ProbSoftmaxParams): ProbSoftmaxModel {
  const z = p.logits;
  const T = p.temperature;
  const k = z.length;
  const s = softmax(z, T);
  const targetClass = Math.min(p.target, k - 1);
  const y = targetSmoothed(k, targetClass, p.smoothing);
  const jacobian = softmaxJacobian(s, T);
  const rowSums = new Float64Array(k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) rowSums[i] += jacobian[i * k + j];
  const gradient = crossEntropyGradient(z, y, T);
  // Central differences of each sᵢ and of the loss, the independent check shown beside them.
  let jacobianCheck = 0;
  for (let i = 0; i < k; i++) {
    const fd = finiteDiffGradient((zz) => softmax(zz, T)[i], z);
    for (let j = 0; j < k; j++)
      jacobianCheck = Math.max(jacobianCheck, Math.abs(fd[j] - jacobian[i * k + j]));
  }
  const fdLoss = finiteDiffGradient((zz) => crossEntropyLogits(zz, y, T), z);
  let gradientCheck = 0;
  for (let j = 0; j < k; j++)
    gradientCheck = Math.max(gradientCheck, Math.abs(fdLoss[j] - gradient[j]));
  const path = new Float64Array(T_CURVE.length * k);
  const entropyCurve = new Float64Array(T_CURVE.length);
  T_CURVE.forEach((t, n) => {
    const st = softmax(z, t);
    path.set(st, n * k);
    entropyCurve[n] = entropy(st);
  });
  return {
    k,
    logits: [...z],
    temperature: T,
    scaled: logitsScaled(z, T),
    probabilities: s,
    logProbabilities: logSoftmax(z, T),
    lse: logSumExp(logitsScaled(z, T)),
    entropy: entropy(s),
    entropyMax: Math.log(k),
    argmax: argMax(z),
    target: y,
    targetClass,
    loss: crossEntropyLogits(z, y, T),
    gradient,
    jacobian,
    rowSums,
    jacobianCheck,
    gradientCheck,
    path,
    entropyCurve,
  };
}
