/**
 * Simulation "regularization-path": ridge, lasso and elastic-net coefficients against λ on a
 * seeded wide dataset (≥ 6 AR(1)-correlated features, core/ml/regularization-data.ts), with the
 * number of non-zero coefficients and the training and held-out mean squared error at every λ.
 *
 * Objective (core/ml/regularization.ts): (1/2n)‖y − Xw‖² + λ·(α‖w‖₁ + ((1 − α)/2)‖w‖²); ridge is
 * α = 0, lasso α = 1, the elastic net the requested α. One λ grid (geometric, largest first) is
 * shared by the three methods. L1 paths use coordinate descent warm-started from the previous λ.
 *
 * Frames: first the data summary, then one frame per finished method. A slice solves one λ.
 */
import { z } from 'zod';
import { regStatsCreate, regLambdaMax, type RegStats } from '../ml/regularization';
import {
  regDataWideCreateSlices,
  regWideWeights,
  type RegDataset,
} from '../ml/regularization-data';
import { regExactSmall, regLambdaGrid, regPathPoints } from '../ml/regularization-solve';
import { simDefine, type SimRun } from './registry';

const finite = z.number().finite();

/** Params: the wide dataset (p, sizes, correlation, noise, seed), the elastic-net α and the λ grid. */
export const regularizationPathParams = z
  .object({
    /** Number of features p. */
    features: z.number().int().min(6).max(16),
    nTrain: z.number().int().min(10).max(2000),
    nTest: z.number().int().min(10).max(10_000),
    /** AR(1) correlation between neighbouring features. */
    correlation: finite.min(-0.95).max(0.95),
    /** Noise standard deviation σ (units of y). */
    noise: finite.min(0).max(20),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    /** Elastic-net mixing α of the third path. */
    alpha: finite.gt(0).lt(1),
    lambdaMin: finite.positive(),
    lambdaMax: finite.positive(),
    /** Grid points. */
    count: z.number().int().min(2).max(400),
    /** True weights (length = features); default regWideWeights(features). */
    weights: z.array(finite).max(16).optional(),
  })
  .refine((p) => p.lambdaMin < p.lambdaMax, { message: 'lambdaMin must be below lambdaMax' })
  .refine((p) => !p.weights || p.weights.length === p.features, {
    message: 'weights must have one entry per feature',
  });
/** Validated params of a path run. */
export type RegularizationPathParams = z.infer<typeof regularizationPathParams>;

/** The three penalties: ridge (α = 0), lasso (α = 1) and the elastic net (the requested α). */
export type RegPathMethod = 'ridge' | 'lasso' | 'elastic-net';

/** Streamed frames: the data summary first, then one complete path per method. */
export type RegularizationPathFrame =
  | {
      kind: 'data';
      features: number;
      trueWeights: Float64Array;
      /** Smallest λ at which the lasso solution is all zeros: max_j |b_j|. */
      lassoLambdaMax: number;
      /** Held-out MSE of the least-squares fit (λ = 0), for reference. */
      olsTestMse: number;
    }
  | {
      kind: 'path';
      method: RegPathMethod;
      alpha: number;
      /** λ grid, largest first (length K). */
      lambdas: Float64Array;
      /** Coefficient j at λ_k is coefs[k·p + j] (K × p). */
      coefs: Float64Array;
      /** Non-zero coefficients at each λ (exact zeros only). */
      nonzero: Int32Array;
      /** Mean squared error (1/n)Σ(y − ŷ)² on the training and the held-out set. */
      trainMse: Float64Array;
      testMse: Float64Array;
      /** Largest KKT residual along the path. */
      worstKkt: number;
    };

/** Per method, the grid λ with the lowest held-out MSE and that MSE. */
export interface RegularizationPathResult {
  methods: { method: RegPathMethod; bestLambda: number; bestTestMse: number }[];
}

/** (1/n)·‖y − Xw‖² on a dataset. */
function mse(d: RegDataset, w: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < d.n; i++) {
    let r = d.y[i];
    for (let j = 0; j < d.p; j++) r -= d.x[i * d.p + j] * w[j];
    sum += r * r;
  }
  return sum / d.n;
}

function* methodPath(
  s: RegStats,
  train: RegDataset,
  test: RegDataset,
  lambdas: Float64Array,
  method: RegPathMethod,
  alpha: number,
): Generator<void, Extract<RegularizationPathFrame, { kind: 'path' }>, void> {
  const { p } = s;
  const K = lambdas.length;
  const coefs = new Float64Array(K * p);
  const nonzero = new Int32Array(K);
  const trainMse = new Float64Array(K);
  const testMse = new Float64Array(K);
  let worstKkt = 0;
  let k = 0;
  for (const sol of regPathPoints(s, lambdas, alpha)) {
    coefs.set(sol.w, k * p);
    nonzero[k] = sol.w.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0);
    trainMse[k] = mse(train, sol.w);
    testMse[k] = mse(test, sol.w);
    worstKkt = Math.max(worstKkt, sol.kkt);
    k++;
    yield;
  }
  return { kind: 'path', method, alpha, lambdas, coefs, nonzero, trainMse, testMse, worstKkt };
}

/** The simulation; one slice solves one (method, λ) point. */
export const regularizationPathSim = simDefine({
  name: 'regularization-path',
  // Whole trajectories / whole paths: the renderer draws when they are all there.
  delivery: 'result',
  params: regularizationPathParams,
  *start(
    params: RegularizationPathParams,
  ): SimRun<RegularizationPathFrame, RegularizationPathResult> {
    const weights = params.weights ?? regWideWeights(params.features);
    const methods: [RegPathMethod, number][] = [
      ['ridge', 0],
      ['lasso', 1],
      ['elastic-net', params.alpha],
    ];
    const total = methods.length * params.count;
    // 12,000 rows at the largest sizes: drawing them (a thousand rows a slice), their statistics
    // and the held-out error of the least-squares fit each take milliseconds.
    const drawing = regDataWideCreateSlices({
      nTrain: params.nTrain,
      nTest: params.nTest,
      correlation: params.correlation,
      noise: params.noise,
      weights,
      seed: params.seed,
    });
    let drawn = drawing.next();
    for (; !drawn.done; drawn = drawing.next()) yield { done: 0, total };
    const { train, test } = drawn.value;
    const s = regStatsCreate(train.x, train.y, train.n, train.p);
    const lambdas = regLambdaGrid(params.lambdaMin, params.lambdaMax, params.count);
    const ols = regExactSmall(s, 0, 0).w;
    yield { done: 0, total };
    yield {
      done: 0,
      total,
      frame: {
        kind: 'data',
        features: params.features,
        trueWeights: Float64Array.from(weights),
        lassoLambdaMax: regLambdaMax(s, 1),
        olsTestMse: mse(test, ols),
      },
    };
    const summary: RegularizationPathResult['methods'] = [];
    let done = 0;
    for (const [method, alpha] of methods) {
      const run = methodPath(s, train, test, Float64Array.from(lambdas), method, alpha);
      // One slice per λ; the method's frame goes out once its path is complete.
      let step = run.next();
      while (!step.done) {
        done++;
        yield { done, total };
        step = run.next();
      }
      const frame = step.value;
      let best = 0;
      for (let k = 1; k < frame.testMse.length; k++)
        if (frame.testMse[k] < frame.testMse[best]) best = k;
      summary.push({ method, bestLambda: frame.lambdas[best], bestTestMse: frame.testMse[best] });
      yield { done, total, frame };
    }
    return { methods: summary };
  },
});
