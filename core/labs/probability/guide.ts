/** Probability's place on the map, its five views, and the formulas search finds by name. */
import type { LabGuide } from '../guide';
import { PROBABILITY_EXERCISES } from './exercises';
import type { ProbParams } from './params';

export const PROBABILITY_GUIDE: LabGuide<ProbParams> = {
  curriculum: {
    branch: 'probability',
    order: 1,
    question: 'How does a network turn raw scores into probabilities, and can we believe them?',
  },
  views: [
    { id: 'softmax', title: 'Softmax and temperature', params: { tab: 'softmax' } },
    { id: 'jacobian', title: 'The softmax Jacobian', params: { tab: 'jacobian' } },
    { id: 'lse', title: 'Log-sum-exp in finite precision', params: { tab: 'lse' } },
    { id: 'entropy', title: 'Entropy, cross-entropy and KL', params: { tab: 'entropy' } },
    { id: 'calibration', title: 'Calibration', params: { tab: 'calibration' } },
  ],
  exercises: PROBABILITY_EXERCISES,
  formulas: [
    {
      id: 'softmax',
      title: 'Softmax with temperature',
      tex: 'p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}',
      keywords: ['temperature', 'logits', 'normalised exponential'],
      view: 'softmax',
    },
    {
      id: 'softmax-jacobian',
      title: 'Softmax Jacobian',
      tex: '\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j)',
      keywords: ['derivative', 'gradient', 'cross-entropy gradient p - y'],
      view: 'jacobian',
    },
    {
      id: 'log-sum-exp',
      title: 'Log-sum-exp trick',
      tex: '\\log\\sum_j e^{z_j} = m + \\log\\sum_j e^{z_j - m},\\quad m = \\max_j z_j',
      keywords: ['LSE', 'overflow', 'numerical stability', 'float16'],
      story: 'overflow',
    },
    {
      id: 'entropy',
      title: 'Entropy',
      tex: 'H(p) = -\\sum_i p_i \\log p_i',
      keywords: ['information', 'uncertainty', 'bits', 'nats'],
      view: 'entropy',
    },
    {
      id: 'kl',
      title: 'KL divergence',
      tex: 'D_{\\mathrm{KL}}(p\\,\\Vert\\,q) = \\sum_i p_i \\log\\frac{p_i}{q_i}',
      keywords: ['Kullback-Leibler', 'relative entropy', 'asymmetry', 'cross-entropy'],
      story: 'kl-asymmetry',
    },
    {
      id: 'ece',
      title: 'Expected calibration error',
      tex: '\\mathrm{ECE} = \\sum_b \\frac{n_b}{n}\\,\\lvert \\mathrm{acc}(b) - \\mathrm{conf}(b)\\rvert',
      keywords: ['calibration', 'reliability diagram', 'temperature scaling', 'ECE'],
      story: 'over-confident',
    },
  ],
};
