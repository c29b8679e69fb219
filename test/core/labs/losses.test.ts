// The Losses lab's definition, models and simulations: the schema's bounds, the stories, the
// numbers each view shows (the seeds' example scored and checked, the outlier's share of the pull,
// the boxes that stay put while the outlier is dragged), the influence sweep against the closed
// forms of the seeds' example, and the training simulation equal to training in one go.
import { describe, expect, it } from 'vitest';
import { labDefinitionProblem, type LabDef } from '../../../core/labs/define';
import { isSeedExample, noisyLineDraw } from '../../../core/labs/losses/data';
import { lossesLab } from '../../../core/labs/losses/lab';
import {
  classifyModel,
  EASY_MARGIN,
  trainSimParams,
} from '../../../core/labs/losses/model-classify';
import { curvesModel } from '../../../core/labs/losses/model-curves';
import { fitModel } from '../../../core/labs/losses/model-fit';
import { likelihoodModel } from '../../../core/labs/losses/model-likelihood';
import { lossesParamsSchema, type LossesParams } from '../../../core/labs/losses/params';
import { LOSSES_DEFAULTS, LOSSES_PRESETS } from '../../../core/labs/losses/presets';
import {
  lossesInfluenceSim,
  lossesTrainSim,
  type LossesInfluenceResult,
  type LossesTrainResult,
} from '../../../core/labs/losses/sim';
import { classifierRunCreate } from '../../../core/ml/losses-classify';

function drain<R>(gen: Generator<unknown, R, void>): R {
  for (;;) {
    const s = gen.next();
    if (s.done) return s.value;
  }
}
const withParams = (patch: Partial<LossesParams>): LossesParams => ({
  ...LOSSES_DEFAULTS,
  ...patch,
});

describe('definition', () => {
  it('is consistent: defaults and every story fit the schema', () => {
    expect(labDefinitionProblem(lossesLab as unknown as LabDef)).toBeNull();
    expect(LOSSES_PRESETS.map((p) => p.id)).toEqual([
      'outlier-ruins-mse',
      'huber-delta',
      'focal-easy',
      'hinge-margin',
      'mean-median',
    ]);
  });
  it('refuses values out of bounds, naming the field', () => {
    const bad = (patch: Record<string, unknown>) =>
      lossesParamsSchema.safeParse({ ...LOSSES_DEFAULTS, ...patch });
    expect(bad({ delta: 0 }).success).toBe(false);
    expect(bad({ tau: 1 }).success).toBe(false);
    expect(bad({ view: 'nonsense' }).success).toBe(false);
    const far = bad({ fit: { ...LOSSES_DEFAULTS.fit, outlier: [5, 1e6] } });
    expect(far.success).toBe(false);
    if (!far.success) expect(far.error.issues[0].path).toEqual(['fit', 'outlier', 1]);
    const many = bad({
      classify: { ...LOSSES_DEFAULTS.classify, points: Array(41).fill([0, 0, 1]) },
    });
    expect(many.success).toBe(false);
  });
});

describe('curves model', () => {
  it('values at the cursors are the losses themselves', () => {
    const m = curvesModel(LOSSES_DEFAULTS);
    const huber = m.regressionAt.find((v) => v.id === 'huber')!;
    // r = 1.5, δ = 1: δ(|r| − δ/2) = 1, ψ = clamp(r) = 1.
    expect(huber.value).toBe(1);
    expect(huber.derivative).toBe(1);
    const hinge = m.classificationAt.find((v) => v.id === 'hinge')!;
    expect(hinge.value).toBe(0.5);
    expect(m.regressionRows).toHaveLength(241);
    expect(m.regressionRows[120].x).toBe(0);
  });
  it('on the probability axis the derivative is d/dp = ℓ′(m)/(p(1 − p))', () => {
    const m = curvesModel(
      withParams({ curves: { ...LOSSES_DEFAULTS.curves, axis: 'probability' } }),
    );
    const logistic = m.classificationAt.find((v) => v.id === 'logistic')!;
    // −log p → −1/p.
    expect(logistic.derivative).toBeCloseTo(-1 / m.p, 12);
  });
});

describe('fit model on the seeds’ example', () => {
  const m = fitModel(LOSSES_DEFAULTS);
  it('scores the seeds’ fixed predictions: MSE 1824.07, MAE 19.22, Huber 19.01, log-cosh 18.9713', () => {
    expect(isSeedExample(LOSSES_DEFAULTS.fit)).toBe(true);
    const seed = m.table.find((r) => r.row === 'seed')!.scores;
    expect(seed.mse).toBeCloseTo(1824.07, 9);
    expect(seed.mae).toBeCloseTo(19.22, 12);
    expect(seed.huber).toBeCloseTo(19.01, 12);
    expect(seed.logcosh).toBeCloseTo(18.971314468152674, 12);
  });
  it('each fit is the best in its own column of the table', () => {
    for (const col of ['mse', 'mae', 'huber', 'logcosh', 'quantile'] as const) {
      const own = m.table.find((r) => r.row === col)!.scores[col];
      for (const r of m.table) expect(r.scores[col]).toBeGreaterThanOrEqual(own - 1e-9);
    }
  });
  it('the outlier gives MSE’s line a third of all the pull; the fits are the closed forms', () => {
    // Residuals of −38 + 20x: 19, 0, −19, −38, 38 → |pull| ∝ |r|: 38/114.
    expect(m.outlierShare).toBeCloseTo(1 / 3, 12);
    expect(m.fits.mse.raw[1]).toBeCloseTo(20, 12);
    expect(m.fits.mae.raw[1]).toBeCloseTo(1, 12);
    expect(m.fits.huber.raw[1]).toBeCloseTo(1.5, 9);
    expect(m.pulls[4]).toBeCloseTo((2 * 38) / 5, 12);
  });
  it('dragging the outlier leaves the boxes and the sweep as they are', () => {
    const moved = fitModel(withParams({ fit: { ...LOSSES_DEFAULTS.fit, outlier: [5, -60] } }));
    expect(moved.box).toEqual(m.box);
    expect(moved.sweep).toEqual(m.sweep);
    expect(m.box.yMax).toBeGreaterThan(100);
    expect(m.zoom.yMax).toBeLessThan(10);
  });
  it('the histogram counts every residual once', () => {
    expect(m.histogram.counts.reduce((a, v) => a + v, 0)).toBe(5);
  });
});

describe('influence simulation', () => {
  it('seeds’ example: MSE’s value at x = 5 grows with leverage 0.6, MAE’s and Huber’s stop', () => {
    const m = fitModel(withParams({ delta: 2 }));
    const r: LossesInfluenceResult = drain(lossesInfluenceSim.start(m.sweep));
    const k = r.ys.length - 1;
    // h₅₅ = 1/5 + (5 − 3)²/10 = 0.6: ŷ(5) = 0.6·y + 0.4·(mean of the line through the rest).
    const slope = (r.fitted.mse[k] - r.fitted.mse[k - 10]) / (r.ys[k] - r.ys[k - 10]);
    expect(slope).toBeCloseTo(0.6, 9);
    // Far above: MAE keeps y = x (5 at x = 5); Huber −δ + (1 + δ/2)·5 = 5 + 1.5δ.
    expect(r.fitted.mae[k]).toBeCloseTo(5, 9);
    expect(r.fitted.huber[k]).toBeCloseTo(5 + 1.5 * 2, 8);
    expect(r.unconverged).toBe(0);
  });
  it('one slice per fit: five losses at each outlier position', () => {
    const m = fitModel(LOSSES_DEFAULTS);
    let slices = 0;
    const run = lossesInfluenceSim.start(m.sweep);
    while (!run.next().done) slices++;
    expect(slices).toBe(5 * m.sweep.count);
  });
});

describe('training simulation and classify model', () => {
  const params = withParams({ view: 'classify' });
  const trained: LossesTrainResult = drain(lossesTrainSim.start(trainSimParams(params)));
  it('equals training in one go (the slices cut, they do not change the numbers)', () => {
    const p = trainSimParams(params);
    const run = classifierRunCreate(
      p.points,
      { loss: 'hinge', lr: p.lr, l2: p.l2, focal: { gamma: p.gamma, alpha: p.alpha } },
      p.steps,
    );
    run.advance(p.steps);
    expect(Array.from(trained.trajectories.hinge)).toEqual(Array.from(run.trajectory));
  });
  it('reads the step shown, counts misclassified and easy points and the easy points’ share', () => {
    const m = classifyModel(params, trained);
    expect(m.step).toBe(params.classify.step);
    expect(m.theta.logistic).not.toBeNull();
    expect(m.terms).toHaveLength(params.classify.points.length);
    const easy = m.terms.filter((t) => t.margin >= EASY_MARGIN).length;
    expect(m.easy).toBe(easy);
    expect(m.easyShare).toBeGreaterThanOrEqual(0);
    expect(m.easyShare).toBeLessThanOrEqual(1);
    expect(classifyModel(params, null).terms).toEqual([]);
  });
  it('focal story: the easy points give far less of the pull under focal than under logistic', () => {
    const story = LOSSES_PRESETS.find((p) => p.id === 'focal-easy')!;
    const p = { ...LOSSES_DEFAULTS, ...story.params } as LossesParams;
    const t: LossesTrainResult = drain(lossesTrainSim.start(trainSimParams(p)));
    const focal = classifyModel(p, t);
    const logistic = classifyModel({ ...p, classify: { ...p.classify, loss: 'logistic' } }, t);
    expect(focal.easy).toBeGreaterThan(10);
    expect(focal.easyShare).toBeLessThan(logistic.easyShare / 5);
  });
  it('hinge story: every point past the margin has zero pull', () => {
    const story = LOSSES_PRESETS.find((p) => p.id === 'hinge-margin')!;
    const p = { ...LOSSES_DEFAULTS, ...story.params } as LossesParams;
    const m = classifyModel(p, drain(lossesTrainSim.start(trainSimParams(p))));
    const past = m.terms.map((t, i) => [t.margin, m.pulls[i]]).filter(([mg]) => mg >= 1);
    expect(past.length).toBeGreaterThan(5);
    for (const [, pull] of past) expect(pull).toBe(0);
  });
});

describe('likelihood model', () => {
  it('the seeds’ targets: mean 22, median 3; CE of logits (2, 0.5, −1) for class 0', () => {
    const m = likelihoodModel(LOSSES_DEFAULTS);
    expect(m.estimates.find((e) => e.id === 'mse')!.value).toBeCloseTo(22, 12);
    expect(m.estimates.find((e) => e.id === 'mae')!.value).toBe(3);
    expect(m.categorical.loss).toBeCloseTo(0.24131129665715706, 14);
    expect(m.categorical.probabilities[0]).toBeCloseTo(0.7856, 4);
  });
  it('label smoothing ε puts 1 − ε on the true class and ε/2 on each other', () => {
    const m = likelihoodModel(
      withParams({ likelihood: { ...LOSSES_DEFAULTS.likelihood, smoothing: 0.2 } }),
    );
    expect(m.categorical.target).toEqual([0.8, 0.1, 0.1]);
    expect(m.categorical.loss).toBeGreaterThan(m.categorical.hardLoss);
  });
});

it('noisy lines are drawn from the seed, the same each time', () => {
  expect(noisyLineDraw(3)).toEqual(noisyLineDraw(3));
  expect(noisyLineDraw(3)).not.toEqual(noisyLineDraw(4));
});
