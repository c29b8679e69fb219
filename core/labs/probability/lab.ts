/** The Probability lab: softmax and temperature, its Jacobian, log-sum-exp in finite precision, entropy and KL, calibration. */
import { defineLab } from '../define';
import { PROBABILITY_GUIDE } from './guide';
import { PROB_DEFAULTS, PROB_PRESETS, probParamsSchema } from './params';

export const probabilityLab = defineLab({
  id: 'probability',
  title: 'Probability',
  summary:
    'Softmax and temperature, its Jacobian, log-sum-exp when float16 overflows, entropy and KL, and whether a network’s confidence can be trusted.',
  params: probParamsSchema,
  defaults: PROB_DEFAULTS,
  presets: PROB_PRESETS,
  seedPath: ['seed'],
  sims: [],
  ...PROBABILITY_GUIDE,
});
