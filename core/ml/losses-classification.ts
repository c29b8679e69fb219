/**
 * Classification losses, each beside its derivative.
 *
 * Conventions:
 * - Binary labels are y ∈ {0, 1} for the cross-entropies and focal loss (BCE also takes soft
 *   labels y ∈ [0, 1]), and y ∈ {−1, +1} for the margin losses (hinge and relatives). The two are
 *   the same label: y± = 2y − 1.
 * - A score (logit) is s = z ∈ ℝ; p = σ(z) is the predicted probability of class 1; the margin is
 *   m = y±·s, positive when the point is on its own side.
 * - Values are per sample; a loss over n samples is their mean, and its gradient includes the 1/n
 *   (`binaryMean`, `categoricalCrossEntropy`).
 * - Derivatives are with respect to the argument the function takes: ∂/∂p for the probability
 *   forms, ∂/∂z for the logit forms, d/dm for the margin forms (∂/∂s = y±·d/dm).
 *
 * Stability: the logit forms never overflow (they go through softplus and σ in the forms of
 * core/math/logistic.ts), so z = ±1000 gives finite, correct values. The probability forms clip p
 * to [ε, 1 − ε] with ε = BCE_EPS (1e-7, as Keras) before taking logs, so their values are at most
 * −log ε ≈ 16.1; where the clip is active the function is flat and its derivative is 0.
 */
import { logisticSigmoid, logisticSoftplus } from '../math/logistic';

/** p is clipped to [BCE_EPS, 1 − BCE_EPS] by the probability forms. */
export const BCE_EPS = 1e-7;

const clip = (p: number) => Math.min(1 - BCE_EPS, Math.max(BCE_EPS, p));
const clipped = (p: number) => p < BCE_EPS || p > 1 - BCE_EPS;

/** Binary cross-entropy on a probability: −[y log p + (1 − y) log(1 − p)], p clipped. */
export function bceProbability(p: number, y: number): number {
  const q = clip(p);
  return -(y * Math.log(q) + (1 - y) * Math.log1p(-q));
}

/** ∂/∂p of `bceProbability`: −y/p + (1 − y)/(1 − p) inside the clip, 0 where the clip is active. */
export function bceProbabilityDerivative(p: number, y: number): number {
  if (clipped(p)) return 0;
  return -y / p + (1 - y) / (1 - p);
}

/**
 * Binary cross-entropy from a logit z (p = σ(z)): max(z, 0) − z·y + log1p(e^{−|z|}). For a hard
 * label this is softplus(−z) (y = 1) or softplus(z) (y = 0), the form used.
 */
export function bceLogits(z: number, y: number): number {
  if (y === 1) return logisticSoftplus(-z);
  if (y === 0) return logisticSoftplus(z);
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/** ∂/∂z of `bceLogits`: σ(z) − y, as −σ(−z) for y = 1 (so it keeps precision when σ(z) ≈ 1). */
export function bceLogitsDerivative(z: number, y: number): number {
  if (y === 1) return -logisticSigmoid(-z);
  if (y === 0) return logisticSigmoid(z);
  return logisticSigmoid(z) - y;
}

/** Focal loss weights: γ ≥ 0 focuses on hard points; α ∈ [0, 1] weights class 1 (1 − α class 0), or null for no weighting. */
export interface FocalShape {
  gamma: number;
  alpha: number | null;
}

const alphaT = (y: number, alpha: number | null) =>
  alpha === null ? 1 : y === 1 ? alpha : 1 - alpha;

/**
 * Focal loss on a probability (RetinaNet): −α_t (1 − p_t)^γ log p_t with p_t = p for y = 1 and
 * 1 − p for y = 0, p clipped as in BCE. With γ = 0 and α = null it is exactly `bceProbability`.
 */
export function focalProbability(p: number, y: 0 | 1, f: FocalShape): number {
  const q = clip(p);
  const logPt = y === 1 ? Math.log(q) : Math.log1p(-q);
  const oneMinusPt = y === 1 ? 1 - q : q;
  return -(alphaT(y, f.alpha) * Math.pow(oneMinusPt, f.gamma) * logPt);
}

/** ∂/∂p of `focalProbability` (0 where the clip is active). */
export function focalProbabilityDerivative(p: number, y: 0 | 1, f: FocalShape): number {
  if (clipped(p)) return 0;
  const a = alphaT(y, f.alpha);
  const g = f.gamma;
  // d/dp_t of −(1 − p_t)^γ log p_t = γ(1 − p_t)^{γ−1} log p_t − (1 − p_t)^γ / p_t; dp_t/dp = ±1.
  if (y === 1) {
    const term = g === 0 ? 0 : g * Math.pow(1 - p, g - 1) * Math.log(p);
    return a * (term - Math.pow(1 - p, g) / p);
  }
  const term = g === 0 ? 0 : g * Math.pow(p, g - 1) * Math.log1p(-p);
  return -a * (term - Math.pow(p, g) / (1 - p));
}

/**
 * Focal loss of the margin m = y±·z: α_t·σ(−m)^γ·softplus(−m), with σ(−m)^γ = e^{−γ·softplus(m)}
 * (no underflow to 0 before the true value does). γ = 0 and α = null give softplus(−m) exactly.
 */
export function focalMargin(m: number, f: FocalShape, y: 0 | 1 = 1): number {
  return alphaT(y, f.alpha) * Math.exp(-f.gamma * logisticSoftplus(m)) * logisticSoftplus(-m);
}

/**
 * d/dm of `focalMargin`: α_t(1 − p_t)^γ [γ p_t log p_t − (1 − p_t)] with p_t = σ(m); with γ = 0
 * and α = null it is −σ(−m), exactly the logistic loss's derivative.
 */
export function focalMarginDerivative(m: number, f: FocalShape, y: 0 | 1 = 1): number {
  const pt = logisticSigmoid(m);
  const logPt = -logisticSoftplus(-m);
  const hard = f.gamma === 0 ? 0 : f.gamma * pt * logPt;
  // Written −(σ(−m) − hard) so that γ = 0 gives −σ(−m) bit for bit (also its sign at −0).
  return (
    alphaT(y, f.alpha) * Math.exp(-f.gamma * logisticSoftplus(m)) * -(logisticSigmoid(-m) - hard)
  );
}

/** Focal loss from a logit z with label y ∈ {0, 1}; equals `bceLogits` exactly at γ = 0, α = null. */
export function focalLogits(z: number, y: 0 | 1, f: FocalShape): number {
  return focalMargin(y === 1 ? z : -z, f, y);
}

/** ∂/∂z of `focalLogits`: (2y − 1)·d/dm. */
export function focalLogitsDerivative(z: number, y: 0 | 1, f: FocalShape): number {
  const d = focalMarginDerivative(y === 1 ? z : -z, f, y);
  return y === 1 ? d : -d;
}

/** The margin losses a classifier's score can be trained with (labels ±1, m = y·s). */
export type MarginLossId =
  'logistic' | 'hinge' | 'squared-hinge' | 'focal' | 'exponential' | 'zero-one';

export interface MarginLoss {
  id: MarginLossId;
  label: string;
  /** ℓ(m) for a point of class +1 (focal's α_t is α there). */
  value(m: number, f: FocalShape): number;
  /** dℓ/dm (the stated subgradient at a kink). */
  derivative(m: number, f: FocalShape): number;
  /** Margins where ℓ or ℓ′ is not differentiable. */
  kinks: number[];
}

/**
 * - logistic: softplus(−m) = log(1 + e^{−m}), BCE from logits for either class.
 * - hinge: max(0, 1 − m); derivative −1 for m < 1, and 0 for m ≥ 1 (the subgradient 0 at the kink).
 * - squared hinge: max(0, 1 − m)², derivative −2·max(0, 1 − m).
 * - focal: `focalMargin` for class 1 (α weights it; class 0 has 1 − α).
 * - exponential (AdaBoost): e^{−m}, derivative −e^{−m}.
 * - zero-one: 1 for m ≤ 0 (an undecided point counts as an error), 0 above; derivative 0 (almost
 *   everywhere), which is why it is not trained on directly.
 */
export const MARGIN_LOSSES: Record<MarginLossId, MarginLoss> = {
  logistic: {
    id: 'logistic',
    label: 'Logistic (BCE)',
    value: (m) => logisticSoftplus(-m),
    derivative: (m) => -logisticSigmoid(-m),
    kinks: [],
  },
  hinge: {
    id: 'hinge',
    label: 'Hinge',
    value: (m) => Math.max(0, 1 - m),
    derivative: (m) => (m < 1 ? -1 : 0),
    kinks: [1],
  },
  'squared-hinge': {
    id: 'squared-hinge',
    label: 'Squared hinge',
    value: (m) => (m < 1 ? (1 - m) * (1 - m) : 0),
    derivative: (m) => (m < 1 ? -2 * (1 - m) : 0),
    kinks: [],
  },
  focal: {
    id: 'focal',
    label: 'Focal',
    value: (m, f) => focalMargin(m, f, 1),
    derivative: (m, f) => focalMarginDerivative(m, f, 1),
    kinks: [],
  },
  exponential: {
    id: 'exponential',
    label: 'Exponential',
    value: (m) => Math.exp(-m),
    derivative: (m) => -Math.exp(-m),
    kinks: [],
  },
  'zero-one': {
    id: 'zero-one',
    label: 'Zero-one',
    value: (m) => (m <= 0 ? 1 : 0),
    derivative: () => 0,
    kinks: [0],
  },
};

export const MARGIN_LOSS_IDS = Object.keys(MARGIN_LOSSES) as MarginLossId[];

/** A margin loss for a point of label y± (focal's α_t depends on the class). */
export function marginLossValue(id: MarginLossId, m: number, yPm: number, f: FocalShape): number {
  return id === 'focal' ? focalMargin(m, f, yPm > 0 ? 1 : 0) : MARGIN_LOSSES[id].value(m, f);
}

/** dℓ/dm for a point of label y±. */
export function marginLossDerivative(
  id: MarginLossId,
  m: number,
  yPm: number,
  f: FocalShape,
): number {
  return id === 'focal'
    ? focalMarginDerivative(m, f, yPm > 0 ? 1 : 0)
    : MARGIN_LOSSES[id].derivative(m, f);
}

/**
 * Mean margin loss over scores sᵢ with labels yᵢ ∈ {−1, +1}, and its gradient ∂L/∂sᵢ = yᵢ·ℓ′(mᵢ)/n.
 */
export function binaryMean(
  id: MarginLossId,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  f: FocalShape,
): { loss: number; gradient: Float64Array } {
  const n = scores.length;
  const gradient = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const m = labels[i] * scores[i];
    sum += marginLossValue(id, m, labels[i], f);
    gradient[i] = (labels[i] * marginLossDerivative(id, m, labels[i], f)) / n;
  }
  return { loss: sum / n, gradient };
}
