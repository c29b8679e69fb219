/**
 * Every number the bias–variance view shows, from the params and compute's result: one row per
 * degree for the U-shaped chart, the degree looked at with its curves, the closed form under a
 * fixed design, and where the mean over sets means nothing.
 *
 * Where the mean breaks (random design). If all n points of a set fall within a width s — chance
 * ∝ s^(n−1) — the degree-d fit, pinned only there, is of size ∝ s^(−d) elsewhere in [0, 1]. So
 * P(|ĝ(x)| > t) falls no faster than t^(−α) with α = (n − 1)/d:
 *   α ≤ 1 (d ≥ n − 1)        E|ĝ| = ∞: the fits have no mean, ḡ over D sets never settles;
 *   α ≤ 2 (d ≥ (n − 1)/2)    E ĝ² = ∞: the variance (and the expected test error) is infinite;
 *   α ≤ 4 (d ≥ (n − 1)/4)    the variance is finite but its estimate from D sets has infinite
 *                            variance itself: it swings from run to run and converges slowly.
 * With a fixed design the fits are linear in Gaussian noise: everything is finite.
 */
import { TRUE_FUNCTIONS } from '../../ml/stats-basis';
import type { BiasVarianceResult } from '../../ml/stats-bias-variance';
import { fixedDesignExpectation, type FixedDesignExpectation } from '../../ml/stats-fixed';
import type { BvParams } from './params';
import type { BiasVarianceSimParams } from './sim';

export type BvRegime = 'settled' | 'slow' | 'infinite' | 'no-mean';

/** Highest degree the lab fits (degrees above n − 1 are skipped). */
export const BV_MAX_DEGREE = 15;
/** Test points and drawn sets the lab asks compute for. */
export const BV_TEST_POINTS = 100;
export const BV_SAMPLES = 20;

/** The simulation params for the lab's params and seed: every degree up to 15, with bands. */
export function bvSimParams(p: BvParams, seed: number): BiasVarianceSimParams {
  return {
    fn: p.fn,
    sigma: p.sigma,
    n: p.n,
    datasets: p.datasets,
    design: p.design,
    maxDegree: BV_MAX_DEGREE,
    seed,
    testPoints: BV_TEST_POINTS,
    samples: BV_SAMPLES,
    bands: true,
  };
}

/** α = (n − 1)/d for a random design (∞ at degree 0 and for a fixed design). */
export function bvTailIndex(n: number, degree: number, design: BvParams['design']): number {
  return design === 'fixed' || degree === 0 ? Infinity : (n - 1) / degree;
}

export function bvRegime(alpha: number): BvRegime {
  return alpha <= 1 ? 'no-mean' : alpha <= 2 ? 'infinite' : alpha <= 4 ? 'slow' : 'settled';
}

/** What each regime means, in words, for the degree looked at. */
export const BV_REGIME_TEXT: Record<BvRegime, string> = {
  settled: '',
  slow: 'The variance is finite here, but its estimate from D sets has no finite spread of its own: a few sets with x bunched together can move it a lot from one draw to the next.',
  infinite:
    'With x drawn at random the variance here is infinite: the rare sets whose x bunch together give fits so wild that the average of their squares grows without end as D grows. The mean-based bias² and variance are not shown; read the median and the 10–90 % band.',
  'no-mean':
    'With x drawn at random and degree ≥ n − 1 the fits have no mean at all: two x close together make the curve through the points shoot off, so the average over sets jumps around however large D is. Read the median and the 10–90 % band.',
};

export interface BvRow {
  degree: number;
  regime: BvRegime;
  bias2: number;
  variance: number;
  noise: number;
  /** bias² + variance + σ²: the decomposition's prediction of the test error. */
  predicted: number;
  testError: number;
  /** sd of the gap testError − predicted given the fits (0 mean if the decomposition holds). */
  gapSd: number;
  trainError: number;
  /** Quantiles of the sets' test MSE: 10 %, median, 90 %. */
  q10: number;
  median: number;
  q90: number;
  /** The closed form (fixed design only). */
  exact: { bias2: number; variance: number; testError: number; trainError: number } | null;
}

export interface BvCurves {
  x: Float64Array;
  truth: Float64Array;
  /** Up to BV_SAMPLES fits of the degree looked at. */
  fits: Float64Array[];
  /** ḡ when the mean exists, else the median. */
  center: Float64Array;
  centerIs: 'mean' | 'median';
  low: Float64Array;
  high: Float64Array;
  /** The first set's points. */
  points: { x: Float64Array; y: Float64Array };
}

export interface BvModel {
  fnTex: string;
  /** Training sets the result is over (0 before compute answers). */
  datasets: number;
  rows: BvRow[];
  /** The degree looked at, or null when it is above n − 1 (not fitted). */
  row: BvRow | null;
  curves: BvCurves | null;
  /** Degree with the lowest test error where the mean exists and is finite; else lowest median. */
  best: number | null;
  /** Why the degree looked at was not fitted, in words (null when it was). */
  unfitted: string | null;
}

/** The closed form for a fixed design (cheap: one QR). */
export function bvExact(p: BvParams): FixedDesignExpectation | null {
  if (p.design !== 'fixed') return null;
  return fixedDesignExpectation({
    fn: p.fn,
    sigma: p.sigma,
    n: p.n,
    maxDegree: BV_MAX_DEGREE,
    testPoints: BV_TEST_POINTS,
  });
}

export function bvModel(
  p: BvParams,
  r: BiasVarianceResult | null,
  exact: FixedDesignExpectation | null = bvExact(p),
): BvModel {
  const fnTex = TRUE_FUNCTIONS[p.fn].tex;
  const unfitted =
    p.degree > p.n - 1
      ? `Degree ${p.degree} has ${p.degree + 1} coefficients but each set has only ${p.n} points: the fit is not unique, so it is not drawn.`
      : null;
  if (!r) return { fnTex, datasets: 0, rows: [], row: null, curves: null, best: null, unfitted };
  const noise = p.sigma ** 2;
  const rows: BvRow[] = [];
  for (let d = 0; d < r.degrees; d++) {
    const predicted = r.bias2[d] + r.variance[d] + noise;
    rows.push({
      degree: d,
      regime: bvRegime(bvTailIndex(p.n, d, p.design)),
      bias2: r.bias2[d],
      variance: r.variance[d],
      noise,
      predicted,
      testError: r.testError[d],
      gapSd: r.testErrorSd[d],
      trainError: r.trainError[d],
      q10: r.testErrorQuantiles[d * 3],
      median: r.testErrorQuantiles[d * 3 + 1],
      q90: r.testErrorQuantiles[d * 3 + 2],
      exact:
        exact && d < exact.degrees
          ? {
              bias2: exact.bias2[d],
              variance: exact.variance[d],
              testError: exact.testError[d],
              trainError: exact.trainError[d],
            }
          : null,
    });
  }
  const finite = rows.filter((w) => w.regime === 'settled' || w.regime === 'slow');
  const pool = finite.length ? finite : rows;
  const key = (w: BvRow) => (finite.length ? w.testError : w.median);
  const best = pool.reduce((a, w) => (key(w) < key(a) ? w : a), pool[0]).degree;
  const row = rows[p.degree] ?? null;
  return {
    fnTex,
    datasets: r.datasets,
    rows,
    row,
    curves: row ? bvCurves(r, row) : null,
    best,
    unfitted,
  };
}

function bvCurves(r: BiasVarianceResult, row: BvRow): BvCurves {
  const T = r.testX.length;
  const G = r.degrees;
  const d = row.degree;
  const slice = (a: Float64Array) => a.subarray(d * T, (d + 1) * T);
  const fits = Array.from({ length: r.samples }, (_, k) =>
    r.sampleFits.subarray((k * G + d) * T, (k * G + d + 1) * T),
  );
  const useMean = row.regime === 'settled' || row.regime === 'slow';
  return {
    x: r.testX,
    truth: r.truth,
    fits,
    center: useMean ? slice(r.meanFit) : slice(r.medianFit),
    centerIs: useMean ? 'mean' : 'median',
    low: slice(r.lowFit),
    high: slice(r.highFit),
    points: { x: r.sampleX.subarray(0, r.n), y: r.sampleY.subarray(0, r.n) },
  };
}

/** A number as the view writes it: 3 significant digits, exponent form when tiny or huge. */
export function bvFormat(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s =
    a >= 1e5 || a < 1e-3 ? v.toExponential(2).replace('e+', 'e') : String(+v.toPrecision(3));
  return s.replace(/-/g, '−');
}
