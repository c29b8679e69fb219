/** Statistics of learning's place on the map and its views, by name for the palette and links. */
import type { LabGuide } from '../guide';
import type { StatsParams } from './params';

export const STATISTICS_GUIDE: LabGuide<StatsParams> = {
  curriculum: {
    branch: 'probability',
    order: 2,
    question:
      'Why does a more flexible model fit the training set better and new data worse, and what do likelihood and a prior add?',
  },
  views: [
    {
      id: 'bias-variance',
      title: 'Bias and variance by simulation',
      params: { view: 'bias-variance' },
    },
    { id: 'likelihood', title: 'Likelihood, MLE and MAP', params: { view: 'likelihood' } },
    { id: 'bayes', title: 'Bayesian linear regression', params: { view: 'bayes' } },
  ],
  formulas: [
    {
      id: 'bias-variance-decomposition',
      title: 'Bias–variance decomposition',
      tex: '\\mathbb{E}[(y - \\hat f(x))^2] = \\mathrm{bias}^2 + \\mathrm{variance} + \\sigma^2',
      keywords: ['bias', 'variance', 'overfitting', 'underfitting', 'polynomial degree'],
      view: 'bias-variance',
    },
    {
      id: 'gaussian-mle',
      title: 'Gaussian maximum likelihood',
      tex: '\\hat\\mu = \\bar x,\\quad \\hat\\sigma^2 = \\frac{1}{n}\\sum_i (x_i - \\bar x)^2',
      keywords: ['MLE', 'likelihood', 'biased variance', 'n - 1'],
      view: 'likelihood',
    },
    {
      id: 'map-ridge',
      title: 'MAP with a Gaussian prior is ridge',
      tex: '\\lambda = \\sigma^2 / \\tau^2',
      keywords: ['MAP', 'prior', 'posterior', 'L2', 'ridge'],
      view: 'likelihood',
    },
  ],
};
