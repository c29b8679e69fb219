// Regression losses: every derivative against central finite differences, closed-form values,
// the stated subgradients at kinks, the 1/n of means and gradients, and log-cosh against values
// computed with mpmath at 50 digits (independent of the code) from 1e-8 to ±1000.
import { describe, expect, it } from 'vitest';
import { finiteDiffScalar } from '../../../core/math/finite-diff';
import {
  logCosh,
  REGRESSION_LOSS_IDS,
  REGRESSION_LOSSES,
  regressionLossGradient,
  regressionLossMean,
  residualsOf,
  sech2,
  type RegressionShape,
} from '../../../core/ml/losses-regression';

const SHAPES: RegressionShape[] = [
  { delta: 1, tau: 0.5 },
  { delta: 0.3, tau: 0.1 },
  { delta: 5, tau: 0.9 },
];
const GRID = [-1000, -50, -7, -2.5, -1.1, -0.4, -1e-3, 1e-3, 0.25, 0.9, 1.7, 4, 12, 50, 1000];

/** Central difference whose stencil never straddles a kink (one-sided next to it). */
function numeric(f: (r: number) => number, r: number, kinks: number[]): number {
  const h = 1e-6 * Math.max(1, Math.abs(r));
  const k = kinks.find((k) => Math.abs(r - k) < 2 * h);
  if (k === undefined) return finiteDiffScalar(f, r, h);
  const hs = Math.abs(r - k) / 2;
  return r > k ? (f(r + hs) - f(r)) / hs : (f(r) - f(r - hs)) / hs;
}

describe('regression losses: derivatives', () => {
  for (const id of REGRESSION_LOSS_IDS) {
    it(`${id}: ρ′ matches finite differences away from kinks`, () => {
      const loss = REGRESSION_LOSSES[id];
      for (const s of SHAPES) {
        const kinks = loss.kinks(s);
        for (const r of GRID) {
          if (kinks.includes(r)) continue;
          const fd = numeric((v) => loss.value(v, s), r, kinks);
          const an = loss.derivative(r, s);
          expect(Math.abs(an - fd), `${id} δ=${s.delta} τ=${s.tau} at ${r}`).toBeLessThan(
            1e-6 * Math.max(1, Math.abs(an), Math.abs(loss.value(r, s)) * 1e-3),
          );
        }
      }
    });

    it(`${id}: ρ″ matches finite differences of ρ′ where ρ′ is smooth`, () => {
      const loss = REGRESSION_LOSSES[id];
      for (const s of SHAPES) {
        const kinks = loss.kinks(s);
        for (const r of GRID) {
          if (kinks.some((k) => Math.abs(r - k) < 1e-3)) continue;
          const fd = numeric((v) => loss.derivative(v, s), r, kinks);
          expect(Math.abs(loss.curvature(r, s) - fd), `${id} at ${r}`).toBeLessThan(1e-6);
        }
      }
    });
  }

  it('the stated subgradients at the kinks', () => {
    const s = { delta: 2, tau: 0.3 };
    expect(REGRESSION_LOSSES.mae.derivative(0, s)).toBe(0);
    expect(REGRESSION_LOSSES.quantile.derivative(0, s)).toBe(0);
    // Huber is differentiable at ±δ: both sides give ±δ.
    expect(REGRESSION_LOSSES.huber.derivative(2, s)).toBe(2);
    expect(REGRESSION_LOSSES.huber.derivative(-2, s)).toBe(-2);
  });
});

describe('regression losses: closed forms', () => {
  const s = { delta: 1, tau: 0.25 };
  it('MSE has no ½: ρ(3) = 9, ρ′(3) = 6', () => {
    expect(REGRESSION_LOSSES.mse.value(3, s)).toBe(9);
    expect(REGRESSION_LOSSES.mse.derivative(3, s)).toBe(6);
  });
  it('Huber as PyTorch HuberLoss: ½r² inside δ, δ(|r| − ½δ) outside', () => {
    const h = REGRESSION_LOSSES.huber;
    expect(h.value(0.5, s)).toBe(0.125);
    expect(h.value(-3, s)).toBe(2.5);
    expect(h.value(3, { delta: 2, tau: 0.5 })).toBe(4);
    expect(h.derivative(-3, s)).toBe(-1);
    expect(h.derivative(0.4, s)).toBe(0.4);
    // SmoothL1Loss(β) = HuberLoss(δ = β)/β: at β = 2, r = 3: (3 − 1) = 2 = 4/2.
    expect(h.value(3, { delta: 2, tau: 0.5 }) / 2).toBe(2);
  });
  it('quantile: τr above the fit, (τ − 1)r below; τ = ½ is half of MAE', () => {
    const q = REGRESSION_LOSSES.quantile;
    expect(q.value(4, s)).toBe(1);
    expect(q.value(-4, s)).toBe(3);
    for (const r of GRID)
      expect(q.value(r, { delta: 1, tau: 0.5 })).toBeCloseTo(0.5 * Math.abs(r), 12);
  });
});

describe('log-cosh: stable, against mpmath at 50 digits', () => {
  // [r, log cosh r, tanh r, sech² r] from mpmath (mp.dps = 50).
  const REF: [number, number, number, number][] = [
    [1e-8, 4.9999999999999999167e-17, 9.9999999999999996667e-9, 1],
    [1e-3, 4.9999991666668888888e-7, 9.9999966666679999995e-4, 9.9999900000066666629e-1],
    [0.5, 1.2011450695827752463e-1, 4.621171572600097585e-1, 7.8644773296592741015e-1],
    [1, 4.3378083048302718703e-1, 7.6159415595576488812e-1, 4.1997434161402606939e-1],
    [3, 2.3093285045777851401, 9.9505475368673045133e-1, 9.8660371654401912732e-3],
    [20, 1.9306852819440054695e1, 9.999999999999999915e-1, 1.6993417021166355837e-17],
    [50, 4.9306852819440054691e1, 1, 1.4880303904083343852e-43],
    [1000, 9.9930685281944005469e2, 1, 0],
    [-1000, 9.9930685281944005469e2, -1, 0],
  ];
  it.each(REF)('r = %s', (r, lc, th, s2) => {
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    expect(rel(logCosh(r), lc)).toBeLessThan(4e-16);
    expect(rel(Math.tanh(r), th)).toBeLessThan(4e-16);
    if (s2 === 0) expect(sech2(r)).toBe(0);
    else expect(rel(sech2(r), s2)).toBeLessThan(1e-15);
  });
  it('never overflows: finite far beyond where cosh does', () => {
    for (const r of [710, 1e5, 1e300, -1e300]) expect(Number.isFinite(logCosh(r))).toBe(true);
    expect(Number.isFinite(Math.log(Math.cosh(1000)))).toBe(false);
  });
});

describe('means and gradients include the 1/n', () => {
  // The seeds' example: targets (1, 2, 3, 4, 100), fixed predictions (1.1, 1.9, 3.2, 3.8, 4.5).
  const y = [1, 2, 3, 4, 100];
  const yHat = [1.1, 1.9, 3.2, 3.8, 4.5];
  const r = residualsOf(y, yHat);
  const s = { delta: 1, tau: 0.5 };
  it('the seed example, checked by hand: MSE 1824.07, MAE 19.22, Huber(1) 19.01', () => {
    // (0.01 + 0.01 + 0.04 + 0.04 + 95.5²)/5 = 9120.35/5; (0.1+0.1+0.2+0.2+95.5)/5;
    // (0.005·2 + 0.02·2 + 95)/5.
    expect(regressionLossMean('mse', r, s)).toBeCloseTo(1824.07, 10);
    expect(regressionLossMean('mae', r, s)).toBeCloseTo(19.22, 12);
    expect(regressionLossMean('huber', r, s)).toBeCloseTo(19.01, 12);
    // log-cosh ≈ MAE − log 2 for the outlier: (Σ small r²/2 + 95.5 − ln 2)/5.
    expect(regressionLossMean('logcosh', r, s)).toBeCloseTo(18.971314468152674, 12);
  });
  for (const id of REGRESSION_LOSS_IDS) {
    it(`${id}: ∂L/∂ŷᵢ = −ρ′(rᵢ)/n matches finite differences of the mean`, () => {
      const g = regressionLossGradient(id, r, s);
      for (let i = 0; i < y.length; i++) {
        const f = (v: number) => {
          const p = yHat.slice();
          p[i] = v;
          return regressionLossMean(id, residualsOf(y, p), s);
        };
        // h = 1e-4: the mean is ~1800, so round-off (1e-16·1800/h) stays near 1e-9; no residual
        // is within h of a kink.
        expect(g[i]).toBeCloseTo(finiteDiffScalar(f, yHat[i], 1e-4), 7);
      }
    });
  }
});
