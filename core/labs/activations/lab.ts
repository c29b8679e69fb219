/** The Activations lab: activation functions and their derivatives, and gradient flow through depth. */
import { gradientFlowSim } from '../../sim/gradient-flow-sim';
import { defineLab } from '../define';
import { ACTIVATIONS_GUIDE } from './guide';
import {
  ACTIVATIONS_DEFAULTS,
  ACTIVATIONS_PRESET_KEEPS,
  activationsParamsSchema,
  FLOW_PRESETS,
} from './params';

export const activationsLab = defineLab({
  id: 'activations',
  title: 'Activations',
  summary:
    'Activation functions beside their derivatives, and how gradients vanish or explode through a deep network.',
  params: activationsParamsSchema,
  defaults: ACTIVATIONS_DEFAULTS,
  presets: FLOW_PRESETS,
  presetKeeps: ACTIVATIONS_PRESET_KEEPS,
  seedPath: ['flow', 'seed'],
  sims: [gradientFlowSim],
  ...ACTIVATIONS_GUIDE,
});
