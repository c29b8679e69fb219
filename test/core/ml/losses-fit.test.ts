// Fits under each regression loss: the seeds' five targets (1, 2, 3, 4, 100) against closed forms
// worked out by hand (least squares, the MAE line, Huber's line −δ + (1 + δ/2)x for δ < 38) and
// log-cosh against mpmath; MAE and quantile against brute force over every vertex on random data,
// with degenerate vertices; the smooth fits at a zero gradient taken by finite differences.
import { describe, expect, it } from 'vitest';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { rngCreate } from '../../../core/math/rng';
import { robustFit } from '../../../core/ml/losses-fit';
import { polyBasisOf, polyDesign, polyEval } from '../../../core/ml/losses-poly';
import { regressionLossMean, type RegressionLossId } from '../../../core/ml/losses-regression';

const X5 = [1, 2, 3, 4, 5];
const Y5 = [1, 2, 3, 4, 100];
const shape = (delta = 1, tau = 0.5) => ({ delta, tau });

describe('the seeds’ example: targets 1, 2, 3, 4, 100 at x = 1…5', () => {
  it('MSE: ŷ = −38 + 20x (x̄ = 3, ȳ = 22, Sxy = 200, Sxx = 10)', () => {
    const f = robustFit('mse', X5, Y5, 1, shape());
    expect(f.raw[0]).toBeCloseTo(-38, 12);
    expect(f.raw[1]).toBeCloseTo(20, 12);
    expect(f.objective).toBeCloseTo((19 ** 2 + 0 + 19 ** 2 + 38 ** 2 + 38 ** 2) / 5, 9);
  });
  it('MAE: ŷ = x exactly (four points on the line; a degenerate vertex)', () => {
    const f = robustFit('mae', X5, Y5, 1, shape());
    expect(f.raw[0]).toBeCloseTo(0, 12);
    expect(f.raw[1]).toBeCloseTo(1, 12);
    expect(f.objective).toBeCloseTo(19, 12);
    expect(f.converged).toBe(true);
    expect(f.optimality).toBeLessThan(1e-12);
  });
  it.each([0.25, 0.5, 1, 2, 5, 20, 37])(
    'Huber δ = %s: ŷ = −δ + (1 + δ/2)x (inliers inside ±δ, the outlier outside)',
    (delta) => {
      const f = robustFit('huber', X5, Y5, 1, shape(delta));
      expect(f.raw[0]).toBeCloseTo(-delta, 9);
      expect(f.raw[1]).toBeCloseTo(1 + delta / 2, 9);
      expect(f.converged).toBe(true);
    },
  );
  it('Huber with δ ≥ 38 (every residual of the least-squares fit inside ±δ) is least squares', () => {
    const f = robustFit('huber', X5, Y5, 1, shape(60));
    expect(f.raw[0]).toBeCloseTo(-38, 9);
    expect(f.raw[1]).toBeCloseTo(20, 9);
  });
  it('log-cosh against mpmath (findroot on the gradient at 40 digits)', () => {
    const f = robustFit('logcosh', X5, Y5, 1, shape());
    expect(f.raw[0]).toBeCloseTo(-1.3568610061033347, 11);
    expect(f.raw[1]).toBeCloseTo(1.7014811182080598, 11);
    expect(f.objective).toBeCloseTo(18.684925229202555, 12);
  });
  it('quantile τ = 0.9: the line through (1, 1) and (5, 100), as an LP solver finds', () => {
    const f = robustFit('quantile', X5, Y5, 1, shape(1, 0.9));
    expect(f.raw[0]).toBeCloseTo(-23.75, 10);
    expect(f.raw[1]).toBeCloseTo(24.75, 10);
    expect(f.active).toEqual([0, 4]);
  });
  it('degree 0: mean 22 (MSE), median 3 (MAE), 0.8-quantile 4', () => {
    expect(robustFit('mse', X5, Y5, 0, shape()).coef[0]).toBeCloseTo(22, 12);
    expect(robustFit('mae', X5, Y5, 0, shape()).coef[0]).toBe(3);
    // nτ = 4 is a whole number: every c in [y₍₄₎, y₍₅₎] = [4, 100] minimises; a vertex is an end.
    const q = robustFit('quantile', X5, Y5, 0, shape(1, 0.8)).coef[0];
    expect([4, 100]).toContain(q);
    expect(robustFit('quantile', X5, Y5, 0, shape(1, 0.7)).coef[0]).toBe(4);
  });
});

/** min over every p-subset interpolation (each vertex of the LP) of the mean loss: the exact optimum. */
function bruteForce(x: number[], y: number[], degree: number, id: RegressionLossId, tau: number) {
  const b = polyBasisOf(x, degree);
  const p = b.degree + 1;
  const X = polyDesign(x, b);
  let best = Infinity;
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === p) {
      // Solve the p×p system by Gaussian elimination (independent of the code under test).
      const M = chosen.map((i) => [...X.slice(i * p, i * p + p), y[i]]);
      for (let c = 0; c < p; c++) {
        let piv = c;
        for (let r = c + 1; r < p; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
        if (Math.abs(M[piv][c]) < 1e-12) return;
        [M[c], M[piv]] = [M[piv], M[c]];
        for (let r = 0; r < p; r++)
          if (r !== c) {
            const f = M[r][c] / M[c][c];
            for (let k = c; k <= p; k++) M[r][k] -= f * M[c][k];
          }
      }
      const coef = M.map((row, c) => row[p] / row[c]);
      const r = y.map((v, i) => v - polyEval(coef, b, x[i]));
      best = Math.min(best, regressionLossMean(id, r, { delta: 1, tau }));
      return;
    }
    for (let i = start; i < x.length; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return best;
}

describe('MAE and quantile fits are exact', () => {
  it('equal the best vertex by brute force on random data, degrees 0–3, τ from 0.1 to 0.9', () => {
    const rng = rngCreate(7);
    for (let trial = 0; trial < 60; trial++) {
      const n = 5 + rng.int(10);
      const degree = trial % 4;
      // Rounded values so that ties and degenerate vertices happen.
      const x = Array.from({ length: n }, () => Math.round(rng.normal() * 4) / 2);
      const y = x.map((v) => Math.round((0.5 * v - 0.1 * v * v + rng.normal()) * 2) / 2);
      if (rng.next() < 0.5) y[0] += 40;
      for (const [id, tau] of [
        ['mae', 0.5],
        ['quantile', 0.1],
        ['quantile', 0.73],
        ['quantile', 0.9],
      ] as const) {
        const f = robustFit(id, x, y, degree, shape(1, tau));
        const best = bruteForce(x, y, degree, id, tau);
        expect(f.converged, `trial ${trial} ${id}`).toBe(true);
        expect(f.objective - best, `trial ${trial} ${id} τ=${tau}`).toBeLessThan(
          1e-10 * (1 + best),
        );
        expect(f.optimality).toBeLessThan(1e-9);
      }
    }
  });
});

describe('Huber and log-cosh fits sit at a zero gradient', () => {
  it('finite differences of the mean loss vanish at the fit; nearby coefficients are worse', () => {
    const rng = rngCreate(11);
    for (let trial = 0; trial < 30; trial++) {
      const n = 4 + rng.int(30);
      const degree = trial % 4;
      const x = Array.from({ length: n }, () => rng.normal() * 3);
      const y = x.map((v) => 1 + 0.4 * v + rng.normal() * 0.5);
      y[n - 1] += 80 * (rng.next() - 0.5);
      for (const id of ['huber', 'logcosh'] as const) {
        const s = shape(0.2 + 3 * rng.next());
        const f = robustFit(id, x, y, degree, s);
        const X = polyDesign(x, f.basis);
        const p = f.coef.length;
        const L = (c: Float64Array) =>
          regressionLossMean(
            id,
            y.map((v, i) => v - c.reduce((a, ck, k) => a + ck * X[i * p + k], 0)),
            s,
          );
        const g = finiteDiffGradient(L, f.coef, 1e-6);
        for (const gk of g) expect(Math.abs(gk), `trial ${trial} ${id}`).toBeLessThan(1e-6);
        expect(f.converged).toBe(true);
        for (let k = 0; k < p; k++)
          for (const h of [1e-3, -1e-3]) {
            const c = Float64Array.from(f.coef);
            c[k] += h;
            expect(L(c)).toBeGreaterThanOrEqual(f.objective - 1e-12);
          }
      }
    }
  });
});

describe('the basis', () => {
  it('raw coefficients give the same polynomial', () => {
    const x = [-3, 0.5, 2, 7, 9.5];
    const y = [2, -1, 4, 0.3, 8];
    const f = robustFit('mse', x, y, 3, shape());
    for (const v of [-4, 0, 3.3, 10]) {
      const raw = f.raw.reduce((a, c, k) => a + c * v ** k, 0);
      expect(raw).toBeCloseTo(polyEval(f.coef, f.basis, v), 9);
    }
  });
  it('lowers the degree when there are too few distinct x values', () => {
    const f = robustFit('huber', [1, 1, 2, 2], [0, 1, 5, 6], 3, shape());
    expect(f.basis.degree).toBe(1);
    expect(f.coef.length).toBe(2);
  });
});
