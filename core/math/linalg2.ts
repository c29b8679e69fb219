/**
 * Closed-form 2×2 linear algebra for the loss-surface labs: eigen-decomposition of a symmetric
 * Hessian, solving a 2×2 system, condition numbers and classifying a critical point.
 *
 * A symmetric 2×2 matrix is passed as its three distinct entries (a, b, c) = [[a, b], [b, c]],
 * which is also the packed Hessian layout [fxx, fxy, fyy] used by the surfaces.
 */

/** Eigen-decomposition of a symmetric 2×2 matrix; λ₁ ≥ λ₂, unit eigenvectors v₁ ⟂ v₂. */
export interface Sym2Eigen {
  /** Larger eigenvalue λ₁. */
  readonly lambda1: number;
  /** Smaller eigenvalue λ₂ (λ₂ ≤ λ₁). */
  readonly lambda2: number;
  /** Unit eigenvector for λ₁, components (v1x, v1y). */
  readonly v1x: number;
  readonly v1y: number;
  /** Unit eigenvector for λ₂, equal to v₁ rotated by +90°. */
  readonly v2x: number;
  readonly v2y: number;
}

/**
 * Eigenvalues and eigenvectors of [[a, b], [b, c]].
 *
 * λ₁,₂ = m ± d with m = (a + c)/2 and d = √(((a − c)/2)² + b²) (computed with hypot, so no
 * overflow). The eigenvalue of smaller magnitude is recovered from det = λ₁λ₂ to avoid the
 * cancellation in m − d. Eigenvector of λ₁ is (cos φ, sin φ) with φ = ½·atan2(2b, a − c); this
 * formula stays well defined when the eigenvalues coincide (any unit vector is then correct).
 */
export function sym2Eigen(a: number, b: number, c: number): Sym2Eigen {
  const m = 0.5 * (a + c);
  const d = Math.hypot(0.5 * (a - c), b);
  const det = a * c - b * b;
  let lambda1: number;
  let lambda2: number;
  if (m >= 0) {
    lambda1 = m + d;
    lambda2 = lambda1 !== 0 ? det / lambda1 : m - d;
  } else {
    lambda2 = m - d;
    lambda1 = det / lambda2;
  }
  // det/λ can round a hair past its partner; keep the documented ordering exact.
  if (lambda2 > lambda1) lambda2 = lambda1;
  const phi = 0.5 * Math.atan2(2 * b, a - c);
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  return { lambda1, lambda2, v1x: cos, v1y: sin, v2x: -sin, v2y: cos };
}

/**
 * Solves [[a11, a12], [a21, a22]] · x = (r1, r2) by Gaussian elimination with partial pivoting,
 * writing x into out[0], out[1]. Returns false (out untouched) when the matrix is singular to
 * working precision: a pivot below 1e-14 times the largest entry, or a zero matrix.
 */
export function mat2Solve(
  a11: number,
  a12: number,
  a21: number,
  a22: number,
  r1: number,
  r2: number,
  out: Float64Array | number[],
): boolean {
  const scale = Math.max(Math.abs(a11), Math.abs(a12), Math.abs(a21), Math.abs(a22));
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  const tiny = 1e-14 * scale;
  // Pivot on the row whose first-column entry is larger in magnitude.
  const swap = Math.abs(a21) > Math.abs(a11);
  const p11 = swap ? a21 : a11;
  const p12 = swap ? a22 : a12;
  const q1 = swap ? r2 : r1;
  const p21 = swap ? a11 : a21;
  const p22 = swap ? a12 : a22;
  const q2 = swap ? r1 : r2;
  if (Math.abs(p11) <= tiny) return false;
  const l = p21 / p11;
  const u22 = p22 - l * p12;
  if (Math.abs(u22) <= tiny) return false;
  const x2 = (q2 - l * q1) / u22;
  out[0] = (q1 - p12 * x2) / p11;
  out[1] = x2;
  return true;
}

/** Determinant a11·a22 − a12·a21 of a 2×2 matrix. */
export function mat2Det(a11: number, a12: number, a21: number, a22: number): number {
  return a11 * a22 - a12 * a21;
}

/**
 * Spectral condition number κ₂ = σ_max/σ_min of a general 2×2 matrix (∞ when singular).
 *
 * Closed form: σ_max² + σ_min² = ‖A‖_F² and σ_max·σ_min = |det A|, so
 * σ_max = (√(‖A‖_F² + 2|det|) + √(‖A‖_F² − 2|det|)) / 2 and σ_min = |det| / σ_max.
 */
export function mat2ConditionNumber(a11: number, a12: number, a21: number, a22: number): number {
  const fro2 = a11 * a11 + a12 * a12 + a21 * a21 + a22 * a22;
  const det = Math.abs(mat2Det(a11, a12, a21, a22));
  if (fro2 === 0 || det === 0) return Infinity;
  const sMax = 0.5 * (Math.sqrt(fro2 + 2 * det) + Math.sqrt(Math.max(0, fro2 - 2 * det)));
  return sMax / (det / sMax);
}

/**
 * Condition number of a symmetric 2×2 matrix [[a, b], [b, c]]: max|λ| / min|λ| (∞ when
 * singular). For a positive-definite Hessian this is the κ that governs gradient descent.
 */
export function sym2ConditionNumber(a: number, b: number, c: number): number {
  const { lambda1, lambda2 } = sym2Eigen(a, b, c);
  const big = Math.max(Math.abs(lambda1), Math.abs(lambda2));
  const small = Math.min(Math.abs(lambda1), Math.abs(lambda2));
  if (big === 0 || small === 0) return Infinity;
  return big / small;
}

/** Kind of critical point read off the Hessian's eigenvalue signs. */
export type Sym2Curvature = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

/**
 * Classifies a Hessian [[a, b], [b, c]] at a critical point: both eigenvalues > τ → minimum,
 * both < −τ → maximum, opposite signs beyond τ → saddle, otherwise degenerate (the second
 * derivative test is inconclusive). τ = relTol · max|λ| is relative to the matrix, because an
 * eigenvalue that is zero in exact arithmetic comes out as rounding noise of size ≈ ε·max|λ|:
 * an absolute threshold would call a singular Hessian scaled by 10⁶ definite, and a definite
 * one scaled by 10⁻⁹ singular.
 */
export function sym2Classify(a: number, b: number, c: number, relTol = 1e-10): Sym2Curvature {
  const { lambda1, lambda2 } = sym2Eigen(a, b, c);
  const tol = relTol * Math.max(Math.abs(lambda1), Math.abs(lambda2));
  if (tol === 0 || !Number.isFinite(tol)) return 'degenerate';
  if (lambda2 > tol) return 'minimum';
  if (lambda1 < -tol) return 'maximum';
  if (lambda1 > tol && lambda2 < -tol) return 'saddle';
  return 'degenerate';
}
