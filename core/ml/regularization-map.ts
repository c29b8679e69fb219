/**
 * Regularization as a prior: the posterior mode (MAP) of y = Xw + ε, ε ~ N(0, σ²I), under the
 * prior p(w) ∝ exp(−κ·P_α(w)) equals the penalized solution for λ = σ²κ/n.
 *
 * Derivation with this app's normalisation L(w) = (1/2n)‖y − Xw‖²:
 *   −log p(w | y) = (1/2σ²)·‖y − Xw‖² + κ·P_α(w) + const = (n/σ²)·[L(w) + (σ²κ/n)·P_α(w)] + const,
 * and multiplying by the positive n/σ² does not move the minimiser. Special cases:
 *   α = 0: Gaussian prior w_j ~ N(0, τ²), κ = 1/τ²  →  λ = σ²/(nτ²),  τ = σ/√(nλ);
 *   α = 1: Laplace prior w_j ~ Laplace(0, β) (density e^{−|w|/β}/2β), κ = 1/β  →  λ = σ²/(nβ).
 * With the sum-of-squares objective Σ(y − ŷ)² + λ_Σ·P_α the same prior needs λ_Σ = 2σ²κ = 2nλ.
 */
import { regLossGradient, regPenalty, regLoss, type RegStats } from './regularization';

/** The prior that a penalty weight λ stands for, at noise σ and sample size n. */
export interface RegPrior {
  /** κ = nλ/σ², the prior's rate: p(w) ∝ exp(−κ·P_α(w)). */
  readonly kappa: number;
  /** Gaussian prior standard deviation τ = 1/√κ (meaningful for α = 0), else NaN. */
  readonly gaussianScale: number;
  /** Laplace prior scale β = 1/κ (meaningful for α = 1), else NaN. */
  readonly laplaceScale: number;
  /** The equivalent weight for Σ(y − ŷ)² + λ_Σ·P_α: λ_Σ = 2nλ. */
  readonly lambdaSumOfSquares: number;
}

/** λ → prior: κ = nλ/σ², τ = 1/√κ (α = 0), β = 1/κ (α = 1), λ_Σ = 2nλ. */
export function regPriorFromLambda(
  lambda: number,
  alpha: number,
  noise: number,
  n: number,
): RegPrior {
  const kappa = (n * lambda) / (noise * noise);
  return {
    kappa,
    gaussianScale: alpha === 0 ? 1 / Math.sqrt(kappa) : NaN,
    laplaceScale: alpha === 1 ? 1 / kappa : NaN,
    lambdaSumOfSquares: 2 * n * lambda,
  };
}

/** Prior → λ: λ = σ²κ/n (the inverse of regPriorFromLambda). */
export function regLambdaFromPrior(kappa: number, noise: number, n: number): number {
  return (noise * noise * kappa) / n;
}

/**
 * Negative log posterior up to a constant, in its own units:
 * (1/2σ²)·‖y − Xw‖² + κ·P_α(w) = (n/σ²)·L(w) + κ·P_α(w).
 */
export function regNegLogPosterior(
  s: RegStats,
  w: ArrayLike<number>,
  alpha: number,
  noise: number,
  kappa: number,
): number {
  return (s.n / (noise * noise)) * regLoss(s, w) + kappa * regPenalty(w, alpha);
}

/**
 * How far w is from being the posterior mode: the largest coordinate violation of
 * 0 ∈ (n/σ²)·∇L(w) + κ·∂P_α(w) (zero exactly at the MAP estimate), in log-density per unit w.
 */
export function regMapResidual(
  s: RegStats,
  w: ArrayLike<number>,
  alpha: number,
  noise: number,
  kappa: number,
): number {
  const g = regLossGradient(s, w);
  const scale = s.n / (noise * noise);
  let worst = 0;
  for (let j = 0; j < s.p; j++) {
    const gj = scale * g[j];
    const v =
      w[j] === 0
        ? Math.max(0, Math.abs(gj) - kappa * alpha)
        : Math.abs(gj + kappa * ((1 - alpha) * w[j] + alpha * Math.sign(w[j])));
    worst = Math.max(worst, v);
  }
  return worst;
}
