import { describe, expect, it } from 'vitest';
import {
  denseCholesky,
  denseCholeskySolve,
  denseFrobenius,
  denseLuSolve,
  denseMatVec,
  vecDot,
} from '../../../core/math/linalg-dense';
import { rngCreate } from '../../../core/math/rng';

function randomMatrix(n: number, seed: number): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n * n }, () => rng.normal());
}

/** M Mᵀ + n I: symmetric positive definite. */
function randomSpd(n: number, seed: number): Float64Array {
  const m = randomMatrix(n, seed);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += m[i * n + k] * m[j * n + k];
      a[i * n + j] = s;
    }
  }
  return a;
}

describe('dense Cholesky', () => {
  it('L Lᵀ reproduces an SPD matrix and solves A x = r', () => {
    for (const n of [1, 2, 3, 6, 10]) {
      const a = randomSpd(n, n);
      const lower = new Float64Array(n * n);
      expect(denseCholesky(a, n, lower)).toBe(true);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += lower[i * n + k] * lower[j * n + k];
          expect(s).toBeCloseTo(a[i * n + j], 10);
          if (j > i) expect(lower[i * n + j]).toBe(0);
        }
      }
      const r = Float64Array.from({ length: n }, (_, i) => i - 1.5);
      const x = denseCholeskySolve(lower, n, r, new Float64Array(n));
      const ax = denseMatVec(a, n, x, new Float64Array(n));
      for (let i = 0; i < n; i++) expect(ax[i]).toBeCloseTo(r[i], 10);
    }
  });

  it('fails on indefinite, singular and non-finite matrices', () => {
    const lower = new Float64Array(4);
    expect(denseCholesky(Float64Array.of(1, 0, 0, -1), 2, lower)).toBe(false);
    expect(denseCholesky(Float64Array.of(1, 1, 1, 1), 2, lower)).toBe(false);
    expect(denseCholesky(Float64Array.of(NaN, 0, 0, 1), 2, lower)).toBe(false);
  });
});

describe('dense LU solve', () => {
  it('solves general systems (including ones needing pivoting)', () => {
    for (const n of [1, 2, 4, 8]) {
      const a = randomMatrix(n, 100 + n);
      // A zero leading entry forces a row swap.
      if (n > 1) a[0] = 0;
      const r = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      const x = new Float64Array(n);
      expect(denseLuSolve(a, n, r, x)).toBe(true);
      const ax = denseMatVec(a, n, x, new Float64Array(n));
      for (let i = 0; i < n; i++) expect(ax[i]).toBeCloseTo(r[i], 9);
    }
  });

  it('refuses singular matrices and leaves x untouched', () => {
    const x = Float64Array.of(5, 5);
    expect(denseLuSolve(Float64Array.of(1, 2, 2, 4), 2, [1, 2], x)).toBe(false);
    expect(denseLuSolve(new Float64Array(4), 2, [1, 2], x)).toBe(false);
    expect(Array.from(x)).toEqual([5, 5]);
  });
});

describe('small vector helpers', () => {
  it('dot product and Frobenius norm', () => {
    expect(vecDot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(denseFrobenius(Float64Array.of(3, 0, 0, 4), 2)).toBe(5);
  });
});
