/**
 * Losses' place on the map, its four views, the losses search finds by name, and a guided tour
 * whose predictions are computed with the lab's own fits, noise models and loss functions.
 */
import type { RobustFit } from '../../ml/losses-fit';
import { bceProbability, focalProbability } from '../../ml/losses-classification';
import { REGRESSION_LOSSES, type RegressionLossId } from '../../ml/losses-regression';
import type { LabFormula, LabGuide, LabTourStep } from '../guide';
import { LOSSES_EXERCISES } from './exercises';
import { SEED_EXAMPLE } from './data';
import { regressionAt } from './model-curves';
import { fitModel, type FitModel } from './model-fit';
import { likelihoodModel } from './model-likelihood';
import { focalOf, shapeOf, type LossesParams } from './params';
import { LOSSES_DEFAULTS, LOSSES_PRESETS } from './presets';

type Focus = LossesParams['curves']['focus'];

/** A loss's formula, opened on the curves with it typeset. */
const curve = (
  id: Focus,
  title: string,
  tex: string,
  keywords: string[],
): LabFormula<LossesParams> => ({
  id,
  title,
  tex,
  keywords,
  view: 'curves',
  params: { curves: { ...LOSSES_DEFAULTS.curves, focus: id } },
});

/** The regression fits the outlier questions compare. */
const FITTED: RegressionLossId[] = ['mse', 'mae', 'huber'];
const fitNames = () => FITTED.map((id) => REGRESSION_LOSSES[id].label);

/** Whether two fits give the same line (coefficients within 10⁻⁶). */
function sameFit(a: RobustFit, b: RobustFit): boolean {
  return a.coef.every((c, k) => Math.abs(c - b.coef[k]) < 1e-6);
}

/** The outlier's height in the moved-outlier step; the story puts it at 100. */
export const MOVED_OUTLIER = 150;

/** The fits with the outlier where the step puts it, and where its story put it. */
function fitsMoved(p: LossesParams): { now: FitModel; before: FitModel } {
  const story = LOSSES_PRESETS.find((s) => s.id === 'outlier-ruins-mse')!;
  return { now: fitModel(p), before: fitModel({ ...p, fit: { ...p.fit, ...story.params.fit } }) };
}

const MOVED_CHOICES = ['Only MSE', 'MSE and Huber', 'All three'];

/** Fraction of its cross-entropy a point keeps under focal loss (true class at probability q). */
export function focalKept(p: LossesParams, q: number): number {
  return focalProbability(q, 1, focalOf(p)) / bceProbability(q, 1);
}

const KEPT_CHOICES = ['About 1%', 'About 10%', 'About 50%', 'All of it'];
const KEPT_LEVELS = [0.01, 0.1, 0.5, 1];

const steps: LabTourStep<LossesParams>[] = [
  {
    title: 'How hard each loss pulls',
    view: 'curves',
    params: { curves: { ...LOSSES_DEFAULTS.curves, residual: 3 } },
    text: 'A loss turns each residual r (target minus prediction) into a penalty. What moves the fit is the slope of that penalty: the steeper it is at a point’s residual, the harder that point pulls.',
    look: 'The derivative curves, and the values at the cursor r = 3 in the readout.',
    act: 'Drag the residual cursor from 0 out to 4 and see which slopes keep growing.',
    predict: {
      question: 'At r = 3, which of these losses has the steepest slope?',
      choices: fitNames,
      answer: (p) => {
        const d = FITTED.map((id) =>
          Math.abs(regressionAt(id, p.curves.residual, shapeOf(p)).derivative),
        );
        return d.indexOf(Math.max(...d));
      },
      explain:
        'The squared error’s slope grows in proportion to r; absolute error and Huber past δ have a slope that stops growing.',
    },
  },
  {
    title: 'One point far away',
    story: 'outlier-ruins-mse',
    view: 'outliers',
    text: 'Four targets lie exactly on y = x and a fifth is 100. Each loss gives its own best line through the same five points.',
    look: 'The MSE (orange), MAE and Huber lines on the plot and the points each one passes near.',
    act: 'Pick MSE, MAE and Huber in turn as the fit shown and compare the pull arrows on the points.',
    predict: {
      question:
        'Of the MSE, MAE and Huber lines, which passes exactly through the four points on y = x?',
      choices: () => [...fitNames(), 'None of them'],
      answer: (p) => {
        const m = fitModel(p);
        const k = FITTED.findIndex((id) =>
          p.fit.inliers.every((pt, i) => Math.abs(m.fits[id].predictions[i] - pt[1]) < 1e-6),
        );
        return k < 0 ? FITTED.length : k;
      },
      explain:
        'Absolute error counts every residual by its size, not its square, so four small misses would cost more than letting the one far point have its way.',
    },
  },
  {
    title: 'Move the outlier',
    story: 'outlier-ruins-mse',
    view: 'outliers',
    params: { fit: { ...SEED_EXAMPLE, outlier: [5, MOVED_OUTLIER], degree: 1, focus: 'mse' } },
    text: `The far point is now at ${MOVED_OUTLIER} instead of 100. A robust loss caps how hard one point can pull, so past a certain distance it does not matter how far away the point is.`,
    look: 'Which lines moved compared with the last step.',
    act: 'Drag the outlier up and down and watch which lines follow it.',
    predict: {
      question: `After the outlier moved from 100 to ${MOVED_OUTLIER}, which of the MSE, MAE and Huber lines changed?`,
      choices: () => MOVED_CHOICES,
      answer: (p) => {
        const { now, before } = fitsMoved(p);
        const moved = FITTED.filter((id) => !sameFit(now.fits[id], before.fits[id]));
        if (moved.length === 3) return 2;
        return moved.length === 2 && moved.includes('huber') ? 1 : 0;
      },
      explain:
        'MAE and Huber pull on the outlier with a fixed force once it is far away, so moving it further changes nothing; the squared error’s pull keeps growing with the distance.',
    },
  },
  {
    title: 'Huber’s threshold',
    story: 'huber-delta',
    view: 'outliers',
    params: { delta: 50 },
    text: 'Huber is a square inside ±δ and a straight line outside. A small δ makes it behave like absolute error; a large one like squared error.',
    look: 'The Huber line with δ = 50, and which other line it lies on.',
    act: 'Slide δ down to 1 and watch the Huber line travel to the other side.',
    predict: {
      question: 'With δ = 50, which fit does Huber’s line match?',
      choices: () => ['MSE', 'MAE', 'Neither'],
      answer: (p) => {
        const f = fitModel(p).fits;
        if (sameFit(f.huber, f.mse)) return 0;
        return sameFit(f.huber, f.mae) ? 1 : 2;
      },
      explain:
        'The least-squares line misses no point by more than 50, so every residual falls inside Huber’s square part and the two losses agree there.',
    },
  },
  {
    title: 'A loss is a noise model',
    story: 'mean-median',
    view: 'likelihood',
    text: 'Minimising a loss is the same as assuming a shape for the noise: a bell curve for squared error, a sharper peak with heavier tails for absolute error. The best single number for a set of targets follows from that shape.',
    look: 'The noise densities, and where each loss puts its best constant for the five targets.',
    act: 'Compare the two densities’ tails far from zero.',
    predict: {
      question: 'For the targets 1, 2, 3, 4 and 100, which constant does absolute error choose?',
      choices: (p) => {
        const ys = [...p.fit.inliers, p.fit.outlier].map((pt) => pt[1]);
        const mean = ys.reduce((a, v) => a + v, 0) / ys.length;
        const median = [...ys].sort((a, b) => a - b)[(ys.length - 1) / 2];
        return [`The mean, ${mean}`, `The median, ${median}`, 'Something else'];
      },
      answer: (p) => {
        const ys = [...p.fit.inliers, p.fit.outlier].map((pt) => pt[1]).sort((a, b) => a - b);
        const mean = ys.reduce((a, v) => a + v, 0) / ys.length;
        const mae = likelihoodModel(p).estimates.find((e) => e.id === 'mae')!.value;
        if (Math.abs(mae - mean) < 1e-9) return 0;
        return Math.abs(mae - ys[(ys.length - 1) / 2]) < 1e-9 ? 1 : 2;
      },
      explain:
        'The sum of |y − c| is smallest where as many targets lie above c as below it: the median, which ignores how far the top target is.',
    },
  },
  {
    title: 'Ignoring the easy points',
    story: 'focal-easy',
    view: 'classify',
    text: 'Focal loss multiplies cross-entropy by (1 − p)^γ, where p is the probability given to the right class. Points that are already right and confident almost drop out, and the hard ones near the boundary decide the fit.',
    look: 'The arrows on the points: the far-away ones have almost none.',
    act: 'Switch the loss to logistic and see the easy points pull again.',
    predict: {
      question: 'With γ = 2, how much of its cross-entropy does a point with p = 0.9 keep?',
      choices: () => KEPT_CHOICES,
      answer: (p) => {
        const r = Math.log(focalKept(p, 0.9));
        const d = KEPT_LEVELS.map((l) => Math.abs(Math.log(l) - r));
        return d.indexOf(Math.min(...d));
      },
      explain: 'The factor is (1 − 0.9)² = 0.01: one hundredth of what cross-entropy would charge.',
    },
  },
];

export const LOSSES_GUIDE: LabGuide<LossesParams> = {
  curriculum: {
    branch: 'optimization',
    order: 1,
    question: 'What should a model be punished for, and how hard?',
  },
  exercises: LOSSES_EXERCISES,
  views: [
    { id: 'curves', title: 'Loss curves and their gradients', params: { view: 'curves' } },
    { id: 'outliers', title: 'A fit and one outlier', params: { view: 'outliers' } },
    { id: 'likelihood', title: 'The noise each loss assumes', params: { view: 'likelihood' } },
    { id: 'classify', title: 'A classifier trained on each loss', params: { view: 'classify' } },
  ],
  formulas: [
    curve('mse', 'Mean squared error', '\\ell(r) = r^2', ['L2 loss', 'MSE', 'Gaussian noise']),
    curve('mae', 'Mean absolute error', '\\ell(r) = |r|', [
      'L1 loss',
      'MAE',
      'Laplace noise',
      'median',
    ]),
    curve(
      'huber',
      'Huber loss',
      '\\ell_\\delta(r) = \\begin{cases} \\tfrac12 r^2 & |r|\\le\\delta \\\\ \\delta\\,(|r| - \\tfrac12\\delta) & |r|>\\delta \\end{cases}',
      ['robust', 'smooth L1', 'delta'],
    ),
    curve('logcosh', 'Log-cosh loss', '\\ell(r) = \\log\\cosh r', ['smooth', 'robust']),
    curve(
      'quantile',
      'Quantile (pinball) loss',
      '\\ell_\\tau(r) = \\max(\\tau r,\\ (\\tau-1)\\,r)',
      ['pinball', 'tau'],
    ),
    curve('logistic', 'Binary cross-entropy (logistic loss)', '\\ell(m) = \\log(1 + e^{-m})', [
      'BCE',
      'log loss',
      'cross-entropy',
    ]),
    curve('hinge', 'Hinge loss', '\\ell(m) = \\max(0,\\ 1 - m)', ['SVM', 'margin']),
    curve('focal', 'Focal loss', '\\ell(p) = -(1-p)^{\\gamma}\\log p', [
      'class imbalance',
      'gamma',
    ]),
    {
      id: 'cross-entropy',
      title: 'Categorical cross-entropy with label smoothing',
      tex: '\\ell = -\\sum_k t_k \\log \\operatorname{softmax}(z)_k',
      keywords: ['softmax', 'negative log-likelihood', 'NLL', 'label smoothing'],
      view: 'likelihood',
    },
  ],
  tours: [
    {
      id: 'what-to-punish',
      title: 'How a loss decides which points matter',
      summary:
        'Slopes that grow or stay flat, one outlier against three fits, Huber’s δ, the noise a loss assumes, and focal loss.',
      steps,
    },
  ],
};
