/**
 * The Losses lab's defaults and stories. A story sets what it is about over the defaults; the
 * curve overlays the person chose stay as they are (LOSSES_PRESET_KEEPS).
 */
import type { LabPreset } from '../define';
import { cloudsDraw, imbalancedDraw, SEED_EXAMPLE } from './data';
import type { LossesParams } from './params';

export const LOSSES_DEFAULTS: LossesParams = {
  view: 'curves',
  delta: 1,
  tau: 0.8,
  gamma: 2,
  alpha: 0.25,
  alphaOn: false,
  curves: {
    regression: { mse: true, mae: true, huber: true, logcosh: true, quantile: true },
    classification: {
      logistic: true,
      hinge: true,
      'squared-hinge': false,
      focal: true,
      exponential: false,
      'zero-one': true,
    },
    range: 4,
    residual: 1.5,
    margin: 0.5,
    axis: 'margin',
    focus: 'huber',
  },
  fit: { ...SEED_EXAMPLE, degree: 1, focus: 'mse' },
  likelihood: { logits: [2, 0.5, -1], target: 0, smoothing: 0, p: 0.7 },
  classify: {
    points: cloudsDraw(3, 10, 10),
    loss: 'logistic',
    lr: 0.5,
    steps: 1500,
    l2: 0.01,
    step: 1500,
  },
  seed: 1,
};

const classify = (patch: Partial<LossesParams['classify']>): LossesParams['classify'] => ({
  ...LOSSES_DEFAULTS.classify,
  ...patch,
});

export const LOSSES_PRESETS: readonly LabPreset<LossesParams>[] = [
  {
    id: 'outlier-ruins-mse',
    title: 'One outlier ruins MSE',
    story:
      'Four targets lie on y = x and the fifth is 100. Squaring lets that single residual outweigh all the others, so the MSE line tilts far up and passes near none of the points. MAE still runs through the four, and Huber bends only a little. Drag the outlier: the MSE line follows it, the other two hardly move.',
    params: { view: 'outliers', fit: { ...SEED_EXAMPLE, degree: 1, focus: 'mse' }, delta: 1 },
  },
  {
    id: 'huber-delta',
    title: 'Huber’s δ: between MAE and MSE',
    story:
      'Huber is quadratic within δ of the fit and straight beyond it, so no point pulls harder than δ. With a small δ every point pulls equally hard and the fit is close to MAE’s; once δ is larger than every residual of the least-squares fit, Huber is least squares. Slide δ and the Huber line travels between the two.',
    params: { view: 'outliers', fit: { ...SEED_EXAMPLE, degree: 1, focus: 'huber' }, delta: 4 },
  },
  {
    id: 'focal-easy',
    title: 'Focal loss ignores the easy ones',
    story:
      'With γ = 2 a point already classified with p = 0.9 keeps (1 − 0.9)² = 1% of its cross-entropy. The many far-away negatives lose their arrows and the few hard points near the boundary decide where it goes. Switch to logistic and the easy points pull again.',
    params: {
      view: 'classify',
      gamma: 2,
      alphaOn: false,
      classify: classify({ points: imbalancedDraw(5), loss: 'focal', steps: 2000, step: 2000 }),
    },
  },
  {
    id: 'hinge-margin',
    title: 'Hinge stops caring past the margin',
    story:
      'Hinge loss is zero for a point past the margin (m ≥ 1), and so is its gradient: those points have no arrow, and moving them on their own side changes nothing. Only points between the dashed lines or on the wrong side move the boundary.',
    params: {
      view: 'classify',
      classify: classify({ loss: 'hinge', lr: 0.2, steps: 3000, step: 3000 }),
    },
  },
  {
    id: 'mean-median',
    title: 'Mean or median: Gaussian or Laplace noise',
    story:
      'Squared error is the negative log of Gaussian noise, and the best constant under it is the mean; absolute error is Laplace noise, and its best constant is the median. One target at 100 drags the mean far from the other four; the median does not notice.',
    params: { view: 'likelihood', fit: { ...SEED_EXAMPLE, degree: 1, focus: 'mae' } },
  },
];

/** What a story leaves as it is: which curves are overlaid. */
export const LOSSES_PRESET_KEEPS = ['curves'] as const;
