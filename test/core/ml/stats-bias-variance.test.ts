// The bias–variance simulation against computations written independently of it: the nested QR
// fits against mathjs solving the monomial normal equations in high precision, bias² and variance
// of the sets the run drew recomputed by hand, the fixed-design limits against the hat matrix
// formed with mathjs, and Monte Carlo estimates inside bands from their own standard deviations.
import { all, create, type BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { fixedDesign, testGrid, TRUE_FUNCTIONS } from '../../../core/ml/stats-basis';
import { biasVarianceRun, quantileSorted } from '../../../core/ml/stats-bias-variance';
import { fixedDesignExpectation } from '../../../core/ml/stats-fixed';
import {
  legendreRows,
  nestedQrCreate,
  nestedQrFactor,
  nestedQrPredict,
  nestedQrProject,
  nestedQrPsi,
  nestedQrRss,
} from '../../../core/ml/stats-qr';

const big = create(all, { number: 'BigNumber', precision: 60 });
const sin = TRUE_FUNCTIONS.sin.value;
/** x^j in 60 digits. */
const bpow = (x: number, j: number) => big.pow(big.bignumber(x), j) as BigNumber;

/** Monomial least squares in 60-digit arithmetic: predictions at `at`. */
function monomialFit(xs: number[], ys: number[], degree: number, at: number[]): number[] {
  const X = big.matrix(xs.map((x) => Array.from({ length: degree + 1 }, (_, j) => bpow(x, j))));
  const Xt = big.transpose(X);
  const c = big.lusolve(
    big.multiply(Xt, X),
    big.multiply(Xt, big.matrix(ys.map((y) => [big.bignumber(y)]))),
  );
  return at.map((x) => {
    let s = big.bignumber(0);
    for (let j = 0; j <= degree; j++)
      s = big.add(s, big.multiply(big.subset(c, big.index(j, 0)) as never, bpow(x, j))) as never;
    return Number(s);
  });
}

/** All nested fits at `at` by the app's QR. */
function qrFits(xs: number[], ys: number[], P: number, at: number[]) {
  const qr = nestedQrCreate(xs.length, P);
  expect(nestedQrFactor(qr, xs)).toBe(P);
  const psi = new Float64Array(at.length * P);
  nestedQrPsi(qr, legendreRows(at, P), at.length, psi);
  nestedQrProject(qr, ys);
  const out = new Float64Array(P * at.length);
  nestedQrPredict(qr, psi, at.length, P, out);
  const rss = new Float64Array(P);
  nestedQrRss(qr, rss);
  return { fit: (d: number) => Array.from(out.subarray(d * at.length, (d + 1) * at.length)), rss };
}

describe('nested QR fits', () => {
  const xs = [0.03, 0.11, 0.2, 0.34, 0.41, 0.55, 0.62, 0.77, 0.86, 0.98];
  const ys = xs.map((x, i) => sin(x) + 0.3 * Math.cos(7 * i));
  const at = [0, 0.25, 0.5, 0.9, 1];

  it('every degree 0 … 9 on ten points equals a 60-digit monomial fit to 1e-9', () => {
    const { fit, rss } = qrFits(xs, ys, 10, [...at, ...xs]);
    for (let d = 0; d <= 9; d++) {
      const ref = monomialFit(xs, ys, d, [...at, ...xs]);
      const got = fit(d);
      const scale = Math.max(...ref.map(Math.abs));
      ref.forEach((r, i) => expect(Math.abs(got[i] - r)).toBeLessThan(1e-9 * scale));
      const train = got.slice(at.length);
      const sse = train.reduce((a, g, i) => a + (ys[i] - g) ** 2, 0);
      expect(rss[d]).toBeCloseTo(sse, 9);
    }
    // Degree n − 1 goes through every point.
    expect(rss[9]).toBeLessThan(1e-20);
  });

  it('degree 15 on 16 equally spaced points interpolates to 1e-10', () => {
    const x = Array.from(fixedDesign(16));
    const y = x.map((v) => TRUE_FUNCTIONS.runge.value(v));
    const { fit } = qrFits(x, y, 16, x);
    fit(15).forEach((g, i) => expect(g).toBeCloseTo(y[i], 10));
  });

  it('finds a rank-deficient design', () => {
    const qr = nestedQrCreate(4, 4);
    expect(nestedQrFactor(qr, [0.1, 0.5, 0.5, 0.9])).toBe(3);
  });
});

describe('bias² and variance of the drawn sets, by hand', () => {
  it('degrees 0 and 1: means, lines and the two sums recomputed from the sets', () => {
    const D = 5;
    const T = 7;
    const r = biasVarianceRun({
      fn: 'sin',
      sigma: 0.3,
      n: 4,
      datasets: D,
      maxDegree: 3,
      design: 'random',
      seed: 9,
      testPoints: T,
      samples: D,
    });
    const grid = Array.from(testGrid(T));
    const truth = grid.map(sin);
    for (const degree of [0, 1]) {
      const fits: number[][] = [];
      let train = 0;
      for (let k = 0; k < D; k++) {
        const x = Array.from(r.sampleX.subarray(k * 4, k * 4 + 4));
        const y = Array.from(r.sampleY.subarray(k * 4, k * 4 + 4));
        const mx = x.reduce((a, b) => a + b) / 4;
        const my = y.reduce((a, b) => a + b) / 4;
        const slope =
          degree === 0
            ? 0
            : x.reduce((a, xi, i) => a + (xi - mx) * (y[i] - my), 0) /
              x.reduce((a, xi) => a + (xi - mx) ** 2, 0);
        const line = (v: number) => my + slope * (v - mx);
        fits.push(grid.map(line));
        train += x.reduce((a, xi, i) => a + (y[i] - line(xi)) ** 2, 0) / 4 / D;
      }
      let b2 = 0;
      let v = 0;
      grid.forEach((_, t) => {
        const col = fits.map((f) => f[t]);
        const m = col.reduce((a, b) => a + b) / D;
        const s = col.reduce((a, b) => a + (b - m) ** 2, 0) / (D - 1);
        b2 += ((m - truth[t]) ** 2 - s / D) / T;
        v += s / T;
      });
      expect(r.bias2[degree]).toBeCloseTo(b2, 12);
      expect(r.variance[degree]).toBeCloseTo(v, 12);
      expect(r.trainError[degree]).toBeCloseTo(train, 12);
      const mse = fits.map((f) => f.reduce((a, g, t) => a + (g - truth[t]) ** 2, 0) / T);
      // B̂ + V̂ is the sets' mean squared distance to f (an identity, not an estimate).
      expect(r.bias2[degree] + r.variance[degree]).toBeCloseTo(mse.reduce((a, b) => a + b) / D, 12);
    }
  });

  it('quantiles interpolate like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6, 12);
  });
});

/** Hat-matrix expectation in the monomial basis with mathjs (60 digits), per test point. */
function hatExpectation(n: number, degree: number, sigma: number, T: number) {
  const xs = Array.from(fixedDesign(n));
  const X = big.matrix(xs.map((x) => Array.from({ length: degree + 1 }, (_, j) => bpow(x, j))));
  const inv = big.inv(big.multiply(big.transpose(X), X));
  const grid = Array.from(testGrid(T));
  const f = xs.map(sin);
  const mean = monomialFit(xs, f, degree, grid);
  const variance = grid.map((x) => {
    const phi = big.matrix([Array.from({ length: degree + 1 }, (_, j) => bpow(x, j))]);
    return (
      sigma ** 2 *
      Number(big.subset(big.multiply(big.multiply(phi, inv), big.transpose(phi)), big.index(0, 0)))
    );
  });
  const fitted = monomialFit(xs, f, degree, xs);
  const rss = fitted.reduce((a, g, i) => a + (f[i] - g) ** 2, 0);
  const bias2 = grid.reduce((a, x, t) => a + (mean[t] - sin(x)) ** 2, 0) / T;
  const v = variance.reduce((a, b) => a + b, 0) / T;
  return { bias2, variance: v, train: (rss + sigma ** 2 * (n - degree - 1)) / n, rss };
}

describe('fixed design', () => {
  const setup = { fn: 'sin' as const, sigma: 0.2, n: 12, maxDegree: 11, testPoints: 50 };
  const exact = fixedDesignExpectation(setup);

  it('the closed form equals the hat matrix formed with mathjs (degrees 0 … 5)', () => {
    for (let d = 0; d <= 5; d++) {
      const h = hatExpectation(12, d, 0.2, 50);
      expect(exact.bias2[d]).toBeCloseTo(h.bias2, 10);
      expect(exact.variance[d]).toBeCloseTo(h.variance, 10);
      expect(exact.trainError[d]).toBeCloseTo(h.train, 10);
    }
    // The average variance at the training points is σ²(d + 1)/n (trace of the hat matrix).
    const atPoints = fixedDesignExpectation({ ...setup, testPoints: 12 });
    expect(fixedDesign(12)).toEqual(testGrid(12));
    for (let d = 0; d <= 11; d++)
      expect(atPoints.variance[d]).toBeCloseTo((0.04 * (d + 1)) / 12, 12);
  });

  it('D = 1000 simulated sets land within 5 standard deviations of the closed form at every degree', () => {
    const D = 1000;
    const r = biasVarianceRun({ ...setup, datasets: D, design: 'fixed', seed: 4 });
    for (let d = 0; d <= 11; d++) {
      const B = exact.bias2[d];
      const V = exact.variance[d];
      const sdV = Math.sqrt(2 / (D - 1)) * V;
      const sdB = 2 * Math.sqrt((B * V) / D) + (3 * V) / D;
      expect(Math.abs(r.variance[d] - V)).toBeLessThan(5 * sdV);
      expect(Math.abs(r.bias2[d] - B)).toBeLessThan(5 * sdB);
      // Measured test error on fresh targets against B̂ + V̂ + σ² (the gap's own sd).
      const predicted = r.bias2[d] + r.variance[d] + 0.04;
      expect(Math.abs(r.testError[d] - predicted)).toBeLessThan(4 * r.testErrorSd[d]);
      // Training MSE: each set's is (‖(I−H)f‖² + σ²·χ²_{n−d−1})… its sd over D sets.
      const nu = 12 - d - 1;
      const rssF = exact.trainError[d] * 12 - 0.04 * nu;
      const sdTrain = Math.sqrt(2 * 0.04 ** 2 * nu + 4 * 0.04 * rssF) / 12 / Math.sqrt(D);
      expect(Math.abs(r.trainError[d] - exact.trainError[d])).toBeLessThan(5 * sdTrain + 1e-15);
    }
  });
});

describe('random design', () => {
  it('degree 0: bias² = mean sin² = 0.5 and variance = (½ + σ²)/n, within 5 sd', () => {
    const r = biasVarianceRun({
      fn: 'sin',
      sigma: 0.2,
      n: 10,
      datasets: 1000,
      maxDegree: 1,
      design: 'random',
      seed: 2,
    });
    const V = (0.5 + 0.04) / 10;
    expect(Math.abs(r.variance[0] - V)).toBeLessThan(5 * Math.sqrt(2 / 999) * V * 1.5);
    expect(Math.abs(r.bias2[0] - 0.5)).toBeLessThan(
      5 * (2 * Math.sqrt((0.5 * V) / 1000) + (3 * V) / 1000),
    );
  });

  it('degree 1, n = 10, σ = 0.2: numpy’s million-set values within 5 sd of 1000-set runs', () => {
    // Reference: numpy, 10⁶ sets (Legendre QR); sd of a 1000-set estimate measured over 300 runs:
    // bias² 0.197275 (sd 0.00044), variance 0.067613 (sd 0.0030).
    for (const seed of [1, 2, 3]) {
      const r = biasVarianceRun({
        fn: 'sin',
        sigma: 0.2,
        n: 10,
        datasets: 1000,
        maxDegree: 3,
        design: 'random',
        seed,
      });
      expect(Math.abs(r.bias2[1] - 0.197275)).toBeLessThan(5 * 0.00044);
      expect(Math.abs(r.variance[1] - 0.067613)).toBeLessThan(5 * 0.003);
      for (let d = 0; d <= 3; d++)
        expect(Math.abs(r.testError[d] - (r.bias2[d] + r.variance[d] + 0.04))).toBeLessThan(
          4 * r.testErrorSd[d],
        );
    }
  });

  it('degree n − 1 has no mean: the sets’ mean squared error dwarfs its median', () => {
    const r = biasVarianceRun({
      fn: 'sin',
      sigma: 0.2,
      n: 10,
      datasets: 1000,
      maxDegree: 9,
      design: 'random',
      seed: 5,
    });
    const median = r.testErrorQuantiles[9 * 3 + 1];
    expect(r.testError[9] / median).toBeGreaterThan(100);
    // At degree 1 the mean and median agree within a factor of 2.
    expect(r.testError[1] / r.testErrorQuantiles[1 * 3 + 1]).toBeLessThan(2);
  });

  it('is the same however the run is cut (a second run, same seed)', () => {
    const a = biasVarianceRun({
      fn: 'step',
      sigma: 0.5,
      n: 30,
      datasets: 40,
      maxDegree: 12,
      design: 'random',
      seed: 8,
    });
    const b = biasVarianceRun({
      fn: 'step',
      sigma: 0.5,
      n: 30,
      datasets: 40,
      maxDegree: 12,
      design: 'random',
      seed: 8,
    });
    expect(a.bias2).toEqual(b.bias2);
    expect(a.medianFit).toEqual(b.medianFit);
  });
});
