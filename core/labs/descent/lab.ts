/** The Descent lab: loss surfaces with optimizers racing across them. */
import { descentRaceSim } from '../../sim/descent-race';
import { surfaceDescentSim } from '../../sim/surface-descent';
import { defineLab } from '../define';
import { DESCENT_GUIDE } from './guide';
import { descentParamsSchema } from './params';
import { DESCENT_DEFAULTS, DESCENT_PRESET_KEEPS, DESCENT_PRESETS } from './presets';

export const descentLab = defineLab({
  id: 'descent',
  title: 'Descent',
  summary:
    'Loss surfaces in 3D — built in, typed by you, or made from data — with up to eight optimizers racing across them.',
  params: descentParamsSchema,
  defaults: DESCENT_DEFAULTS,
  presets: DESCENT_PRESETS,
  presetKeeps: DESCENT_PRESET_KEEPS,
  seedPath: ['seed'],
  sims: [descentRaceSim, surfaceDescentSim],
  ...DESCENT_GUIDE,
});
