/**
 * The Statistics of learning lab's work in compute.
 *
 * "statistics-bias-variance": D training sets of n noisy points, every polynomial degree fitted to
 * each (core/ml/stats-bias-variance.ts), summarised per degree as bias², variance, measured test
 * and training error, and per test point as the mean fit, the median and the 10 %/90 % band.
 * One piece is one training set (≤ 0.2 ms at n = 200, degree 15) or one degree's summary (a sort
 * of D fits per test point, a few ms at D = 1000); pieces are gathered into slices of SIM_SLICE_MS.
 */
import { z } from 'zod';
import { TRUE_FUNCTION_IDS } from '../../ml/stats-basis';
import { biasVarianceRunCreate, type BiasVarianceResult } from '../../ml/stats-bias-variance';
import { simDefine, type SimRun } from '../../sim/registry';
import { simPieces } from '../../sim/slices';
import { BV_LIMITS } from './params';

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const biasVarianceSimParams = z.object({
  fn: z.enum(TRUE_FUNCTION_IDS),
  sigma: z.number().min(BV_LIMITS.sigma.min).max(BV_LIMITS.sigma.max),
  n: int(BV_LIMITS.n.min, BV_LIMITS.n.max),
  datasets: int(BV_LIMITS.datasets.min, BV_LIMITS.datasets.max),
  maxDegree: int(BV_LIMITS.degree.min, BV_LIMITS.degree.max),
  design: z.enum(['random', 'fixed']),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  testPoints: int(10, 200),
  samples: int(0, 50),
  bands: z.boolean(),
});
export type BiasVarianceSimParams = z.infer<typeof biasVarianceSimParams>;

export const biasVarianceSim = simDefine({
  name: 'statistics-bias-variance',
  delivery: 'result',
  params: biasVarianceSimParams,
  *start(p: BiasVarianceSimParams): SimRun<never, BiasVarianceResult> {
    const run = biasVarianceRunCreate(p);
    for (const _ of simPieces(() => run.advance())) {
      void _;
      yield { done: run.done, total: run.total };
    }
    yield { done: run.total, total: run.total };
    return run.result();
  },
});
