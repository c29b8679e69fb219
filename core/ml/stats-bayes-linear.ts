/**
 * Bayesian linear regression with a line y = w₀ + w₁x + ε, ε ~ N(0, σ²), and the prior
 * w ~ N(0, τ²I) (Bishop, Pattern Recognition and Machine Learning, eqs. 3.53–3.59):
 *   S_N⁻¹ = τ⁻² I + σ⁻² ΦᵀΦ,   m_N = σ⁻² S_N Φᵀy,   Φ rows (1, x_i)
 *   predictive at x: mean m_Nᵀφ(x), variance σ² + φ(x)ᵀ S_N φ(x)
 * The posterior mean is also its mode, the MAP, which is ridge regression on the line's two weights
 * (intercept included) with λ = σ²/τ² for ‖y − Φw‖² + λ‖w‖².
 */
import { rngCreate } from '../math/rng';

export interface LinePosterior {
  /** m_N = (w₀, w₁). */
  mean: [number, number];
  /** S_N as (s₀₀, s₀₁, s₁₁). */
  cov: [number, number, number];
}

/** The posterior over (w₀, w₁) after the points. With no points it is the prior. */
export function linePosterior(
  points: readonly (readonly [number, number])[],
  sigma: number,
  tau: number,
): LinePosterior {
  let n = 0;
  let sx = 0;
  let sxx = 0;
  let sy = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    n++;
    sx += x;
    sxx += x * x;
    sy += y;
    sxy += x * y;
  }
  const s2 = sigma * sigma;
  // Precision S_N⁻¹ = [[a, b], [b, c]], inverted in closed form.
  const a = 1 / (tau * tau) + n / s2;
  const b = sx / s2;
  const c = 1 / (tau * tau) + sxx / s2;
  const det = a * c - b * b;
  const cov: [number, number, number] = [c / det, -b / det, a / det];
  const r0 = sy / s2;
  const r1 = sxy / s2;
  return { mean: [cov[0] * r0 + cov[1] * r1, cov[1] * r0 + cov[2] * r1], cov };
}

/** Predictive mean and standard deviation at x (noise included). */
export function linePredict(
  post: LinePosterior,
  sigma: number,
  x: number,
): { mean: number; sd: number } {
  const [s00, s01, s11] = post.cov;
  return {
    mean: post.mean[0] + post.mean[1] * x,
    sd: Math.sqrt(sigma * sigma + s00 + 2 * s01 * x + s11 * x * x),
  };
}

/** `count` lines (w₀, w₁) drawn from the posterior (Cholesky factor of S_N). */
export function lineSamples(post: LinePosterior, count: number, seed: number): [number, number][] {
  const rng = rngCreate(seed);
  const [s00, s01, s11] = post.cov;
  const l00 = Math.sqrt(s00);
  const l10 = s01 / l00;
  const l11 = Math.sqrt(Math.max(0, s11 - l10 * l10));
  return Array.from({ length: count }, () => {
    const z0 = rng.normal();
    const z1 = rng.normal();
    return [post.mean[0] + l00 * z0, post.mean[1] + l10 * z0 + l11 * z1];
  });
}

/** Axes of the k-sd ellipse of a 2×2 covariance: half-lengths and the angle of the first (rad). */
export function covarianceEllipse(
  cov: [number, number, number],
  k: number,
): { rx: number; ry: number; angle: number } {
  const [a, b, c] = cov;
  const mid = (a + c) / 2;
  const rad = Math.hypot((a - c) / 2, b);
  const l1 = mid + rad;
  const l2 = Math.max(0, mid - rad);
  const angle = b === 0 && a >= c ? 0 : Math.atan2(l1 - a, b);
  return { rx: k * Math.sqrt(l1), ry: k * Math.sqrt(l2), angle };
}
