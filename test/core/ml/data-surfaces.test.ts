import { describe, expect, it } from 'vitest';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import {
  dataSurfaceIs,
  dataSurfaceLinearRegression,
  dataSurfaceLogistic,
} from '../../../core/ml/data-surfaces';
import { surfaceById } from '../../../core/ml/surfaces';

const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;

describe('linear-regression surface', () => {
  const s = dataSurfaceLinearRegression();
  const { x, y } = s.data;
  const n = s.sampleCount;

  it('builds a seeded dataset: same seed → same data, other seed → other data', () => {
    expect(n).toBe(64);
    expect(dataSurfaceLinearRegression().data.y).toEqual(y);
    expect(dataSurfaceLinearRegression({ seed: 8 }).data.y).not.toEqual(y);
    for (const xi of x) {
      expect(xi).toBeGreaterThanOrEqual(-1);
      expect(xi).toBeLessThan(3);
    }
    expect(dataSurfaceIs(s)).toBe(true);
    expect(dataSurfaceIs(surfaceById('bowl')!)).toBe(false);
  });

  it('value equals mean((w x + b − y)²) summed directly over the data', () => {
    for (const [w, b] of [
      [0, 0],
      [1.5, -0.5],
      [-2, 3],
      [10, -7],
    ]) {
      const direct = mean(Array.from(x, (xi, i) => (w * xi + b - y[i]) ** 2));
      expect(s.value(w, b)).toBeCloseTo(direct, 12);
    }
  });

  it('minimum equals the closed-form least-squares line w = cov(x, y)/var(x), b = ȳ − w x̄', () => {
    const mx = mean(x);
    const my = mean(y);
    const cov = mean(Array.from(x, (xi, i) => (xi - mx) * (y[i] - my)));
    const varX = mean(Array.from(x, (xi) => (xi - mx) ** 2));
    const w = cov / varX;
    const b = my - w * mx;
    expect(s.minima).toHaveLength(1);
    expect(s.minima[0].x).toBeCloseTo(w, 12);
    expect(s.minima[0].y).toBeCloseTo(b, 12);
    // The fit recovers the generating line y = 1.5x − 0.5 up to the noise.
    expect(Math.abs(w - 1.5)).toBeLessThan(0.2);
    expect(Math.abs(b + 0.5)).toBeLessThan(0.3);
    const g = s.gradient(w, b, [1, 1]);
    expect(Math.abs(g[0]) + Math.abs(g[1])).toBeLessThan(1e-12);
  });

  it('noise-free data are fitted exactly with zero loss', () => {
    const clean = dataSurfaceLinearRegression({ noise: 0 });
    expect(clean.minima[0].x).toBeCloseTo(1.5, 12);
    expect(clean.minima[0].y).toBeCloseTo(-0.5, 12);
    expect(clean.minima[0].value).toBeLessThan(1e-24);
  });

  it('Hessian is the constant [2 mean(x²), 2 mean(x), 2]', () => {
    const h = s.hessian(0.3, 4, [0, 0, 0]);
    expect(h[0]).toBeCloseTo(2 * mean(Array.from(x, (v) => v * v)), 12);
    expect(h[1]).toBeCloseTo(2 * mean(x), 12);
    expect(h[2]).toBe(2);
  });

  it('minibatch: value/gradient over all indices equal the full ones; gradient matches FD', () => {
    const all = Array.from({ length: n }, (_, i) => i);
    const p = [0.7, 1.9];
    expect(s.minibatchValue(p, all)).toBeCloseTo(s.value(p[0], p[1]), 12);
    const full = s.gradient(p[0], p[1], [0, 0]);
    const batchAll = s.minibatchGradient(p, all, [0, 0]);
    expect(batchAll[0]).toBeCloseTo(full[0], 12);
    expect(batchAll[1]).toBeCloseTo(full[1], 12);
    const batch = [3, 17, 17, 40];
    const g = s.minibatchGradient(p, batch, [0, 0]);
    const numeric = finiteDiffGradient((q) => s.minibatchValue(q, batch), p);
    expect(g[0]).toBeCloseTo(numeric[0], 7);
    expect(g[1]).toBeCloseTo(numeric[1], 7);
  });
});

describe('logistic-regression surface', () => {
  const s = dataSurfaceLogistic();
  const { x1, x2, label } = s.data;

  it('value is the mean binary cross-entropy −[y log σ(z) + (1 − y) log(1 − σ(z))]', () => {
    for (const [w1, w2] of [
      [0, 0],
      [1.2, -0.4],
      [-2, 3],
    ]) {
      const bce = mean(
        Array.from(label, (yi, i) => {
          const p = 1 / (1 + Math.exp(-(w1 * x1[i] + w2 * x2[i])));
          return -(yi * Math.log(p) + (1 - yi) * Math.log(1 - p));
        }),
      );
      expect(s.value(w1, w2)).toBeCloseTo(bce, 12);
    }
    expect(s.value(0, 0)).toBeCloseTo(Math.LN2, 14);
  });

  it('stays finite for huge weights where the naive formula overflows', () => {
    for (const w of [1e3, 1e6, -1e6]) {
      expect(Number.isFinite(s.value(w, w))).toBe(true);
      const g = s.gradient(w, -w, [0, 0]);
      const h = s.hessian(w, -w, [0, 0, 0]);
      expect([...g, ...h].every(Number.isFinite)).toBe(true);
    }
  });

  it('has balanced, seeded labels and a finite minimum with zero gradient', () => {
    expect(mean(label)).toBe(0.5);
    expect(dataSurfaceLogistic().data.x1).toEqual(x1);
    expect(s.minima).toHaveLength(1);
    const m = s.minima[0];
    const g = s.gradient(m.x, m.y, [1, 1]);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
    // The classes sit around ±(1, 0.6), so the separating normal points roughly that way.
    expect(m.x).toBeGreaterThan(0);
    expect(m.y).toBeGreaterThan(0);
  });

  it('has no finite minimum when the data are separable through the origin', () => {
    const sep = dataSurfaceLogistic({ samples: 8, spread: 0.3, seed: 1 });
    // Precondition checked independently: w = (1, 0.6) classifies every point correctly.
    for (let i = 0; i < sep.sampleCount; i++) {
      const z = sep.data.x1[i] + 0.6 * sep.data.x2[i];
      expect(sep.data.label[i] === 1 ? z > 0 : z < 0).toBe(true);
    }
    expect(sep.minima).toEqual([]);
  });

  it('minibatch gradient over all points equals the full gradient and matches FD', () => {
    const all = Array.from({ length: s.sampleCount }, (_, i) => i);
    const p = [0.4, -1.1];
    const full = s.gradient(p[0], p[1], [0, 0]);
    const batchAll = s.minibatchGradient(p, all, [0, 0]);
    expect(batchAll[0]).toBeCloseTo(full[0], 14);
    expect(batchAll[1]).toBeCloseTo(full[1], 14);
    const batch = [0, 5, 9, 50, 77];
    const g = s.minibatchGradient(p, batch, [0, 0]);
    const numeric = finiteDiffGradient((q) => s.minibatchValue(q, batch), p);
    expect(g[0]).toBeCloseTo(numeric[0], 8);
    expect(g[1]).toBeCloseTo(numeric[1], 8);
  });
});
