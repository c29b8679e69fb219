/**
 * Every number the Bayesian line view shows: the posterior over (w₀, w₁) after the points, the
 * predictive mean ± 2 sd over x ∈ [−1, 1], lines drawn from the posterior, the 1- and 2-sd
 * ellipses of prior and posterior, and the ridge weight the posterior mean solves
 * (core/ml/stats-bayes-linear.ts).
 */
import {
  covarianceEllipse,
  linePosterior,
  linePredict,
  lineSamples,
  type LinePosterior,
} from '../../ml/stats-bayes-linear';
import type { BlrParams } from './params';

export const BAYES_GRID = 81;
export const BAYES_SAMPLES = 12;

export interface BayesModel {
  post: LinePosterior;
  x: Float64Array;
  mean: Float64Array;
  /** Predictive mean ∓ 2 sd (noise included). */
  low: Float64Array;
  high: Float64Array;
  lines: [number, number][];
  /** 1- and 2-sd ellipses of the posterior; the prior's are circles of radius τ and 2τ. */
  ellipses: { rx: number; ry: number; angle: number }[];
  /** λ = σ²/τ² for ‖y − Φw‖² + λ‖w‖² (intercept penalised too). */
  lambda: number;
}

export function bayesModel(p: BlrParams, seed: number): BayesModel {
  const post = linePosterior(p.points, p.sigma, p.tau);
  const x = Float64Array.from({ length: BAYES_GRID }, (_, i) => -1 + (2 * i) / (BAYES_GRID - 1));
  const pred = Array.from(x, (v) => linePredict(post, p.sigma, v));
  return {
    post,
    x,
    mean: Float64Array.from(pred, (q) => q.mean),
    low: Float64Array.from(pred, (q) => q.mean - 2 * q.sd),
    high: Float64Array.from(pred, (q) => q.mean + 2 * q.sd),
    lines: lineSamples(post, BAYES_SAMPLES, seed),
    ellipses: [1, 2].map((k) => covarianceEllipse(post.cov, k)),
    lambda: p.sigma ** 2 / p.tau ** 2,
  };
}
