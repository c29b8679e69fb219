import { describe, expect, it } from 'vitest';
import { regPenalty, regRidge, regStatsCreate } from '../../../core/ml/regularization';
import { regConstrainedSolve } from '../../../core/ml/regularization-constrained';
import { REG_DATA2_DEFAULTS, regData2Create } from '../../../core/ml/regularization-data';
import {
  regLambdaFromPrior,
  regMapResidual,
  regNegLogPosterior,
  regPriorFromLambda,
} from '../../../core/ml/regularization-map';

const d = regData2Create(REG_DATA2_DEFAULTS);
const s = regStatsCreate(d.x, d.y, d.n, 2);
const sigma = REG_DATA2_DEFAULTS.noise;

/** −log posterior straight from the samples and the prior density, up to a constant. */
function negLogPosteriorDirect(w: number[], alpha: number, kappa: number) {
  let sse = 0;
  for (let i = 0; i < d.n; i++) {
    const r = d.y[i] - d.x[2 * i] * w[0] - d.x[2 * i + 1] * w[1];
    sse += r * r;
  }
  return sse / (2 * sigma * sigma) + kappa * regPenalty(w, alpha);
}

describe('MAP view of regularization', () => {
  it('Gaussian prior: λ = σ²/(nτ²); Laplace prior: λ = σ²/(nβ); sum of squares needs 2nλ', () => {
    const g = regPriorFromLambda(0.05, 0, 2, 40);
    expect(g.kappa).toBeCloseTo(0.5, 14);
    expect(g.gaussianScale).toBeCloseTo(Math.sqrt(2), 14);
    expect(g.lambdaSumOfSquares).toBeCloseTo(4, 14);
    const l = regPriorFromLambda(0.05, 1, 2, 40);
    expect(l.laplaceScale).toBeCloseTo(2, 14);
    expect(regLambdaFromPrior(l.kappa, 2, 40)).toBeCloseTo(0.05, 15);
  });

  it('the regularized solution is the posterior mode for the mapped prior', () => {
    for (const alpha of [0, 1, 0.5]) {
      const ols = regRidge(s, 0)!;
      const c = regConstrainedSolve(s, alpha, 0.3 * regPenalty(ols, alpha));
      const { kappa } = regPriorFromLambda(c.lambda, alpha, sigma, d.n);
      expect(regMapResidual(s, c.w, alpha, sigma, kappa)).toBeLessThan(1e-10);
      const f0 = negLogPosteriorDirect(Array.from(c.w), alpha, kappa);
      expect(regNegLogPosterior(s, c.w, alpha, sigma, kappa) - f0).toBeCloseTo(
        regNegLogPosterior(s, [0, 0], alpha, sigma, kappa) -
          negLogPosteriorDirect([0, 0], alpha, kappa),
        9,
      );
      // No nearby point has a higher posterior density.
      for (const [dx, dy] of [
        [1e-4, 0],
        [-1e-4, 0],
        [0, 1e-4],
        [0, -1e-4],
        [7e-5, -7e-5],
      ]) {
        expect(negLogPosteriorDirect([c.w[0] + dx, c.w[1] + dy], alpha, kappa)).toBeGreaterThan(f0);
      }
    }
  });
});
