/**
 * Losses as negative log-likelihoods. A regression loss ρ is the negative log of a noise density
 * up to a constant: p(r) = e^{−ρ(r)}/Z, so minimising Σρ(yᵢ − ŷᵢ) is maximising the likelihood
 * of the data under that noise (at unit scale: ρ is used as it is, no temperature). With the
 * conventions of core/ml/losses-regression.ts:
 *
 * - MSE, ρ = r²: Gaussian with σ² = ½, Z = √π.
 * - MAE, ρ = |r|: Laplace with scale 1, Z = 2.
 * - Huber(δ): Gaussian in the middle, Laplace tails (Huber's least favourable density),
 *   Z = √(2π)·erf(δ/√2) + (2/δ)·e^{−δ²/2}.
 * - log-cosh: e^{−log cosh r} = sech r, the hyperbolic secant density, Z = π.
 * - quantile(τ): the asymmetric Laplace density, Z = 1/(τ(1 − τ)).
 *
 * Over a constant prediction c the minimisers are the location estimates of these densities:
 * the mean (MSE), any median (MAE), the τ-quantiles (quantile), and the Huber and log-cosh
 * M-estimates between mean and median.
 */
import { erf } from './activations-special';
import { robustFit } from './losses-fit';
import {
  REGRESSION_LOSSES,
  regressionLossMean,
  type RegressionLossId,
  type RegressionShape,
} from './losses-regression';

/** Z = ∫ e^{−ρ(r)} dr, the normaliser of the loss's noise density. */
export function noiseNormaliser(id: RegressionLossId, s: RegressionShape): number {
  switch (id) {
    case 'mse':
      return Math.sqrt(Math.PI);
    case 'mae':
      return 2;
    case 'huber':
      return (
        Math.sqrt(2 * Math.PI) * erf(s.delta / Math.SQRT2) +
        (2 / s.delta) * Math.exp(-0.5 * s.delta * s.delta)
      );
    case 'logcosh':
      return Math.PI;
    case 'quantile':
      return 1 / (s.tau * (1 - s.tau));
  }
}

/** p(r) = e^{−ρ(r)}/Z. */
export function noiseDensity(id: RegressionLossId, r: number, s: RegressionShape): number {
  return Math.exp(-REGRESSION_LOSSES[id].value(r, s)) / noiseNormaliser(id, s);
}

/** The minimisers of Σρ_τ(yᵢ − c) over c: [lo, hi] (an interval when nτ is a whole number). */
export function quantileSet(y: readonly number[], tau: number): [number, number] {
  const sorted = [...y].sort((a, b) => a - b);
  const n = sorted.length;
  // 0 ∈ ∂: τ·#{y > c} − (1 − τ)·#{y < c} + [τ − 1, τ]·#{y = c}; k = nτ points below.
  const k = n * tau;
  const whole = Math.abs(k - Math.round(k)) < 1e-9 * n;
  if (whole) {
    const j = Math.round(k);
    if (j <= 0) return [sorted[0], sorted[0]];
    if (j >= n) return [sorted[n - 1], sorted[n - 1]];
    return [sorted[j - 1], sorted[j]];
  }
  const v = sorted[Math.ceil(k) - 1];
  return [v, v];
}

export interface LocationEstimate {
  id: RegressionLossId;
  /** The minimiser (for MAE and quantile: the middle of the set of minimisers). */
  value: number;
  /** All minimisers: a point, or an interval for MAE and quantile. */
  set: [number, number];
  /** The mean loss there. */
  loss: number;
}

/** The best constant prediction under each loss, for targets y. */
export function locationEstimate(
  id: RegressionLossId,
  y: readonly number[],
  s: RegressionShape,
): LocationEstimate {
  let set: [number, number];
  if (id === 'mae') set = quantileSet(y, 0.5);
  else if (id === 'quantile') set = quantileSet(y, s.tau);
  else {
    const c = robustFit(id, new Array<number>(y.length).fill(0), y, 0, s).coef[0];
    set = [c, c];
  }
  const value = (set[0] + set[1]) / 2;
  return { id, value, set, loss: meanLossAt(id, y, value, s) };
}

/** (1/n)·Σρ(yᵢ − c). */
export function meanLossAt(
  id: RegressionLossId,
  y: readonly number[],
  c: number,
  s: RegressionShape,
): number {
  return regressionLossMean(
    id,
    y.map((v) => v - c),
    s,
  );
}

/**
 * Bernoulli negative log-likelihood −log[p^y (1 − p)^{1−y}] for y ∈ {0, 1}: binary cross-entropy
 * without clipping (p in the open interval (0, 1)).
 */
export function bernoulliNll(p: number, y: 0 | 1): number {
  return y === 1 ? -Math.log(p) : -Math.log1p(-p);
}
