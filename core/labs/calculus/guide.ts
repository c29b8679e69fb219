/** Calculus's place on the map and its views, by name for the palette and links. */
import type { LabGuide } from '../guide';
import type { CalculusParams } from './params';

export const CALCULUS_GUIDE: LabGuide<CalculusParams> = {
  curriculum: {
    branch: 'calculus',
    order: 1,
    question:
      'What is a derivative, how many digits does a computer get of it, and what does it tell us?',
  },
  views: [
    {
      id: 'derivative',
      title: 'Secant, tangent and finite differences',
      params: { view: 'derivative' },
    },
    { id: 'chain', title: 'The chain rule with numbers', params: { view: 'chain' } },
    { id: 'taylor', title: 'Taylor polynomials', params: { view: 'taylor' } },
    { id: 'critical', title: 'Critical points and the Hessian', params: { view: 'critical' } },
    { id: 'lagrange', title: 'Lagrange multipliers', params: { view: 'lagrange' } },
  ],
  formulas: [
    {
      id: 'central-difference',
      title: 'Central difference',
      tex: "f'(a) \\approx \\frac{f(a+h) - f(a-h)}{2h}",
      keywords: ['finite difference', 'numerical derivative', 'gradient check', 'step size h'],
      view: 'derivative',
    },
    {
      id: 'complex-step',
      title: 'Complex-step derivative',
      tex: "f'(a) \\approx \\frac{\\operatorname{Im} f(a + ih)}{h}",
      keywords: ['complex step', 'cancellation', 'round-off'],
      view: 'derivative',
    },
    {
      id: 'chain-rule',
      title: 'Chain rule',
      tex: "(f \\circ g)'(x) = f'(g(x))\\, g'(x)",
      keywords: ['composition', 'backprop'],
      view: 'chain',
    },
    {
      id: 'taylor-series',
      title: 'Taylor polynomial',
      tex: 'T_n(x) = \\sum_{k=0}^{n} \\frac{f^{(k)}(a)}{k!}(x-a)^k',
      keywords: ['series', 'radius of convergence', 'approximation'],
      view: 'taylor',
    },
    {
      id: 'lagrangian',
      title: 'Lagrange multiplier condition',
      tex: '\\nabla f = \\lambda\\, \\nabla g,\\quad g(x, y) = b',
      keywords: ['constrained optimisation', 'Lagrangian', 'multiplier'],
      view: 'lagrange',
    },
  ],
};
