/**
 * Every number the likelihood view shows: the Gaussian sample with its log-likelihood surface over
 * (μ, σ) and the maximum at (x̄, σ̂); the simulation of E[σ̂²] against (n − 1)/n · σ²; the coin's
 * likelihood, prior and posterior with the MLE, MAP and posterior mean; and the ridge weight a
 * Gaussian prior stands for (core/ml/stats-likelihood.ts, core/ml/regularization-map.ts).
 */
import {
  betaPdf,
  coinEstimates,
  gaussianLogLik,
  gaussianMle,
  gaussianSample,
  varianceEstimatorSim,
  type CoinEstimates,
} from '../../ml/stats-likelihood';
import type { MleParams } from './params';

/** Grid of the log-likelihood surface. */
export const SURFACE = { mu: 48, sigma: 36 } as const;
/** Points on the coin's p axis. */
export const COIN_POINTS = 201;

export interface LikelihoodModel {
  sample: Float64Array;
  sum: number;
  /** Σ (x_i − x̄)². */
  ss: number;
  mean: number;
  sigmaMle: number;
  sigmaUnbiased: number;
  logLikMax: number;
  /** ℓ at the true (μ, σ), below ℓ_max. */
  logLikTrue: number;
  surface: {
    mu: Float64Array;
    sigma: Float64Array;
    /** ℓ(μ_i, σ_j) − ℓ_max, row j (σ) by column i (μ): all ≤ 0. */
    drop: Float64Array;
  };
  sim: {
    samples: number;
    meanMle: number;
    meanUnbiased: number;
    seMle: number;
    seUnbiased: number;
    /** (n − 1)/n · σ² and σ². */
    expectedMle: number;
    truth: number;
  };
  coin: CoinEstimates & {
    heads: number;
    tosses: number;
    p: Float64Array;
    prior: Float64Array;
    /** The likelihood scaled to a density in p (Beta(k + 1, n − k + 1)). */
    likelihood: Float64Array;
    posterior: Float64Array;
  };
  ridge: {
    /** λ for ‖y − Xw‖² + λ‖w‖²: σ²/τ². */
    sumOfSquares: number;
    /** λ for the Regularization lab's (1/2n)‖y − Xw‖² + (λ/2)‖w‖²: σ²/(nτ²). */
    perSample: number;
  };
}

export function likelihoodModel(p: MleParams, seed: number): LikelihoodModel {
  const sample = gaussianSample(p.n, p.mu, p.sigma, seed);
  const m = gaussianMle(sample);
  const sum = sample.reduce((a, b) => a + b, 0);
  const ss = sample.reduce((a, x) => a + (x - m.mean) ** 2, 0);
  const spread = Math.max(m.sigmaMle, 0.05 * p.sigma);
  const mu = Float64Array.from(
    { length: SURFACE.mu },
    (_, i) => m.mean - 2.5 * spread + (5 * spread * i) / (SURFACE.mu - 1),
  );
  const sigma = Float64Array.from(
    { length: SURFACE.sigma },
    (_, j) => 0.3 * spread + (2.2 * spread * j) / (SURFACE.sigma - 1),
  );
  const drop = new Float64Array(SURFACE.mu * SURFACE.sigma);
  for (let j = 0; j < SURFACE.sigma; j++)
    for (let i = 0; i < SURFACE.mu; i++)
      drop[j * SURFACE.mu + i] = gaussianLogLik(sample, mu[i], sigma[j]) - m.logLikMax;
  const sim = varianceEstimatorSim(p.n, p.sigma, p.simSamples, seed + 1);
  const k = Math.min(p.heads, p.tosses);
  const est = coinEstimates(k, p.tosses, p.priorA, p.priorB);
  const grid = Float64Array.from({ length: COIN_POINTS }, (_, i) => i / (COIN_POINTS - 1));
  return {
    sample,
    sum,
    ss,
    mean: m.mean,
    sigmaMle: m.sigmaMle,
    sigmaUnbiased: m.sigmaUnbiased,
    logLikMax: m.logLikMax,
    logLikTrue: gaussianLogLik(sample, p.mu, p.sigma),
    surface: { mu, sigma, drop },
    sim: {
      samples: p.simSamples,
      ...sim,
      expectedMle: ((p.n - 1) / p.n) * p.sigma ** 2,
      truth: p.sigma ** 2,
    },
    coin: {
      ...est,
      heads: k,
      tosses: p.tosses,
      p: grid,
      prior: grid.map((q) => betaPdf(q, p.priorA, p.priorB)),
      likelihood: grid.map((q) => betaPdf(q, k + 1, p.tosses - k + 1)),
      posterior: grid.map((q) => betaPdf(q, est.a, est.b)),
    },
    ridge: {
      sumOfSquares: p.sigma ** 2 / p.tau ** 2,
      perSample: p.sigma ** 2 / (p.n * p.tau ** 2),
    },
  };
}
