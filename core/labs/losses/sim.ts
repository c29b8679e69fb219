/**
 * The Losses lab's work in compute.
 *
 * "losses-influence": how far each loss lets one point move its fit. The outlier's y sweeps a
 * range with everything else fixed; at each position the polynomial is fitted under all five
 * regression losses (core/ml/losses-fit.ts: exact or converged) and the fit's value at the
 * outlier's x is recorded. MSE's grows in proportion to y (without bound); MAE's and Huber's stop
 * growing once the outlier is far. One slice is one fit (a loss at a position), ≤ 2 ms at 40
 * points and degree 3.
 *
 * "losses-train": the linear classifier of core/ml/losses-classify.ts trained by full-batch
 * gradient descent with logistic, hinge and focal loss from w = 0, every step recorded, in pieces
 * of at most SIM_SLICE_MS.
 */
import { z } from 'zod';
import { robustFit } from '../../ml/losses-fit';
import { classifierRunCreate } from '../../ml/losses-classify';
import { REGRESSION_LOSS_IDS, type RegressionLossId } from '../../ml/losses-regression';
import { simDefine, type SimRun } from '../../sim/registry';
import { simPieces } from '../../sim/slices';
import { TRAINED_LOSSES, type TrainedLoss } from './params';

const finite = z.number().finite();

export const lossesInfluenceParams = z
  .object({
    inliers: z
      .array(z.tuple([finite, finite]))
      .min(2)
      .max(39),
    outlierX: finite,
    degree: z.number().int().min(0).max(3),
    delta: finite.positive(),
    tau: finite.gt(0).lt(1),
    /** The outlier's y sweeps [yMin, yMax] in `count` equal steps. */
    yMin: finite,
    yMax: finite,
    count: z.number().int().min(2).max(401),
  })
  .refine((p) => p.yMin < p.yMax, { message: 'yMin must be below yMax' });
export type LossesInfluenceParams = z.infer<typeof lossesInfluenceParams>;

export interface LossesInfluenceResult {
  /** The outlier's y at each step. */
  ys: Float64Array;
  /** Per loss, the fitted value at the outlier's x for each of `ys`. */
  fitted: Record<RegressionLossId, Float64Array>;
  /** Fits that did not reach the solver's tolerance (0 in every case measured). */
  unconverged: number;
}

export const lossesInfluenceSim = simDefine({
  name: 'losses-influence',
  delivery: 'result',
  params: lossesInfluenceParams,
  *start(p: LossesInfluenceParams): SimRun<never, LossesInfluenceResult> {
    const xs = [...p.inliers.map((q) => q[0]), p.outlierX];
    const ys = new Float64Array(p.count);
    const fitted = Object.fromEntries(
      REGRESSION_LOSS_IDS.map((id) => [id, new Float64Array(p.count)]),
    ) as Record<RegressionLossId, Float64Array>;
    const targets = [...p.inliers.map((q) => q[1]), 0];
    const shape = { delta: p.delta, tau: p.tau };
    let unconverged = 0;
    const total = p.count * REGRESSION_LOSS_IDS.length;
    for (let k = 0; k < p.count; k++) {
      const y = p.yMin + ((p.yMax - p.yMin) * k) / (p.count - 1);
      ys[k] = y;
      targets[targets.length - 1] = y;
      for (const [j, id] of REGRESSION_LOSS_IDS.entries()) {
        const f = robustFit(id, xs, targets, p.degree, shape);
        fitted[id][k] = f.predictions[f.predictions.length - 1];
        if (!f.converged) unconverged++;
        yield { done: k * REGRESSION_LOSS_IDS.length + j + 1, total };
      }
    }
    return { ys, fitted, unconverged };
  },
});

export const lossesTrainParams = z.object({
  points: z
    .array(z.tuple([finite, finite, z.union([z.literal(-1), z.literal(1)])]))
    .min(2)
    .max(40),
  lr: finite.positive().max(10),
  steps: z.number().int().min(1).max(5000),
  l2: finite.min(0).max(10),
  gamma: finite.min(0).max(10),
  alpha: finite.min(0).max(1).nullable(),
});
export type LossesTrainParams = z.infer<typeof lossesTrainParams>;

export interface LossesTrainResult {
  /** Per loss, (w₁, w₂, b, J) after each step k = 0 … steps (4·(steps + 1) numbers). */
  trajectories: Record<TrainedLoss, Float64Array>;
}

export const lossesTrainSim = simDefine({
  name: 'losses-train',
  delivery: 'result',
  params: lossesTrainParams,
  *start(p: LossesTrainParams): SimRun<never, LossesTrainResult> {
    const total = TRAINED_LOSSES.length * p.steps;
    const trajectories = {} as Record<TrainedLoss, Float64Array>;
    let before = 0;
    for (const loss of TRAINED_LOSSES) {
      const run = classifierRunCreate(
        p.points,
        { loss, lr: p.lr, l2: p.l2, focal: { gamma: p.gamma, alpha: p.alpha } },
        p.steps,
      );
      for (const _ of simPieces(() => run.advance(4))) {
        void _;
        yield { done: before + run.done, total };
      }
      trajectories[loss] = run.trajectory;
      before += p.steps;
      yield { done: before, total };
    }
    return { trajectories };
  },
});
