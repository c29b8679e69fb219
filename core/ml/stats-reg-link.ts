/**
 * MAP under a prior as the Regularization lab's penalty: the λ a prior stands for, and the
 * constraint level of that lab's data whose multiplier is λ.
 *
 * The Regularization lab writes F(w) = (1/2n)‖y − Xw‖² + λ·P_α(w), P_0 = ½‖w‖², P_1 = ‖w‖₁
 * (core/ml/regularization.ts), and stores its constraint level, not λ: tFraction = t / P_α(ŵ),
 * with λ(t) the multiplier of min L(w) s.t. P_α(w) ≤ t. In that scaling
 * (core/ml/regularization-map.ts):
 *   Gaussian prior w_j ~ N(0, τ²)        →  ridge (α = 0), λ = σ²/(nτ²);
 *   Laplace prior w_j ~ Laplace(0, b)    →  lasso (α = 1), λ = σ²/(n·b);
 * the Statistics lab's Laplace prior has the same standard deviation τ as its Gaussian: b = τ/√2.
 *
 * Finding tFraction. t ↦ λ(t) is monotone (non-increasing) and its inverse is explicit: the
 * constraint P_α(w) ≤ t has multiplier λ exactly when t = P_α(w(λ)), w(λ) the minimiser of F
 * (regConstraintFromLambda), so no search is needed. The multiplier the Regularization lab will
 * solve for at that t is computed as well, by the same steps its model takes
 * (core/labs/regularization/model.ts), so it can be shown and tested. For the lasso every
 * λ ≥ λ_max gives w = 0 (t = 0), where that lab reports the smallest multiplier, λ_max: `capped`.
 */
import { regPenalty, regRidge, regStatsCreate, type RegStats } from './regularization';
import { regConstrainedSolve, regConstraintFromLambda } from './regularization-constrained';
import { regData2Create, REG_DATA2_DEFAULTS } from './regularization-data';

/** λ = σ²/(nτ²): a Gaussian prior N(0, τ²) as ridge in the (1/2n) scaling. */
export function regLambdaGaussian(sigma: number, tau: number, n: number): number {
  return (sigma * sigma) / (n * tau * tau);
}

/** Laplace scale with standard deviation τ: b = τ/√2 (its variance is 2b²). */
export function laplaceScaleForSd(tau: number): number {
  return tau / Math.SQRT2;
}

/** λ = σ²/(n·b): a Laplace prior of scale b as the lasso in the (1/2n) scaling. */
export function regLambdaLaplace(sigma: number, b: number, n: number): number {
  return (sigma * sigma) / (n * b);
}

/** The constraint level for a multiplier, and the multiplier that level gives back. */
export interface RegTForLambda {
  /** The λ asked for. */
  lambda: number;
  /** t / P_α(ŵ), in [0, 1]. */
  tFraction: number;
  /** The multiplier of the constrained problem at tFraction·P_α(ŵ). */
  lambdaBack: number;
  /** True when λ ≥ λ_max (α > 0): w = 0 and the multiplier given back is λ_max. */
  capped: boolean;
}

/** tFraction with multiplier λ for data `s` (see the module comment). */
export function regTFractionFor(s: RegStats, alpha: number, lambda: number): RegTForLambda {
  const ols = regRidge(s, 0) ?? new Float64Array(s.p);
  const olsPenalty = regPenalty(ols, alpha);
  const t = Number.isFinite(lambda) ? regConstraintFromLambda(s, alpha, Math.max(0, lambda)) : 0;
  const tFraction = olsPenalty > 0 ? Math.min(1, t / olsPenalty) : 0;
  const back = regConstrainedSolve(s, alpha, tFraction * olsPenalty).lambda;
  return {
    lambda,
    tFraction,
    lambdaBack: back,
    capped: alpha > 0 && tFraction === 0 && back < lambda,
  };
}

let defaults: RegStats | null = null;

/** The Regularization lab's default two-feature data (REG_DATA2_DEFAULTS) as statistics. */
export function regDefaultStats(): RegStats {
  if (!defaults) {
    const data = regData2Create(REG_DATA2_DEFAULTS);
    defaults = regStatsCreate(data.x, data.y, data.n, 2);
  }
  return defaults;
}
