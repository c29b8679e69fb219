/** The Statistics of learning lab: bias and variance measured by refitting many training sets. */
import { defineLab } from '../define';
import { STATISTICS_GUIDE } from './guide';
import { statsParamsSchema } from './params';
import { STATS_DEFAULTS, STATS_PRESETS } from './presets';
import { biasVarianceSim } from './sim';

export const statisticsLab = defineLab({
  id: 'statistics',
  title: 'Statistics of learning',
  summary:
    'Draw hundreds of noisy training sets, fit a polynomial of every degree to each, and measure bias², variance and noise against the test error on fresh data — including where the variance is infinite.',
  params: statsParamsSchema,
  defaults: STATS_DEFAULTS,
  presets: STATS_PRESETS,
  seedPath: ['seed'],
  sims: [biasVarianceSim],
  ...STATISTICS_GUIDE,
});
