/**
 * The whole state of the Statistics of learning lab that a scene file or link carries: which view
 * is on screen and the bias–variance experiment (true function, noise, training-set size, number
 * of sets, design, the degree looked at). Validated with zod on the way in; bounded as compute
 * accepts them (core/labs/statistics/sim.ts).
 */
import { z } from 'zod';
import { TRUE_FUNCTION_IDS } from '../../ml/stats-basis';
import { labSeedSchema } from '../define';

export const STATS_VIEWS = ['bias-variance', 'likelihood', 'bayes'] as const;
export type StatsView = (typeof STATS_VIEWS)[number];

/** Bounds shared by the lab and its simulation. */
export const BV_LIMITS = {
  sigma: { min: 0.01, max: 2 },
  n: { min: 3, max: 200 },
  datasets: { min: 10, max: 1000 },
  degree: { min: 0, max: 15 },
} as const;

const int = (r: { min: number; max: number }) => z.number().int().min(r.min).max(r.max);

export const bvParamsSchema = z.object({
  fn: z.enum(TRUE_FUNCTION_IDS),
  /** Noise standard deviation σ of y = f(x) + σε. */
  sigma: z.number().min(BV_LIMITS.sigma.min).max(BV_LIMITS.sigma.max),
  /** Points per training set. */
  n: int(BV_LIMITS.n),
  /** Training sets D drawn and fitted. */
  datasets: int(BV_LIMITS.datasets),
  /** Random: new x for every set (the seeds' setting); fixed: x_i = (i + ½)/n every time. */
  design: z.enum(['random', 'fixed']),
  /** The degree whose fits are drawn and whose numbers are written out. */
  degree: int(BV_LIMITS.degree),
});
export type BvParams = z.infer<typeof bvParamsSchema>;

/** Bounds of the likelihood view. */
export const MLE_LIMITS = {
  n: { min: 2, max: 100 },
  mu: { min: -5, max: 5 },
  sigma: { min: 0.2, max: 5 },
  simSamples: { min: 100, max: 20000 },
  tosses: { min: 1, max: 50 },
  prior: { min: 0.5, max: 20 },
  tau: { min: 0.05, max: 10 },
} as const;

const range = (r: { min: number; max: number }) => z.number().min(r.min).max(r.max);

export const mleParamsSchema = z.object({
  /** Size of the Gaussian sample, and of each sample in the ÷ n simulation. */
  n: int(MLE_LIMITS.n),
  /** The true mean and standard deviation the sample is drawn from. */
  mu: range(MLE_LIMITS.mu),
  sigma: range(MLE_LIMITS.sigma),
  /** Samples drawn to measure E[σ̂²]. */
  simSamples: int(MLE_LIMITS.simSamples),
  /** The coin: heads (at most `tosses`; more counts as all heads) in tosses, Beta(a, b) prior. */
  heads: int({ min: 0, max: MLE_LIMITS.tosses.max }),
  tosses: int(MLE_LIMITS.tosses),
  priorA: range(MLE_LIMITS.prior),
  priorB: range(MLE_LIMITS.prior),
  /** Standard deviation τ of a Gaussian prior on regression weights (the ridge link). */
  tau: range(MLE_LIMITS.tau),
});
export type MleParams = z.infer<typeof mleParamsSchema>;

/** Bounds of the Bayesian line view: points live in [−1, 1] × [−2, 2]. */
export const BLR_LIMITS = {
  x: { min: -1, max: 1 },
  y: { min: -2, max: 2 },
  points: 40,
  sigma: { min: 0.05, max: 2 },
  tau: { min: 0.05, max: 5 },
} as const;

export const blrParamsSchema = z.object({
  points: z.array(z.tuple([range(BLR_LIMITS.x), range(BLR_LIMITS.y)])).max(BLR_LIMITS.points),
  /** Noise σ of y = w₀ + w₁x + ε, and the prior's standard deviation τ of each weight. */
  sigma: range(BLR_LIMITS.sigma),
  tau: range(BLR_LIMITS.tau),
});
export type BlrParams = z.infer<typeof blrParamsSchema>;

export const statsParamsSchema = z.object({
  view: z.enum(STATS_VIEWS),
  bv: bvParamsSchema,
  mle: mleParamsSchema,
  blr: blrParamsSchema,
  /** Seed of every random draw (training sets, fresh test noise). */
  seed: labSeedSchema,
});
export type StatsParams = z.infer<typeof statsParamsSchema>;
