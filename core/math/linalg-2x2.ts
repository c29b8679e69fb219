/**
 * A general (not necessarily symmetric) real 2×2 matrix A = [[a, b], [c, d]]: determinant, trace,
 * eigenvalues (a real pair or a complex-conjugate pair), real eigenvectors, singular values and
 * rank. Closed forms; the symmetric case lives in linalg2.ts.
 */

/** [[a, b], [c, d]] as rows. */
export type Mat2 = readonly [readonly [number, number], readonly [number, number]];

export interface Mat2Eigen {
  /** True when the eigenvalues are real (discriminant (tr/2)² − det ≥ 0). */
  readonly real: boolean;
  /** Real eigenvalues λ₁ ≥ λ₂; for a complex pair, both hold the real part tr/2. */
  readonly lambda1: number;
  readonly lambda2: number;
  /** Imaginary part ±ω of a complex pair (0 when real). */
  readonly imag: number;
  /**
   * Unit eigenvectors for λ₁ and λ₂ when real; null for a complex pair. A repeated eigenvalue
   * with a single eigenvector direction (a shear) gives the same vector twice.
   */
  readonly v1: readonly [number, number] | null;
  readonly v2: readonly [number, number] | null;
}

/** det A = ad − bc. */
export function mat2GeneralDet(m: Mat2): number {
  return m[0][0] * m[1][1] - m[0][1] * m[1][0];
}

/** A·(x, y). */
export function mat2Apply(m: Mat2, x: number, y: number): [number, number] {
  return [m[0][0] * x + m[0][1] * y, m[1][0] * x + m[1][1] * y];
}

/** A unit vector along the null space of A − λI (its larger row turned a right angle). */
function eigenvector(m: Mat2, lambda: number): [number, number] {
  const r1: [number, number] = [m[0][0] - lambda, m[0][1]];
  const r2: [number, number] = [m[1][0], m[1][1] - lambda];
  const n1 = Math.hypot(r1[0], r1[1]);
  const n2 = Math.hypot(r2[0], r2[1]);
  const scale = Math.max(
    Math.abs(m[0][0]),
    Math.abs(m[0][1]),
    Math.abs(m[1][0]),
    Math.abs(m[1][1]),
    1,
  );
  // A − λI ≈ 0: every vector is an eigenvector; take the first axis.
  if (Math.max(n1, n2) <= 1e-12 * scale) return [1, 0];
  const r = n1 >= n2 ? r1 : r2;
  const n = Math.max(n1, n2);
  // The sign is free; pointing right (or up) reads best.
  const s = -r[1] < 0 || (r[1] === 0 && r[0] < 0) ? -1 : 1;
  return [(s * -r[1]) / n, (s * r[0]) / n];
}

/**
 * Eigenvalues λ = tr/2 ± √((tr/2)² − det) and, when real, unit eigenvectors (each a vector
 * orthogonal to a non-zero row of A − λI, its x component ≥ 0). The smaller-magnitude root is taken as det/λ_big to
 * avoid cancellation.
 */
export function mat2Eigen(m: Mat2): Mat2Eigen {
  const half = 0.5 * (m[0][0] + m[1][1]);
  const det = mat2GeneralDet(m);
  const disc = half * half - det;
  if (disc < 0) {
    return {
      real: false,
      lambda1: half,
      lambda2: half,
      imag: Math.sqrt(-disc),
      v1: null,
      v2: null,
    };
  }
  const root = Math.sqrt(disc);
  const big = half >= 0 ? half + root : half - root;
  const small = big !== 0 ? det / big : 0;
  const lambda1 = Math.max(big, small);
  const lambda2 = Math.min(big, small);
  return {
    real: true,
    lambda1,
    lambda2,
    imag: 0,
    v1: eigenvector(m, lambda1),
    v2: eigenvector(m, lambda2),
  };
}

/**
 * Singular values σ₁ ≥ σ₂ ≥ 0 from σ₁² + σ₂² = ‖A‖_F² and σ₁σ₂ = |det A|.
 */
export function mat2Singular(m: Mat2): [number, number] {
  const fro2 = m[0][0] ** 2 + m[0][1] ** 2 + m[1][0] ** 2 + m[1][1] ** 2;
  const det = Math.abs(mat2GeneralDet(m));
  const s1 = 0.5 * (Math.sqrt(fro2 + 2 * det) + Math.sqrt(Math.max(0, fro2 - 2 * det)));
  return [s1, s1 > 0 ? det / s1 : 0];
}

/** Rank: the number of singular values above 1e-10·σ₁ (0 for the zero matrix). */
export function mat2Rank(m: Mat2): 0 | 1 | 2 {
  const [s1, s2] = mat2Singular(m);
  if (s1 === 0) return 0;
  return s2 > 1e-10 * s1 ? 2 : 1;
}
