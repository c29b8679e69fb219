/** The Networks lab: train a small network on 2D data and watch every neuron learn. */
import { defineLab } from '../define';
import { NETWORKS_GUIDE } from './guide';
import { networksParamsSchema } from './params';
import { NETWORKS_DEFAULTS, NETWORKS_PRESETS } from './presets';
import { networksSim } from './sim';

export const networksLab = defineLab({
  id: 'networks',
  title: 'Networks',
  summary:
    'Train a small neural network on 2D data, your own points included, and watch each neuron and the decision regions change as it learns.',
  params: networksParamsSchema,
  defaults: NETWORKS_DEFAULTS,
  presets: NETWORKS_PRESETS,
  presetKeeps: ['addValue'],
  seedPath: ['seed'],
  sims: [networksSim],
  ...NETWORKS_GUIDE,
});
