import { describe, expect, it } from 'vitest';
import {
  mat2ConditionNumber,
  mat2Det,
  mat2Solve,
  sym2Classify,
  sym2ConditionNumber,
  sym2Eigen,
} from '../../../core/math/linalg2';
import { rngCreate } from '../../../core/math/rng';

/** Random symmetric matrices over many scales, plus hand-picked awkward cases. */
function symmetricCases(): [number, number, number][] {
  const rng = rngCreate(2024);
  const cases: [number, number, number][] = [
    [1, 0, 1],
    [0, 0, 0],
    [2, 0, -2],
    [1, 1, 1],
    [1e8, 1, 1e-8],
    [-3, 0.5, -7],
    [4, 1e-9, 4],
  ];
  for (let k = 0; k < 300; k++) {
    const scale = 10 ** (6 * rng.next() - 3);
    cases.push([scale * rng.normal(), scale * rng.normal(), scale * rng.normal()]);
  }
  return cases;
}

describe('sym2Eigen', () => {
  it('satisfies A v = λ v with orthonormal eigenvectors and λ₁ ≥ λ₂', () => {
    for (const [a, b, c] of symmetricCases()) {
      const e = sym2Eigen(a, b, c);
      const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), 1e-300);
      expect(e.lambda1).toBeGreaterThanOrEqual(e.lambda2);
      for (const [lambda, vx, vy] of [
        [e.lambda1, e.v1x, e.v1y],
        [e.lambda2, e.v2x, e.v2y],
      ]) {
        expect(Math.abs(a * vx + b * vy - lambda * vx)).toBeLessThan(1e-13 * scale);
        expect(Math.abs(b * vx + c * vy - lambda * vy)).toBeLessThan(1e-13 * scale);
      }
      expect(Math.hypot(e.v1x, e.v1y)).toBeCloseTo(1, 14);
      expect(e.v1x * e.v2x + e.v1y * e.v2y).toBeCloseTo(0, 14);
    }
  });

  it('matches the trace and determinant identities λ₁ + λ₂ = a + c, λ₁λ₂ = ac − b²', () => {
    for (const [a, b, c] of symmetricCases()) {
      const e = sym2Eigen(a, b, c);
      const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c));
      expect(Math.abs(e.lambda1 + e.lambda2 - (a + c))).toBeLessThanOrEqual(1e-13 * scale);
      expect(Math.abs(e.lambda1 * e.lambda2 - (a * c - b * b))).toBeLessThanOrEqual(
        1e-13 * scale * scale,
      );
    }
  });

  it('keeps the small eigenvalue accurate when m − d would cancel', () => {
    // [[1, 1], [1, c]] with c = 1 + 1e-10: det = c − 1 is exact (Sterbenz) and λ₁ = 2 + O(1e-10),
    // so λ₂ = det/λ₁ = (c − 1)/2 to ~1e-10 relative; m − d would lose ~6 digits here.
    const c = 1 + 1e-10;
    const e = sym2Eigen(1, 1, c);
    expect(Math.abs(e.lambda2 - (c - 1) / 2) / ((c - 1) / 2)).toBeLessThan(1e-9);
  });
});

describe('mat2Solve', () => {
  it('solves random systems with a small residual', () => {
    const rng = rngCreate(7);
    const out = [0, 0];
    for (let k = 0; k < 500; k++) {
      const [a11, a12, a21, a22, r1, r2] = Array.from({ length: 6 }, () => rng.normal());
      expect(mat2Solve(a11, a12, a21, a22, r1, r2, out)).toBe(true);
      const res1 = a11 * out[0] + a12 * out[1] - r1;
      const res2 = a21 * out[0] + a22 * out[1] - r2;
      const size = Math.max(1, Math.abs(out[0]), Math.abs(out[1]));
      expect(Math.hypot(res1, res2)).toBeLessThan(1e-12 * size);
    }
  });

  it('pivots: a zero (1,1) entry is fine', () => {
    const out = [0, 0];
    expect(mat2Solve(0, 1, 1, 0, 3, 4, out)).toBe(true);
    expect(out).toEqual([4, 3]);
  });

  it('refuses singular matrices and leaves out untouched', () => {
    const out = [9, 9];
    expect(mat2Solve(1, 2, 2, 4, 1, 1, out)).toBe(false);
    expect(mat2Solve(0, 0, 0, 0, 1, 1, out)).toBe(false);
    expect(out).toEqual([9, 9]);
  });

  it('mat2Det is ad − bc', () => {
    expect(mat2Det(1, 2, 3, 4)).toBe(-2);
  });
});

describe('condition numbers', () => {
  it('diag(1, κ) has condition number κ and a rotation has 1', () => {
    expect(sym2ConditionNumber(1, 0, 50)).toBeCloseTo(50, 12);
    expect(mat2ConditionNumber(1, 0, 0, 50)).toBeCloseTo(50, 12);
    const t = 0.7;
    expect(mat2ConditionNumber(Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t))).toBeCloseTo(
      1,
      12,
    );
  });

  it('singular matrices have infinite condition number', () => {
    expect(sym2ConditionNumber(1, 1, 1)).toBe(Infinity);
    expect(mat2ConditionNumber(1, 2, 2, 4)).toBe(Infinity);
  });

  it('general 2×2: σ_max/σ_min from the eigenvalues of AᵀA', () => {
    const rng = rngCreate(99);
    for (let k = 0; k < 200; k++) {
      const [a, b, c, d] = [rng.normal(), rng.normal(), rng.normal(), rng.normal()];
      // AᵀA = [[a² + c², ab + cd], [ab + cd, b² + d²]] and its eigenvalues are σ².
      const e = sym2Eigen(a * a + c * c, a * b + c * d, b * b + d * d);
      const expected = Math.sqrt(e.lambda1 / e.lambda2);
      expect(Math.abs(mat2ConditionNumber(a, b, c, d) - expected) / expected).toBeLessThan(1e-8);
    }
  });

  it('sym2ConditionNumber of an indefinite matrix uses |λ|', () => {
    expect(sym2ConditionNumber(2, 0, -8)).toBeCloseTo(4, 12);
  });
});

describe('sym2Classify', () => {
  it('reads minimum / maximum / saddle / degenerate from eigenvalue signs', () => {
    expect(sym2Classify(2, 0, 3)).toBe('minimum');
    expect(sym2Classify(-2, 0.1, -3)).toBe('maximum');
    expect(sym2Classify(2, 0, -2)).toBe('saddle');
    expect(sym2Classify(1, 1, 1)).toBe('degenerate');
    expect(sym2Classify(0, 0, 0)).toBe('degenerate');
  });

  it('judges "zero" relative to the matrix: singular Hessians at any scale are degenerate', () => {
    // Rank-one s·(u, v)(u, v)ᵀ: one eigenvalue s(u² + v²), the other exactly 0 in real numbers and
    // only rounding noise (≈ ε·s) in floats. An absolute threshold misreads the noise once s ≫ 1.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    const wrong: string[] = [];
    for (let k = 0; k < 199; k++) {
      const s = 10 ** (3 + (3 * k) / 198);
      const u = rand();
      const v = rand();
      const kind = sym2Classify(s * u * u, s * u * v, s * v * v);
      if (kind !== 'degenerate') wrong.push(`s=${s.toExponential(2)}: ${kind}`);
      // The same matrix plus a clear second curvature of either sign is read correctly.
      const d = 0.01 * s * (u * u + v * v);
      expect(sym2Classify(s * u * u + d, s * u * v, s * v * v + d)).toBe('minimum');
      expect(sym2Classify(s * u * u - d, s * u * v, s * v * v - d)).toBe('saddle');
    }
    expect(wrong).toEqual([]);
    // Tiny Hessians keep their classification too: the threshold scales down with them.
    expect(sym2Classify(2e-9, 0, 3e-9)).toBe('minimum');
    expect(sym2Classify(2e-9, 0, -3e-9)).toBe('saddle');
  });
});
