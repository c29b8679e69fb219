/** Activations' place on the map, its views, and each activation's formula (from core/ml). */
import { ACTIVATIONS } from '../../ml/activations';
import type { LabFormula, LabGuide } from '../guide';
import { ACTIVATIONS_DEFAULTS, type ActivationsParams } from './params';

/** f and f′ of every activation, opened in the gallery with it in focus. */
const formulas: LabFormula<ActivationsParams>[] = Object.values(ACTIVATIONS).map((a) => ({
  id: a.id,
  title: `${a.label} and its derivative`,
  tex: `${a.texF},\\quad ${a.texDf}`,
  keywords: ['activation', 'derivative', a.id],
  view: 'gallery',
  params: { gallery: { ...ACTIVATIONS_DEFAULTS.gallery, focus: a.id } },
}));

export const ACTIVATIONS_GUIDE: LabGuide<ActivationsParams> = {
  curriculum: {
    branch: 'calculus',
    order: 2,
    question: 'Why do gradients fade or blow up on their way back through a deep network?',
  },
  views: [
    {
      id: 'gallery',
      title: 'Gallery: functions beside their derivatives',
      params: { tab: 'gallery' },
    },
    { id: 'flow', title: 'Gradient flow through depth', params: { tab: 'flow' } },
  ],
  formulas: [
    ...formulas,
    {
      id: 'chain-rule-depth',
      title: 'Chain rule through depth',
      tex: "\\frac{\\partial L}{\\partial h_0} = \\prod_{k=1}^{K} f'(w\\,h_{k-1})\\,w \\cdot \\frac{\\partial L}{\\partial h_K}",
      keywords: ['vanishing gradient', 'exploding gradient', 'backpropagation'],
      view: 'flow',
    },
  ],
};
