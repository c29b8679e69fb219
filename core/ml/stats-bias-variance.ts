/**
 * Bias and variance of polynomial regression, measured by simulation: D training sets of n points
 * y = f(x) + σε from one true function, every degree 0 … G − 1 fitted to each by least squares
 * (core/ml/stats-qr.ts: one QR per set gives all degrees), the fits compared with f on T test
 * points x_t = (t + ½)/T.
 *
 * Per degree, with ĝ_k(x) the fit to set k and ḡ = (1/D) Σ_k ĝ_k:
 *   variance  V̂ = mean_t (1/(D−1)) Σ_k (ĝ_k(x_t) − ḡ(x_t))²               (unbiased for Var ĝ)
 *   bias²     B̂ = mean_t [(ḡ(x_t) − f(x_t))² − V̂_t / D]                     (unbiased for (Eĝ − f)²)
 *   and B̂ + V̂ = (1/D) Σ_k mean_t (ĝ_k − f)² exactly, so B̂ + V̂ + σ² predicts the test error.
 * The test error is measured, not derived: each set's fits are scored against fresh noisy targets
 * f(x_t) + σε′_t. Given the fits, the gap between the two has mean 0 and standard deviation
 *   sd = √(2σ⁴·D·T + 4σ²·Σ_{k,t} (ĝ_k − f)²) / (D·T),
 * so |gap| ≤ 4·sd unless the decomposition is wrong (`testErrorSd`).
 *
 * Random design (x ~ U(0, 1), redrawn per set, as in the seeds) or fixed design (x_i = (i + ½)/n
 * for every set). Results do not depend on how the work is cut into slices.
 */
import { rngCreate } from '../math/rng';
import { fixedDesign, testGrid, TRUE_FUNCTIONS, type TrueFunctionId } from './stats-basis';
import {
  legendreRows,
  nestedQrCreate,
  nestedQrFactor,
  nestedQrPredict,
  nestedQrProject,
  nestedQrPsi,
  nestedQrRss,
} from './stats-qr';

export type Design = 'random' | 'fixed';

export interface BiasVarianceSetup {
  fn: TrueFunctionId;
  /** Noise standard deviation σ. */
  sigma: number;
  /** Training points per set (≥ 2). */
  n: number;
  /** Training sets D (≥ 2). */
  datasets: number;
  /** Highest degree wanted; degrees above n − 1 are not fitted (more coefficients than points). */
  maxDegree: number;
  design: Design;
  seed: number;
  /** Test points T (default 100). */
  testPoints?: number;
  /** Sets whose fits and points are returned whole, for drawing (default 24). */
  samples?: number;
  /** Per-point median and 10 %/90 % quantiles of the fits (default true; sorting costs time). */
  bands?: boolean;
}

export interface BiasVarianceResult {
  /** Degrees fitted: 0 … degrees − 1. */
  degrees: number;
  datasets: number;
  n: number;
  testX: Float64Array;
  truth: Float64Array;
  /** Per degree (length `degrees`). */
  bias2: Float64Array;
  variance: Float64Array;
  /** Mean over sets of the test MSE on fresh targets, and the sd of its gap to B̂ + V̂ + σ². */
  testError: Float64Array;
  testErrorSd: Float64Array;
  /** Mean over sets of the training MSE ‖y − ĝ(X)‖²/n. */
  trainError: Float64Array;
  /** Per degree: 10 %, 50 %, 90 % quantiles of the sets' test MSE (degree·3 + q). */
  testErrorQuantiles: Float64Array;
  /** degree·T + t: the mean fit ḡ, and (with bands) the median and 10 %/90 % quantiles. */
  meanFit: Float64Array;
  medianFit: Float64Array;
  lowFit: Float64Array;
  highFit: Float64Array;
  /** The first `samples` sets: fits (k·degrees·T + degree·T + t) and training points (k·n + i). */
  samples: number;
  sampleFits: Float64Array;
  sampleX: Float64Array;
  sampleY: Float64Array;
  /** Random design: sets whose x were drawn again because fewer than P were distinct. */
  redrawn: number;
}

/** Quantile q of sorted values by linear interpolation (numpy's default). */
export function quantileSorted(s: ArrayLike<number>, q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** Sorts of D fits per piece of the band work (≈ 0.1 ms each at D = 1000). */
const BAND_PIECE = 8;

export interface BiasVarianceRun {
  /** One piece of work (a training set, then a degree's summary); true when all is done. */
  advance(): boolean;
  readonly done: number;
  readonly total: number;
  result(): BiasVarianceResult;
}

export function biasVarianceRunCreate(setup: BiasVarianceSetup): BiasVarianceRun {
  const { sigma, n, datasets: D, design } = setup;
  const T = setup.testPoints ?? 100;
  const G = Math.min(setup.maxDegree, n - 1) + 1;
  const K = Math.min(setup.samples ?? 24, D);
  const bands = setup.bands ?? true;
  const f = TRUE_FUNCTIONS[setup.fn].value;
  const rng = rngCreate(setup.seed);
  const testX = testGrid(T);
  const truth = testX.map(f);
  const phi = legendreRows(testX, G);
  const qr = nestedQrCreate(n, G);
  const psi = new Float64Array(T * G);
  const xs = design === 'fixed' ? fixedDesign(n) : new Float64Array(n);
  const ys = new Float64Array(n);
  const rss = new Float64Array(G);
  const noise = new Float64Array(T);
  const fits = new Float64Array(D * G * T);
  const testMse = new Float64Array(D * G);
  const trainSum = new Float64Array(G);
  const r: BiasVarianceResult = {
    degrees: G,
    datasets: D,
    n,
    testX,
    truth,
    bias2: new Float64Array(G),
    variance: new Float64Array(G),
    testError: new Float64Array(G),
    testErrorSd: new Float64Array(G),
    trainError: new Float64Array(G),
    testErrorQuantiles: new Float64Array(G * 3),
    meanFit: new Float64Array(G * T),
    medianFit: new Float64Array(bands ? G * T : 0),
    lowFit: new Float64Array(bands ? G * T : 0),
    highFit: new Float64Array(bands ? G * T : 0),
    samples: K,
    sampleFits: new Float64Array(K * G * T),
    sampleX: new Float64Array(K * n),
    sampleY: new Float64Array(K * n),
    redrawn: 0,
  };
  if (design === 'fixed') {
    if (nestedQrFactor(qr, xs) < G) throw new Error('the fixed design is singular');
    nestedQrPsi(qr, phi, T, psi);
  }
  const scratch = new Float64Array(D);
  const mean = new Float64Array(T);
  const ss = new Float64Array(T);
  let k = 0;
  let g = 0;

  const fitSet = () => {
    if (design === 'random') {
      for (;;) {
        for (let i = 0; i < n; i++) xs[i] = rng.next();
        if (nestedQrFactor(qr, xs) === G) break;
        r.redrawn++;
      }
      nestedQrPsi(qr, phi, T, psi);
    }
    for (let i = 0; i < n; i++) ys[i] = f(xs[i]) + sigma * rng.normal();
    for (let t = 0; t < T; t++) noise[t] = sigma * rng.normal();
    nestedQrProject(qr, ys);
    nestedQrRss(qr, rss);
    // Degree-major: fits[(d·D + k)·T + t], so a degree's summary reads one contiguous block.
    nestedQrPredict(qr, psi, T, G, fits, k * T, D * T);
    for (let d = 0; d < G; d++) {
      trainSum[d] += rss[d] / n;
      let s = 0;
      const row = (d * D + k) * T;
      for (let t = 0; t < T; t++) {
        const e = truth[t] + noise[t] - fits[row + t];
        s += e * e;
      }
      testMse[k * G + d] = s / T;
    }
    if (k < K) {
      for (let d = 0; d < G; d++)
        r.sampleFits.set(fits.subarray((d * D + k) * T, (d * D + k + 1) * T), (k * G + d) * T);
      r.sampleX.set(xs, k * n);
      r.sampleY.set(ys, k * n);
    }
    k++;
  };

  const summarise = () => {
    const block = fits.subarray(g * D * T, (g + 1) * D * T);
    mean.fill(0);
    ss.fill(0);
    for (let j = 0; j < D; j++) for (let t = 0; t < T; t++) mean[t] += block[j * T + t];
    for (let t = 0; t < T; t++) mean[t] /= D;
    for (let j = 0; j < D; j++)
      for (let t = 0; t < T; t++) {
        const e = block[j * T + t] - mean[t];
        ss[t] += e * e;
      }
    let b2 = 0;
    let v = 0;
    let sq = 0;
    for (let t = 0; t < T; t++) {
      const varU = ss[t] / (D - 1);
      const off = (mean[t] - truth[t]) ** 2;
      b2 += off - varU / D;
      v += varU;
      sq += D * off + ss[t];
      r.meanFit[g * T + t] = mean[t];
    }
    r.bias2[g] = b2 / T;
    r.variance[g] = v / T;
    let te = 0;
    for (let j = 0; j < D; j++) {
      scratch[j] = testMse[j * G + g];
      te += scratch[j];
    }
    r.testError[g] = te / D;
    r.testErrorSd[g] = Math.sqrt(2 * sigma ** 4 * D * T + 4 * sigma ** 2 * sq) / (D * T);
    r.trainError[g] = trainSum[g] / D;
    scratch.sort();
    for (const [i, q] of [0.1, 0.5, 0.9].entries())
      r.testErrorQuantiles[g * 3 + i] = quantileSorted(scratch, q);
    g++;
  };

  /** Per-point median and 10 %/90 % quantiles, BAND_PIECE (degree, point) pairs at a time. */
  let band = 0;
  const bandsTotal = bands ? G * T : 0;
  const bandPiece = () => {
    for (const end = Math.min(bandsTotal, band + BAND_PIECE); band < end; band++) {
      const block = fits.subarray(Math.floor(band / T) * D * T);
      const t = band % T;
      for (let j = 0; j < D; j++) scratch[j] = block[j * T + t];
      scratch.sort();
      r.medianFit[band] = quantileSorted(scratch, 0.5);
      r.lowFit[band] = quantileSorted(scratch, 0.1);
      r.highFit[band] = quantileSorted(scratch, 0.9);
    }
  };

  return {
    advance() {
      if (k < D) fitSet();
      else if (g < G) summarise();
      else bandPiece();
      return k === D && g === G && band === bandsTotal;
    },
    get done() {
      return k + g + Math.ceil(band / BAND_PIECE);
    },
    total: D + G + Math.ceil(bandsTotal / BAND_PIECE),
    result: () => r,
  };
}

/** Runs a whole simulation at once (tests, benchmarks). */
export function biasVarianceRun(setup: BiasVarianceSetup): BiasVarianceResult {
  const run = biasVarianceRunCreate(setup);
  while (!run.advance());
  return run.result();
}
