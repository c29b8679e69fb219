/** The Calculus lab: derivatives as limits and in float64, the chain rule, Taylor series. */
import { defineLab } from '../define';
import { CALCULUS_GUIDE } from './guide';
import { calculusParamsSchema } from './params';
import { CALCULUS_DEFAULTS, CALCULUS_PRESETS } from './presets';

export const calculusLab = defineLab({
  id: 'calculus',
  title: 'Calculus',
  summary:
    'A secant turning into the tangent, finite differences losing digits in float64, the chain rule with numbers, and Taylor polynomials of any f(x) with their radius of convergence.',
  params: calculusParamsSchema,
  defaults: CALCULUS_DEFAULTS,
  presets: CALCULUS_PRESETS,
  presetKeeps: [],
  seedPath: ['seed'],
  sims: [],
  ...CALCULUS_GUIDE,
});
