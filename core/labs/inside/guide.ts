/** Inside a network's place on the map and its views, by name for the palette and links. */
import type { LabGuide } from '../guide';
import type { InsideParams } from './params';

export const INSIDE_GUIDE: LabGuide<InsideParams> = {
  curriculum: {
    branch: 'linear-algebra',
    order: 1,
    question:
      'What does one layer do to its inputs, and how does a gradient find its way back through it?',
  },
  views: [
    { id: 'backprop', title: 'Backprop step by step', params: { view: 'backprop' } },
    { id: 'layer', title: 'A layer bending the plane', params: { view: 'layer' } },
    { id: 'batchnorm', title: 'Batch normalization step by step', params: { view: 'batchnorm' } },
    {
      id: 'landscape',
      title: 'The loss landscape of a trained net',
      params: { view: 'landscape' },
    },
  ],
  formulas: [
    {
      id: 'backprop-edge',
      title: 'Backprop along one edge',
      tex: '\\frac{\\partial L}{\\partial u} \\mathrel{+}= \\frac{\\partial L}{\\partial v}\\,\\frac{\\partial v}{\\partial u}',
      keywords: ['chain rule', 'upstream gradient', 'local derivative', 'backpropagation'],
      view: 'backprop',
    },
    {
      id: 'dense-layer',
      title: 'Dense layer',
      tex: 'y = \\phi(Wx + b)',
      keywords: ['matrix', 'linear map', 'determinant', 'eigenvectors'],
      view: 'layer',
    },
    {
      id: 'batch-norm',
      title: 'Batch normalization',
      tex: '\\hat x = \\frac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}},\\quad y = \\gamma \\hat x + \\beta',
      keywords: ['batch norm', 'running mean', 'running variance', 'BN'],
      view: 'batchnorm',
    },
  ],
};
