/** The Inside-a-network lab: backprop one node at a time with a gradient check, a layer as a matrix bending the plane, batch norm, and the loss landscape of a trained net. */
import { defineLab } from '../define';
import { INSIDE_GUIDE } from './guide';
import { landscapeSim } from './sim-landscape';
import { INSIDE_DEFAULTS, INSIDE_PRESETS, insideParamsSchema } from './params';

export const insideLab = defineLab({
  id: 'inside',
  title: 'Inside a network',
  summary:
    'Backpropagation one node at a time, checked against finite differences, and a layer as a matrix that moves and bends the plane.',
  params: insideParamsSchema,
  defaults: INSIDE_DEFAULTS,
  presets: INSIDE_PRESETS,
  seedPath: ['seed'],
  sims: [landscapeSim],
  ...INSIDE_GUIDE,
});
