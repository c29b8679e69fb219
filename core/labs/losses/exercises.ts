/**
 * Losses' practice questions: a mean Huber loss over the lab's example by hand, and one binary
 * cross-entropy. Answers and worked solutions come from the lab's own loss functions in core/ml,
 * with the question's numbers defined once here.
 */
import { bceProbability } from '../../ml/losses-classification';
import { REGRESSION_LOSSES, regressionLossMean, residualsOf } from '../../ml/losses-regression';
import { exerciseNum as n, type LabExercise } from '../guide';
import { SEED_EXAMPLE, SEED_PREDICTIONS } from './data';
import type { LossesParams } from './params';

const TARGETS = [...SEED_EXAMPLE.inliers, SEED_EXAMPLE.outlier].map((p) => p[1]);
const HUBER = { delta: 1, tau: 0.5 };
const BCE = { p: 0.2, y: 1 };

const residuals = () => Array.from(residualsOf(TARGETS, SEED_PREDICTIONS));

export const LOSSES_EXERCISES: LabExercise<LossesParams>[] = [
  {
    id: 'huber-by-hand',
    title: 'A mean Huber loss by hand',
    story: 'outlier-ruins-mse',
    prompt: `The targets are (${TARGETS.join(', ')}) and a model predicts (${SEED_PREDICTIONS.join(', ')}). What is the mean Huber loss with δ = ${HUBER.delta}?`,
    tex: '\\ell_\\delta(r) = \\begin{cases} \\tfrac12 r^2 & |r|\\le\\delta \\\\ \\delta\\,(|r| - \\tfrac12\\delta) & |r|>\\delta \\end{cases}',
    answer: () => regressionLossMean('huber', residuals(), HUBER),
    tolerance: 1e-3,
    solution: () => {
      const r = residuals();
      const terms = r.map((v) => REGRESSION_LOSSES.huber.value(v, HUBER));
      return [
        `r = y - \\hat y = (${r.map((v) => n(v)).join(',\\ ')})`,
        `\\text{inside } |r| \\le ${HUBER.delta}\\text{: } \\tfrac12 r^2\\text{; outside: } ${HUBER.delta}\\,(|r| - ${HUBER.delta / 2})`,
        `\\ell = (${terms.map((v) => n(v)).join(',\\ ')})`,
        `\\tfrac15 \\textstyle\\sum \\ell = ${n(terms.reduce((a, b) => a + b, 0))} / ${r.length} = ${n(regressionLossMean('huber', r, HUBER))}`,
      ];
    },
  },
  {
    id: 'bce-confident-wrong',
    title: 'Cross-entropy of a confident mistake',
    view: 'curves',
    prompt: `A classifier gives the true class (y = ${BCE.y}) a probability of only p = ${BCE.p}. What is its binary cross-entropy, in nats?`,
    tex: '\\ell = -\\big[y \\log p + (1 - y)\\log(1 - p)\\big]',
    answer: () => bceProbability(BCE.p, BCE.y),
    tolerance: 1e-3,
    solution: () => [
      `y = ${BCE.y}\\text{, so only the first term remains: } \\ell = -\\log p`,
      `\\text{for comparison, a right answer at } p = 0.8 \\text{ costs only } -\\log 0.8 = ${n(bceProbability(0.8, 1))}`,
      `\\ell = -\\log ${BCE.p} = ${n(bceProbability(BCE.p, BCE.y))}`,
    ],
  },
];
