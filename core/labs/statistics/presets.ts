/** The Statistics of learning lab's defaults and stories. */
import type { LabPreset } from '../define';
import type { BlrParams, BvParams, MleParams, StatsParams } from './params';

const BV_DEFAULTS: BvParams = {
  fn: 'sin',
  sigma: 0.2,
  n: 20,
  datasets: 200,
  design: 'random',
  degree: 3,
};

const MLE_DEFAULTS: MleParams = {
  n: 10,
  mu: 1,
  sigma: 2,
  simSamples: 5000,
  heads: 0,
  tosses: 3,
  priorA: 2,
  priorB: 2,
  tau: 1,
};

/** Four points near y = 0.8x − 0.1. */
const BLR_DEFAULTS: BlrParams = {
  points: [
    [-0.7, -0.62],
    [-0.2, -0.35],
    [0.3, 0.22],
    [0.75, 0.46],
  ],
  sigma: 0.3,
  tau: 1,
};

export const STATS_DEFAULTS: StatsParams = {
  view: 'bias-variance',
  bv: BV_DEFAULTS,
  mle: MLE_DEFAULTS,
  blr: BLR_DEFAULTS,
  seed: 1,
};

const mle = (patch: Partial<MleParams>): Partial<StatsParams> => ({
  view: 'likelihood',
  mle: { ...MLE_DEFAULTS, ...patch },
});

const bv = (patch: Partial<BvParams>): Partial<StatsParams> => ({
  view: 'bias-variance',
  bv: { ...BV_DEFAULTS, ...patch },
});

export const STATS_PRESETS: readonly LabPreset<StatsParams>[] = [
  {
    id: 'underfit',
    title: 'Degree 1 underfits',
    story:
      'A straight line cannot follow one period of a sine. Every training set gives nearly the same line, so the variance is small, but the mean line misses the curve: the error is almost all bias². Move the degree up and watch bias² drop.',
    params: bv({ design: 'fixed', n: 15, sigma: 0.3, degree: 1 }),
  },
  {
    id: 'overfit',
    title: 'Degree 12 overfits',
    story:
      'Thirteen coefficients for fifteen noisy points: each fit chases its own noise, so the curves disagree wildly although their mean sits on the sine. Bias² is tiny; variance is most of the test error, while the training error is lower than at any smaller degree.',
    params: bv({ design: 'fixed', n: 15, sigma: 0.3, degree: 12 }),
  },
  {
    id: 'more-data',
    title: 'More data tames variance',
    story:
      'Degree 9 on 100 points per set: the fits hug the sine and each other. Drop n to 50 and the same degree spreads many times wider; at 20 a few sets explode, because ten coefficients on few random x is close to the wild case. Doubling n to 200 more than halves the variance. Bias² stays near 0 throughout: degree 9 can follow the sine.',
    params: bv({ n: 100, degree: 9, datasets: 500 }),
  },
  {
    id: 'infinite-variance',
    title: 'Random x at degree 9: no mean',
    story:
      'The seeds’ setting: ten random x per set, degree 9. Now and then two x fall almost on top of each other and the polynomial through the points shoots off. Those rare sets are so extreme that the average over sets never settles: it has no mean. Read the median and the band instead.',
    params: bv({ n: 10, degree: 9, datasets: 1000 }),
  },
  {
    id: 'fixed-design',
    title: 'Same degree, fixed x',
    story:
      'The same ten points per set and degree 9, but x equally spaced and the same every time. Only the noise changes between sets, the fits are linear in it, and the variance is finite: σ² times the squared length of a hat-matrix row, averaged over x. The dashed lines are that closed form.',
    params: bv({ n: 10, degree: 9, datasets: 1000, design: 'fixed' }),
  },
  {
    id: 'n-minus-1',
    title: 'Why n − 1',
    story:
      'Three points per sample. The ÷ n variance measures spread around the sample’s own mean, which sits closer to the points than the true mean does, so on average it comes out (n − 1)/n = 2/3 of σ². Dividing by n − 1 instead removes that bias, as the simulated averages show.',
    params: mle({ n: 3, simSamples: 20000 }),
  },
  {
    id: 'prior-regularizer',
    title: 'The prior as a regularizer',
    story:
      'Three tosses, no heads: maximum likelihood says heads are impossible (p̂ = 0). A Beta(2, 2) prior acts like one extra head and one extra tail, so the MAP estimate is 1/5 and the posterior mean 2/7. A Gaussian prior on regression weights does the same job as ridge’s penalty.',
    params: mle({}),
  },
];
