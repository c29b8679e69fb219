import { describe, expect, it } from 'vitest';
import { regLoss, regPenalty, regRidge, regStatsCreate } from '../../../core/ml/regularization';
import {
  regConstrainedSolve,
  regConstraintFromLambda,
} from '../../../core/ml/regularization-constrained';
import { REG_DATA2_DEFAULTS, regData2Create } from '../../../core/ml/regularization-data';
import {
  regRegionAxisReach,
  regRegionBoundary,
  regNormalConeEdges,
} from '../../../core/ml/regularization-geometry';
import { regCoordinateDescent } from '../../../core/ml/regularization-solve';

const d = regData2Create(REG_DATA2_DEFAULTS);
const s = regStatsCreate(d.x, d.y, d.n, 2);
const ols = regRidge(s, 0)!;

/** Smallest loss over a dense sampling of the boundary P_α(w) = t (a brute-force reference). */
function boundaryScanMin(alpha: number, t: number) {
  const pts = regRegionBoundary(alpha, t, 20_000);
  let best = Infinity;
  for (let k = 0; k < pts.length; k += 2) best = Math.min(best, regLoss(s, [pts[k], pts[k + 1]]));
  return best;
}

describe('constrained least squares min L s.t. P_α(w) ≤ t', () => {
  it.each([1, 0.5, 0.2, 0])(
    'α = %s: on the boundary, KKT holds, no boundary point is better',
    (alpha) => {
      for (const frac of [0.05, 0.3, 0.7, 0.95]) {
        const t = frac * regPenalty(ols, alpha);
        const c = regConstrainedSolve(s, alpha, t);
        expect(c.active).toBe(true);
        expect(Math.abs(regPenalty(c.w, alpha) - t)).toBeLessThanOrEqual(1e-12);
        expect(c.stationarity).toBeLessThan(1e-12);
        expect(c.lambda).toBeGreaterThan(0);
        const scan = boundaryScanMin(alpha, t);
        expect(regLoss(s, c.w)).toBeLessThanOrEqual(scan + 1e-12);
        expect(scan - regLoss(s, c.w)).toBeLessThan(1e-6);
      }
    },
  );

  it.each([1, 0.5, 0])(
    'α = %s: the constrained solution equals the penalized one at the reported λ (to 1e-9)',
    (alpha) => {
      for (const frac of [0.1, 0.4, 0.8]) {
        const c = regConstrainedSolve(s, alpha, frac * regPenalty(ols, alpha));
        // Coordinate descent is a different solver from the one inside regConstrainedSolve.
        const pen = regCoordinateDescent(s, c.lambda, alpha, { tol: 1e-15 });
        expect(Math.abs(pen.w[0] - c.w[0])).toBeLessThan(1e-9);
        expect(Math.abs(pen.w[1] - c.w[1])).toBeLessThan(1e-9);
        // And back: λ → t returns the same t.
        expect(regConstraintFromLambda(s, alpha, c.lambda)).toBeCloseTo(c.t, 11);
      }
    },
  );

  it('default correlated data, small t: L1 is exactly sparse, L2 is not', () => {
    const l1 = regConstrainedSolve(s, 1, 0.25 * regPenalty(ols, 1));
    expect(l1.zeros).toEqual([false, true]);
    expect(l1.w[1]).toBe(0);
    const l2 = regConstrainedSolve(s, 0, 0.05 * regPenalty(ols, 0));
    expect(l2.zeros).toEqual([false, false]);
    expect(Math.abs(l2.w[1])).toBeGreaterThan(1e-3);
  });

  it('the lasso corner: λ* = b₁ − A₁₁t in closed form while only w₁ is non-zero', () => {
    const t = 0.5;
    const c = regConstrainedSolve(s, 1, t);
    expect(c.w[1]).toBe(0);
    expect(c.w[0]).toBeCloseTo(t, 14);
    expect(c.lambda).toBeCloseTo(s.xty[0] - s.gram[0] * t, 12);
  });

  it('a larger t gives a smaller multiplier; t past P(ŵ) is slack with λ = 0', () => {
    let prev = Infinity;
    for (const t of [0.1, 0.4, 0.8, 1.2, 1.6, 2]) {
      const c = regConstrainedSolve(s, 1, t);
      expect(c.lambda).toBeLessThan(prev);
      prev = c.lambda;
    }
    const slack = regConstrainedSolve(s, 1, 5);
    expect(slack.active).toBe(false);
    expect(slack.lambda).toBe(0);
    expect(Array.from(slack.w)).toEqual(Array.from(ols));
  });

  it('t = 0: w = 0 with the smallest multiplier λ_max (L1), none finite for ridge', () => {
    const l1 = regConstrainedSolve(s, 1, 0);
    expect(Array.from(l1.w)).toEqual([0, 0]);
    expect(l1.lambda).toBeCloseTo(Math.max(Math.abs(s.xty[0]), Math.abs(s.xty[1])), 14);
    expect(regConstrainedSolve(s, 0, 0).lambda).toBe(Infinity);
  });
});

describe('region geometry', () => {
  it.each([1, 0.6, 0])('α = %s: every boundary point has P_α = t', (alpha) => {
    const pts = regRegionBoundary(alpha, 0.8, 32);
    for (let k = 0; k < pts.length; k += 2)
      expect(regPenalty([pts[k], pts[k + 1]], alpha)).toBeCloseTo(0.8, 13);
  });

  it('the L1 diamond has its corners on the axes at ±t; the L2 ball has radius √(2t)', () => {
    const diamond = regRegionBoundary(1, 0.8, 1);
    expect(Array.from(diamond).map((v) => +v.toFixed(12) || 0)).toEqual([
      0.8, 0, 0, 0.8, -0.8, 0, 0, -0.8,
    ]);
    expect(regRegionAxisReach(0, 0.5)).toBeCloseTo(1, 14);
  });

  it('normal cone: one direction off the axes, a cone of subgradients at an L1 corner', () => {
    expect(Array.from(regNormalConeEdges([0.5, 0.5], 1))).toEqual([1, 1, 1, 1]);
    expect(Array.from(regNormalConeEdges([0.5, 0], 1))).toEqual([1, -1, 1, 1]);
    expect(Array.from(regNormalConeEdges([0, -0.5], 0.5))).toEqual([-0.5, -0.75, 0.5, -0.75]);
  });
});
