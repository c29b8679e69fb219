// Maximum likelihood and the Beta–Bernoulli posterior against closed forms and independent
// computations: the Gaussian maximum found by a grid search, ℓ_max's formula, E[σ̂²] within 5
// standard errors of (n − 1)/n · σ², log Γ at known values, the Beta density's integral, and
// the coin's MLE / MAP / mean including no heads in three tosses.
import { describe, expect, it } from 'vitest';
import {
  betaPdf,
  coinEstimates,
  gaussianLogLik,
  gaussianMle,
  gaussianSample,
  logGamma,
  varianceEstimatorSim,
} from '../../../core/ml/stats-likelihood';

describe('Gaussian maximum likelihood', () => {
  const xs = [2.1, -0.4, 1.3, 3.8, 0.2];

  it('x̄ and σ̂ (÷ n) maximise ℓ: a grid search around them finds nothing higher', () => {
    const m = gaussianMle(xs);
    expect(m.mean).toBeCloseTo(7 / 5, 14);
    const ss = xs.reduce((a, x) => a + (x - 1.4) ** 2, 0);
    expect(m.sigmaMle).toBeCloseTo(Math.sqrt(ss / 5), 14);
    expect(m.sigmaUnbiased).toBeCloseTo(Math.sqrt(ss / 4), 14);
    expect(gaussianLogLik(xs, m.mean, m.sigmaMle)).toBeCloseTo(m.logLikMax, 12);
    let best = -Infinity;
    for (let i = -20; i <= 20; i++)
      for (let j = -20; j <= 20; j++)
        best = Math.max(best, gaussianLogLik(xs, m.mean + i * 0.01, m.sigmaMle * (1 + j * 0.01)));
    expect(best).toBeLessThanOrEqual(m.logLikMax + 1e-12);
  });

  it('ℓ matches the product of normal densities', () => {
    const dens = xs.map((x) => Math.exp(-((x - 1) ** 2) / (2 * 4)) / Math.sqrt(2 * Math.PI * 4));
    expect(gaussianLogLik(xs, 1, 2)).toBeCloseTo(Math.log(dens.reduce((a, b) => a * b)), 12);
  });

  it('E[σ̂²] = (n − 1)/n · σ² and E[s²] = σ², within 5 standard errors', () => {
    for (const n of [2, 3, 10]) {
      const r = varianceEstimatorSim(n, 2, 20000, n);
      expect(Math.abs(r.meanMle - ((n - 1) / n) * 4)).toBeLessThan(5 * r.seMle);
      expect(Math.abs(r.meanUnbiased - 4)).toBeLessThan(5 * r.seUnbiased);
      // The ÷ n bias is visible: σ² is far outside the ÷ n mean's band at n = 2 and 3.
      if (n <= 3) expect(4 - r.meanMle).toBeGreaterThan(10 * r.seMle);
    }
  });

  it('samples are seeded', () => {
    expect(gaussianSample(5, 1, 2, 3)).toEqual(gaussianSample(5, 1, 2, 3));
  });
});

describe('Beta–Bernoulli', () => {
  it('log Γ at known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    // Python's math.lgamma: 40.8315009745308, 1.0957979948180752, 7.0521854507385395.
    expect(logGamma(20.5)).toBeCloseTo(40.8315009745308, 11);
    expect(logGamma(0.3)).toBeCloseTo(1.0957979948180752, 12);
    expect(logGamma(7.25)).toBeCloseTo(7.0521854507385395, 12);
  });

  it('the Beta density integrates to 1 and has the closed-form mean', () => {
    for (const [a, b] of [
      [2, 5],
      [1, 1],
      [3.5, 0.8],
    ]) {
      let mass = 0;
      let first = 0;
      const N = 200000;
      for (let i = 0; i < N; i++) {
        const p = (i + 0.5) / N;
        mass += betaPdf(p, a, b) / N;
        first += (p * betaPdf(p, a, b)) / N;
      }
      expect(mass).toBeCloseTo(1, 3);
      expect(first).toBeCloseTo(a / (a + b), 3);
    }
  });

  it('0 heads in 3 tosses: MLE 0; under Beta(2, 2) MAP 1/5 and mean 2/7', () => {
    const e = coinEstimates(0, 3, 2, 2);
    expect(e.mle).toBe(0);
    expect(e.map).toBeCloseTo(1 / 5, 15);
    expect(e.mean).toBeCloseTo(2 / 7, 15);
    // A flat prior Beta(1, 1): the MAP is the MLE.
    expect(coinEstimates(2, 7, 1, 1).map).toBeCloseTo(2 / 7, 15);
    // The MAP maximises prior × likelihood (a grid search).
    let best = 0;
    let at = 0;
    for (let i = 0; i <= 10000; i++) {
      const p = i / 10000;
      const v = p ** 1 * (1 - p) ** 1 * (1 - p) ** 3;
      if (v > best) [best, at] = [v, p];
    }
    expect(at).toBeCloseTo(e.map, 4);
  });
});
