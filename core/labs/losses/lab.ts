/** The Losses lab: regression and classification losses, their gradients, robustness and likelihoods. */
import { defineLab } from '../define';
import { LOSSES_GUIDE } from './guide';
import { lossesParamsSchema } from './params';
import { LOSSES_DEFAULTS, LOSSES_PRESET_KEEPS, LOSSES_PRESETS } from './presets';
import { lossesInfluenceSim, lossesTrainSim } from './sim';

export const lossesLab = defineLab({
  id: 'losses',
  title: 'Losses',
  summary:
    'MSE, MAE, Huber, log-cosh and quantile beside cross-entropy, hinge and focal loss: their gradients, a fit that one dragged outlier can or cannot ruin, the noise each assumes, and a classifier trained on each.',
  params: lossesParamsSchema,
  defaults: LOSSES_DEFAULTS,
  presets: LOSSES_PRESETS,
  presetKeeps: LOSSES_PRESET_KEEPS,
  seedPath: ['seed'],
  sims: [lossesInfluenceSim, lossesTrainSim],
  ...LOSSES_GUIDE,
});
