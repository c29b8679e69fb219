import { describe, expect, it } from 'vitest';
import { denseLeastSquaresQr } from '../../../core/math/linalg-qr';

describe('denseLeastSquaresQr', () => {
  it('solves a square system exactly and a consistent tall one to its exact solution', () => {
    const x = denseLeastSquaresQr([2, 1, 1, 3], 2, 2, [3, 5])!;
    expect(x[0]).toBeCloseTo(0.8, 14);
    expect(x[1]).toBeCloseTo(1.4, 14);
    // Rows of [1 t] for t = 0..4, b = 2 − 3t exactly.
    const a: number[] = [];
    const b: number[] = [];
    for (let t = 0; t < 5; t++) {
      a.push(1, t);
      b.push(2 - 3 * t);
    }
    const line = denseLeastSquaresQr(a, 5, 2, b)!;
    expect(line[0]).toBeCloseTo(2, 13);
    expect(line[1]).toBeCloseTo(-3, 13);
  });

  it('an inconsistent system: the residual is orthogonal to every column (normal equations hold)', () => {
    const a = [1, 0.5, 1, 1.5, 1, 2.5, 1, 4, 1, 7];
    const b = [1.1, 1.9, 3.2, 3.9, 7.3];
    const x = denseLeastSquaresQr(a, 5, 2, b)!;
    for (let j = 0; j < 2; j++) {
      let dot = 0;
      for (let i = 0; i < 5; i++)
        dot += a[i * 2 + j] * (b[i] - a[i * 2] * x[0] - a[i * 2 + 1] * x[1]);
      expect(Math.abs(dot)).toBeLessThan(1e-13);
    }
    // The closed form for a straight-line fit: slope = cov(t, b)/var(t).
    const t = [0.5, 1.5, 2.5, 4, 7];
    const mt = t.reduce((u, v) => u + v) / 5;
    const mb = b.reduce((u, v) => u + v) / 5;
    let cov = 0;
    let vr = 0;
    for (let i = 0; i < 5; i++) {
      cov += (t[i] - mt) * (b[i] - mb);
      vr += (t[i] - mt) ** 2;
    }
    expect(x[1]).toBeCloseTo(cov / vr, 13);
    expect(x[0]).toBeCloseTo(mb - (cov / vr) * mt, 13);
  });

  it('refuses a rank-deficient matrix and non-finite input', () => {
    expect(denseLeastSquaresQr([1, 2, 2, 4, 3, 6], 3, 2, [1, 2, 3])).toBeNull();
    expect(denseLeastSquaresQr([0, 0, 0, 0], 2, 2, [1, 2])).toBeNull();
    expect(denseLeastSquaresQr([1, NaN, 0, 1], 2, 2, [1, 2])).toBeNull();
    expect(() => denseLeastSquaresQr([1, 2], 1, 2, [1])).toThrow(/m ≥ n/);
  });
});
