/**
 * Maximum likelihood and the Beta–Bernoulli posterior, in closed form.
 *
 * Gaussian sample x_1 … x_n, parameters (μ, σ):
 *   ℓ(μ, σ) = −(n/2)·log(2π) − n·log σ − Σ (x_i − μ)² / (2σ²)
 *   maximised at μ̂ = x̄ and σ̂² = (1/n) Σ (x_i − x̄)² (÷ n, not n − 1), where
 *   ℓ_max = −(n/2)·(log(2π σ̂²) + 1). Since E[σ̂²] = (n − 1)/n · σ², the ÷ n estimate is biased low;
 *   s² = n/(n − 1) · σ̂² is not.
 * Coin with k heads in n tosses, Beta(a, b) prior on p:
 *   likelihood L(p) = p^k (1 − p)^(n−k), MLE p̂ = k/n (0 for no heads: "heads are impossible");
 *   posterior Beta(a + k, b + n − k), MAP (a + k − 1)/(a + b + n − 2) when both shapes > 1,
 *   posterior mean (a + k)/(a + b + n).
 */
import { rngCreate } from '../math/rng';

/** Gaussian log-likelihood ℓ(μ, σ) of the sample. */
export function gaussianLogLik(xs: ArrayLike<number>, mu: number, sigma: number): number {
  const n = xs.length;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mu) ** 2;
  return -0.5 * n * Math.log(2 * Math.PI) - n * Math.log(sigma) - ss / (2 * sigma * sigma);
}

/** x̄, σ̂ (÷ n) and s (÷ n − 1) of a sample, and ℓ at (x̄, σ̂). */
export function gaussianMle(xs: ArrayLike<number>): {
  mean: number;
  sigmaMle: number;
  sigmaUnbiased: number;
  logLikMax: number;
} {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  const v = ss / n;
  return {
    mean,
    sigmaMle: Math.sqrt(v),
    sigmaUnbiased: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    logLikMax: -0.5 * n * (Math.log(2 * Math.PI * v) + 1),
  };
}

/** n draws from N(mu, sigma²). */
export function gaussianSample(n: number, mu: number, sigma: number, seed: number): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n }, () => mu + sigma * rng.normal());
}

/**
 * `samples` samples of size n from N(0, σ²): the mean over them of σ̂² (÷ n) and of s² (÷ n − 1),
 * with the standard error of each mean (E σ̂² = (n − 1)/n · σ², E s² = σ²).
 */
export function varianceEstimatorSim(
  n: number,
  sigma: number,
  samples: number,
  seed: number,
): { meanMle: number; meanUnbiased: number; seMle: number; seUnbiased: number } {
  const rng = rngCreate(seed);
  let m1 = 0;
  let m2 = 0;
  for (let k = 0; k < samples; k++) {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = sigma * rng.normal();
      sum += x;
      sq += x * x;
    }
    const ss = sq - (sum * sum) / n;
    const v = ss / n;
    m1 += v;
    m2 += v * v;
  }
  const meanMle = m1 / samples;
  const sdMle = Math.sqrt(Math.max(0, m2 / samples - meanMle ** 2) * (samples / (samples - 1)));
  const f = n / (n - 1);
  return {
    meanMle,
    meanUnbiased: meanMle * f,
    seMle: sdMle / Math.sqrt(samples),
    seUnbiased: (sdMle * f) / Math.sqrt(samples),
  };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error below 1e-14). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Density of Beta(a, b) at p ∈ [0, 1] (a, b > 0); +∞ at an end where the shape is below 1. */
export function betaPdf(p: number, a: number, b: number): number {
  if (p < 0 || p > 1) return 0;
  const logB = logGamma(a) + logGamma(b) - logGamma(a + b);
  if ((p === 0 && a < 1) || (p === 1 && b < 1)) return Infinity;
  if ((p === 0 && a > 1) || (p === 1 && b > 1)) return 0;
  const lp = (a - 1) * (p === 0 ? 0 : Math.log(p)) + (b - 1) * (p === 1 ? 0 : Math.log1p(-p));
  return Math.exp(lp - logB);
}

export interface CoinEstimates {
  /** k/n (NaN with no tosses). */
  mle: number;
  /** Posterior shapes. */
  a: number;
  b: number;
  /** Mode of the posterior, or null when a shape ≤ 1 puts it at an end (then 0 or 1). */
  map: number;
  mean: number;
  /** Central 95 % interval is not in closed form; the posterior sd is. */
  sd: number;
}

/** MLE, MAP and posterior mean of a coin's p after k heads in n tosses under Beta(a0, b0). */
export function coinEstimates(k: number, n: number, a0: number, b0: number): CoinEstimates {
  const a = a0 + k;
  const b = b0 + n - k;
  const map =
    a > 1 && b > 1 ? (a - 1) / (a + b - 2) : a <= 1 && b > 1 ? 0 : b <= 1 && a > 1 ? 1 : NaN;
  return {
    mle: n > 0 ? k / n : NaN,
    a,
    b,
    map,
    mean: a / (a + b),
    sd: Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))),
  };
}
