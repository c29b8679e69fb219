/** The Regularization lab: L1, L2 and elastic-net penalties as geometry, as paths and as priors. */
import { regularizationPathSim } from '../../sim/regularization-path';
import { defineLab } from '../define';
import { REGULARIZATION_GUIDE } from './guide';
import { REG_LAB_DEFAULTS, REG_PRESET_KEEPS, REG_PRESETS, regLabParamsSchema } from './params';

export const regularizationLab = defineLab({
  id: 'regularization',
  title: 'Regularization',
  summary:
    'L1 diamonds, L2 balls and the elastic net between them: where the error ellipses touch, why lasso gives exact zeros, and the λ that links penalty, constraint and prior.',
  params: regLabParamsSchema,
  defaults: REG_LAB_DEFAULTS,
  presets: REG_PRESETS,
  presetKeeps: REG_PRESET_KEEPS,
  seedPath: ['seed'],
  sims: [regularizationPathSim],
  ...REGULARIZATION_GUIDE,
});
