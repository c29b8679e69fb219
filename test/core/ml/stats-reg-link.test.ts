// MAP = ridge/lasso, linked: the tFraction found for λ on the Regularization lab's default data
// makes that lab's own model (core/labs/regularization/model.ts) solve for the same multiplier,
// for ridge (Gaussian prior, λ = σ²/(nτ²)) and lasso (Laplace prior, b = τ/√2, λ = σ²/(n·b));
// past λ_max the lasso is capped at t = 0 and says so.
import { describe, expect, it } from 'vitest';
import {
  laplaceScaleForSd,
  regDefaultStats,
  regLambdaGaussian,
  regLambdaLaplace,
  regTFractionFor,
} from '../../../core/ml/stats-reg-link';
import { regLabModel } from '../../../core/labs/regularization/model';
import { REG_LAB_DEFAULTS } from '../../../core/labs/regularization/params';
import { regLambdaMax } from '../../../core/ml/regularization';
import { regPriorFromLambda } from '../../../core/ml/regularization-map';

const LAMBDAS = [1e-4, 0.003, 0.05, 0.4, 1, 3.7, 40, 900];
const { surface: _s, pathMethod: _p, view: _v, ...INPUTS } = REG_LAB_DEFAULTS;

describe('prior → Regularization lab link', () => {
  it.each([0, 1] as const)('α = %i: the lab’s own model gives back λ within 1e-6', (alpha) => {
    for (const lambda of LAMBDAS) {
      const r = regTFractionFor(regDefaultStats(), alpha, lambda);
      const shown = regLabModel({ ...INPUTS, alpha, tFraction: r.tFraction }).solution.lambda;
      expect(shown).toBe(r.lambdaBack);
      if (r.capped) {
        expect(alpha).toBe(1);
        expect(r.tFraction).toBe(0);
        expect(shown).toBe(regLambdaMax(regDefaultStats(), 1));
      } else {
        expect(Math.abs(shown - lambda) / lambda).toBeLessThan(1e-6);
        expect(r.tFraction).toBeGreaterThan(0);
        expect(r.tFraction).toBeLessThanOrEqual(1);
      }
    }
  });

  it('ridge is never capped; the lasso is capped exactly past λ_max', () => {
    const lambdaMax = regLambdaMax(regDefaultStats(), 1);
    expect(LAMBDAS.every((l) => !regTFractionFor(regDefaultStats(), 0, l).capped)).toBe(true);
    expect(regTFractionFor(regDefaultStats(), 1, 0.99 * lambdaMax).capped).toBe(false);
    expect(regTFractionFor(regDefaultStats(), 1, 1.01 * lambdaMax).capped).toBe(true);
  });

  it('the scalings: σ = 2, τ = 1, n = 10 gives 0.4 for ridge and √2·0.4 for the lasso', () => {
    expect(regLambdaGaussian(2, 1, 10)).toBeCloseTo(0.4, 15);
    const b = laplaceScaleForSd(1);
    expect(2 * b * b).toBeCloseTo(1, 15); // Laplace(0, b) has variance 2b² = τ²
    expect(regLambdaLaplace(2, b, 10)).toBeCloseTo(0.4 * Math.SQRT2, 14);
    // The Regularization lab's own conversion turns them back into τ and b.
    expect(regPriorFromLambda(0.4, 0, 2, 10).gaussianScale).toBeCloseTo(1, 14);
    expect(regPriorFromLambda(0.4 * Math.SQRT2, 1, 2, 10).laplaceScale).toBeCloseTo(b, 14);
  });
});
