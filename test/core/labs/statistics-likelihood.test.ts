// The likelihood view's model: the surface peaks at (x̄, σ̂), the stories' numbers (2/3 for
// n = 3; MAP 1/5 and mean 2/7 for no heads in three tosses under Beta(2, 2)), and the ridge
// weights a Gaussian prior stands for, against the Regularization lab's own conversion.
import { describe, expect, it } from 'vitest';
import { likelihoodModel, SURFACE } from '../../../core/labs/statistics/model-likelihood';
import { STATS_DEFAULTS, STATS_PRESETS } from '../../../core/labs/statistics/presets';
import { regPriorFromLambda } from '../../../core/ml/regularization-map';

const story = (id: string) => STATS_PRESETS.find((s) => s.id === id)!.params.mle!;

describe('likelihood model', () => {
  it('the surface is ≤ 0 everywhere and its largest cell is next to (x̄, σ̂)', () => {
    const m = likelihoodModel(STATS_DEFAULTS.mle, 1);
    const { mu, sigma, drop } = m.surface;
    let best = 0;
    for (let k = 1; k < drop.length; k++) if (drop[k] > drop[best]) best = k;
    expect(Math.max(...drop)).toBeLessThanOrEqual(0);
    const i = best % SURFACE.mu;
    const j = Math.floor(best / SURFACE.mu);
    expect(Math.abs(mu[i] - m.mean)).toBeLessThanOrEqual(mu[1] - mu[0]);
    expect(Math.abs(sigma[j] - m.sigmaMle)).toBeLessThanOrEqual(sigma[1] - sigma[0]);
    expect(m.logLikTrue).toBeLessThanOrEqual(m.logLikMax);
    expect(m.ss).toBeCloseTo(m.sigmaMle ** 2 * m.sample.length, 10);
  });

  it('“Why n − 1”: E[σ̂²] is 2/3 of σ² at n = 3, within 5 standard errors', () => {
    const m = likelihoodModel(story('n-minus-1'), 1);
    expect(m.sim.expectedMle / m.sim.truth).toBeCloseTo(2 / 3, 14);
    expect(Math.abs(m.sim.meanMle - m.sim.expectedMle)).toBeLessThan(5 * m.sim.seMle);
    // Dividing by n − 1 removes the bias: s² averages σ², and σ̂²'s average is clearly below it.
    expect(Math.abs(m.sim.meanUnbiased - m.sim.truth)).toBeLessThan(5 * m.sim.seUnbiased);
    expect(m.sim.truth - m.sim.meanMle).toBeGreaterThan(10 * m.sim.seMle);
  });

  it('“The prior as a regularizer”: p̂ = 0, MAP 1/5, mean 2/7', () => {
    const m = likelihoodModel(story('prior-regularizer'), 1);
    expect(m.coin.mle).toBe(0);
    expect(m.coin.map).toBeCloseTo(1 / 5, 14);
    expect(m.coin.mean).toBeCloseTo(2 / 7, 14);
  });

  it('ridge: λ = σ²/τ² for the sum of squares, σ²/(nτ²) per sample, as the Regularization lab converts', () => {
    const p = { ...STATS_DEFAULTS.mle, sigma: 2, tau: 0.5, n: 10 };
    const m = likelihoodModel(p, 1);
    expect(m.ridge.sumOfSquares).toBeCloseTo(16, 12);
    expect(m.ridge.perSample).toBeCloseTo(1.6, 12);
    const prior = regPriorFromLambda(m.ridge.perSample, 0, p.sigma, p.n);
    expect(prior.gaussianScale).toBeCloseTo(p.tau, 12);
  });
});
