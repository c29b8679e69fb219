/** Networks' place on the map and the formulas search finds by name. */
import type { LabGuide } from '../guide';
import type { NetworksParams } from './params';

export const NETWORKS_GUIDE: LabGuide<NetworksParams> = {
  curriculum: {
    branch: 'networks',
    order: 1,
    question: 'What does each neuron of a small network learn while it trains?',
  },
  formulas: [
    {
      id: 'layer',
      title: 'A dense layer',
      tex: 'h = f(Wx + b)',
      keywords: ['forward pass', 'neuron', 'weights', 'bias', 'linear layer'],
      story: 'xor-hidden',
    },
    {
      id: 'softmax-output',
      title: 'Softmax output for several classes',
      tex: '\\hat y_k = \\frac{e^{s_k}}{\\sum_j e^{s_j}}',
      keywords: ['multiclass', 'three classes'],
      story: 'three-classes',
    },
    {
      id: 'l2-penalty',
      title: 'Training loss with an L2 penalty',
      tex: 'J(W) = \\frac1n\\sum_i \\ell(\\hat y_i, y_i) + \\tfrac{\\lambda_2}{2} \\sum W^2',
      keywords: ['weight decay', 'overfitting', 'regularization'],
      story: 'l2-smooths',
    },
  ],
};
