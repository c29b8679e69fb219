import { describe, expect, it } from 'vitest';
import {
  regKktResidual,
  regLambdaMax,
  regObjective,
  regStatsCreate,
} from '../../../core/ml/regularization';
import { regDataWideCreate, regWideWeights } from '../../../core/ml/regularization-data';
import {
  regCoordinateDescent,
  regExactSmall,
  regLambdaGrid,
  regPath,
} from '../../../core/ml/regularization-solve';

function wideStats(correlation: number, seed: number, p = 8) {
  const { train } = regDataWideCreate({
    nTrain: 60,
    nTest: 10,
    correlation,
    noise: 1,
    weights: regWideWeights(p),
    seed,
  });
  return regStatsCreate(train.x, train.y, train.n, train.p);
}

const cases = [
  { correlation: 0, seed: 1 },
  { correlation: 0.6, seed: 2 },
  { correlation: 0.9, seed: 3 },
  { correlation: -0.5, seed: 4 },
];

describe('lasso and elastic net by coordinate descent', () => {
  it.each(cases)(
    'ρ = $correlation: KKT / subgradient conditions hold to 1e-8 across λ',
    ({ correlation, seed }) => {
      const s = wideStats(correlation, seed);
      for (const alpha of [1, 0.5, 0.1]) {
        const lm = regLambdaMax(s, alpha);
        for (const frac of [0.9, 0.5, 0.2, 0.05, 0.01, 0.001]) {
          const sol = regCoordinateDescent(s, lm * frac, alpha);
          expect(sol.kkt).toBeLessThan(1e-8);
          // The residual is recomputed here, not taken from the solver.
          expect(regKktResidual(s, sol.w, lm * frac, alpha)).toBeLessThan(1e-8);
        }
      }
    },
  );

  it('agrees with the exact sign-pattern enumeration (an independent solver)', () => {
    const s = wideStats(0.7, 9, 6);
    for (const alpha of [1, 0.4]) {
      const lm = regLambdaMax(s, alpha);
      for (const frac of [0.7, 0.3, 0.1, 0.02]) {
        const cd = regCoordinateDescent(s, lm * frac, alpha);
        const ex = regExactSmall(s, lm * frac, alpha);
        expect(ex.kkt).toBeLessThan(1e-12);
        for (let j = 0; j < 6; j++) {
          expect(Math.abs(cd.w[j] - ex.w[j])).toBeLessThan(1e-10);
          // Same support: a zero is a zero in both.
          expect(cd.w[j] === 0).toBe(ex.w[j] === 0);
        }
        expect(regObjective(s, cd.w, lm * frac, alpha)).toBeCloseTo(
          regObjective(s, ex.w, lm * frac, alpha),
          12,
        );
      }
    }
  });

  it('λ ≥ λ_max gives exactly w = 0; just below it one coordinate enters', () => {
    const s = wideStats(0.3, 5);
    const lm = regLambdaMax(s, 1);
    expect(Array.from(regCoordinateDescent(s, lm, 1).w).every((v) => v === 0)).toBe(true);
    const below = regCoordinateDescent(s, lm * 0.98, 1).w;
    expect(below.filter((v) => v !== 0).length).toBe(1);
  });

  it('warm-started path: every point optimal, the lasso support grows from empty', () => {
    const s = wideStats(0.5, 6);
    const lambdas = regLambdaGrid(1e-3, 10, 60);
    expect(lambdas[0]).toBeCloseTo(10, 12);
    expect(lambdas[59]).toBeCloseTo(1e-3, 15);
    const path = regPath(s, lambdas, 1);
    expect(Math.max(...path.kkt)).toBeLessThan(1e-8);
    const nnz = (k: number) => path.coefs.subarray(k * 8, k * 8 + 8).filter((v) => v !== 0).length;
    expect(nnz(0)).toBe(0);
    expect(nnz(59)).toBe(8);
    // Warm starts keep the work per point small.
    expect(Math.max(...path.sweeps.subarray(1))).toBeLessThan(2000);
  });

  it('ridge paths never set a coefficient exactly to zero', () => {
    const s = wideStats(0.5, 6);
    const path = regPath(s, regLambdaGrid(1e-3, 100, 30), 0);
    expect(path.coefs.every((v) => v !== 0)).toBe(true);
    expect(Math.max(...path.kkt)).toBeLessThan(1e-10);
  });
});
