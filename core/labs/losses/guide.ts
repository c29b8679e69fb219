/** Losses' place on the map, its four views, and the losses search finds by name. */
import type { LabFormula, LabGuide } from '../guide';
import type { LossesParams } from './params';
import { LOSSES_DEFAULTS } from './presets';

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

export const LOSSES_GUIDE: LabGuide<LossesParams> = {
  curriculum: {
    branch: 'optimization',
    order: 1,
    question: 'What should a model be punished for, and how hard?',
  },
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
};
