/**
 * Regression losses, each beside its derivative.
 *
 * Conventions (every function here follows them):
 * - The residual is r = y − ŷ: target minus prediction (a point above a fitted line has r > 0).
 * - `value(r)` is the per-sample loss ρ(r); `derivative(r)` is dρ/dr. The derivative with respect
 *   to the prediction is −dρ/dr, because ∂r/∂ŷ = −1.
 * - A loss over n samples is the mean L = (1/n)·Σρ(rᵢ); its gradient with respect to the
 *   predictions is ∂L/∂ŷᵢ = −ρ′(rᵢ)/n (the 1/n is included: `regressionLossGradient`).
 * - Where ρ has a kink, the derivative there is the subgradient stated with the loss.
 *
 * The losses:
 * - MSE: ρ = r², ρ′ = 2r (no ½, as PyTorch's MSELoss).
 * - MAE: ρ = |r|, ρ′ = sign(r) with sign(0) = 0.
 * - Huber(δ), as PyTorch's HuberLoss (not SmoothL1Loss, which is HuberLoss divided by δ):
 *   ρ = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond; ρ′ = clamp(r, −δ, δ).
 * - log-cosh: ρ = log cosh r, computed without overflow (|r| + log1p(e^{−2|r|}) − log 2 for
 *   |r| ≥ 1, log1p(2 sinh²(r/2)) below, which keeps relative precision as r → 0); ρ′ = tanh r.
 * - Quantile (pinball) at level τ ∈ (0, 1): ρ = τr for r ≥ 0, (τ − 1)r for r < 0;
 *   ρ′ = τ for r > 0, τ − 1 for r < 0, and 0 at r = 0 (a subgradient in [τ − 1, τ]; at τ = ½
 *   this is ½·MAE with ½·sign(0) = 0). Its minimiser over a constant is the τ-quantile.
 */

export type RegressionLossId = 'mse' | 'mae' | 'huber' | 'logcosh' | 'quantile';

/** The shape parameters some losses take. */
export interface RegressionShape {
  /** Huber's threshold δ > 0 between the quadratic and the linear part. */
  delta: number;
  /** The quantile level τ ∈ (0, 1) of the pinball loss. */
  tau: number;
}

export interface RegressionLoss {
  id: RegressionLossId;
  label: string;
  /** ρ(r). */
  value(r: number, s: RegressionShape): number;
  /** dρ/dr (the stated subgradient at a kink). */
  derivative(r: number, s: RegressionShape): number;
  /**
   * d²ρ/dr² where it exists; at a kink of ρ′ (Huber's ±δ) the value from inside |r| < δ.
   * Piecewise-linear losses have 0 (their minimisers are found by an exact vertex method).
   */
  curvature(r: number, s: RegressionShape): number;
  /** Residuals where ρ or ρ′ is not differentiable. */
  kinks(s: RegressionShape): number[];
  /** ψ(r)/r, the weight of the point in iteratively reweighted least squares (r ≠ 0). */
  irlsWeight(r: number, s: RegressionShape): number;
}

const LN2 = Math.LN2;

/** log cosh r without overflow, with relative precision near 0. */
export function logCosh(r: number): number {
  const a = Math.abs(r);
  if (a < 1) {
    const h = Math.sinh(0.5 * a);
    return Math.log1p(2 * h * h);
  }
  return a + Math.log1p(Math.exp(-2 * a)) - LN2;
}

/** sech² r = 1 − tanh² r, as 4e^{−2|r|}/(1 + e^{−2|r|})² so it keeps precision in the tails. */
export function sech2(r: number): number {
  const e = Math.exp(-2 * Math.abs(r));
  const d = 1 + e;
  return (4 * e) / (d * d);
}

const sign0 = (r: number) => (r > 0 ? 1 : r < 0 ? -1 : 0);

export const REGRESSION_LOSSES: Record<RegressionLossId, RegressionLoss> = {
  mse: {
    id: 'mse',
    label: 'MSE',
    value: (r) => r * r,
    derivative: (r) => 2 * r,
    curvature: () => 2,
    kinks: () => [],
    irlsWeight: () => 2,
  },
  mae: {
    id: 'mae',
    label: 'MAE',
    value: (r) => Math.abs(r),
    derivative: sign0,
    curvature: () => 0,
    kinks: () => [0],
    irlsWeight: (r) => 1 / Math.abs(r),
  },
  huber: {
    id: 'huber',
    label: 'Huber',
    value: (r, s) => {
      const a = Math.abs(r);
      return a <= s.delta ? 0.5 * r * r : s.delta * (a - 0.5 * s.delta);
    },
    derivative: (r, s) => Math.max(-s.delta, Math.min(s.delta, r)),
    curvature: (r, s) => (Math.abs(r) <= s.delta ? 1 : 0),
    kinks: (s) => [-s.delta, s.delta],
    irlsWeight: (r, s) => (Math.abs(r) <= s.delta ? 1 : s.delta / Math.abs(r)),
  },
  logcosh: {
    id: 'logcosh',
    label: 'log-cosh',
    value: logCosh,
    derivative: Math.tanh,
    curvature: sech2,
    kinks: () => [],
    // tanh(r)/r → 1 as r → 0.
    irlsWeight: (r) => (Math.abs(r) < 1e-8 ? 1 : Math.tanh(r) / r),
  },
  quantile: {
    id: 'quantile',
    label: 'Quantile',
    value: (r, s) => (r >= 0 ? s.tau * r : (s.tau - 1) * r),
    derivative: (r, s) => (r > 0 ? s.tau : r < 0 ? s.tau - 1 : 0),
    curvature: () => 0,
    kinks: () => [0],
    irlsWeight: (r, s) => (r > 0 ? s.tau : 1 - s.tau) / Math.abs(r),
  },
};

export const REGRESSION_LOSS_IDS = Object.keys(REGRESSION_LOSSES) as RegressionLossId[];

/** L = (1/n)·Σρ(rᵢ) over residuals rᵢ = yᵢ − ŷᵢ. */
export function regressionLossMean(
  id: RegressionLossId,
  residuals: ArrayLike<number>,
  s: RegressionShape,
): number {
  const loss = REGRESSION_LOSSES[id];
  let sum = 0;
  for (let i = 0; i < residuals.length; i++) sum += loss.value(residuals[i], s);
  return sum / residuals.length;
}

/** ∂L/∂ŷᵢ = −ρ′(rᵢ)/n for the mean loss L over residuals rᵢ = yᵢ − ŷᵢ. */
export function regressionLossGradient(
  id: RegressionLossId,
  residuals: ArrayLike<number>,
  s: RegressionShape,
): Float64Array {
  const loss = REGRESSION_LOSSES[id];
  const n = residuals.length;
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = -loss.derivative(residuals[i], s) / n;
  return g;
}

/** Residuals y − ŷ of targets and predictions of equal length. */
export function residualsOf(y: ArrayLike<number>, yHat: ArrayLike<number>): Float64Array {
  const r = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) r[i] = y[i] - yHat[i];
  return r;
}
