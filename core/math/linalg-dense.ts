/**
 * Small dense n×n helpers for second-order optimizers (Newton, L-BFGS models). Matrices are
 * row-major Float64Arrays of length n·n: entry (i, j) is a[i·n + j]. Sized for n up to a few
 * dozen; everything is O(n³) or less with no blocking.
 */

/**
 * Cholesky factor of a symmetric matrix: A = L·Lᵀ with L lower-triangular, written row-major into
 * `lower` (upper part zeroed). Only the lower triangle of A is read. Returns false when A is not
 * positive definite to working precision (a pivot ≤ 0 or not finite); `lower` is then garbage.
 */
export function denseCholesky(a: Float64Array, n: number, lower: Float64Array): boolean {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k++) sum -= lower[i * n + k] * lower[j * n + k];
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return false;
        lower[i * n + i] = Math.sqrt(sum);
      } else {
        lower[i * n + j] = sum / lower[j * n + j];
      }
    }
    for (let j = i + 1; j < n; j++) lower[i * n + j] = 0;
  }
  return true;
}

/** Solves L·Lᵀ·x = r given the Cholesky factor L (from `denseCholesky`); x may alias r. */
export function denseCholeskySolve(
  lower: Float64Array,
  n: number,
  r: ArrayLike<number>,
  x: Float64Array,
): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = r[i];
    for (let k = 0; k < i; k++) sum -= lower[i * n + k] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= lower[k * n + i] * x[k];
    x[i] = sum / lower[i * n + i];
  }
  return x;
}

/**
 * Solves A·x = r for a general square A by Gaussian elimination with partial pivoting (A and r
 * are not modified). Returns false when a pivot falls below 1e-14·max|aᵢⱼ| (singular to working
 * precision) or A is zero/not finite; x is then left untouched.
 */
export function denseLuSolve(
  a: Float64Array,
  n: number,
  r: ArrayLike<number>,
  x: Float64Array,
): boolean {
  const m = Float64Array.from(a);
  const rhs = Float64Array.from(r);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]));
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  const tiny = 1e-14 * scale;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs(m[row * n + col]) > Math.abs(m[pivot * n + col])) pivot = row;
    }
    if (Math.abs(m[pivot * n + col]) <= tiny) return false;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        const t = m[col * n + k];
        m[col * n + k] = m[pivot * n + k];
        m[pivot * n + k] = t;
      }
      const t = rhs[col];
      rhs[col] = rhs[pivot];
      rhs[pivot] = t;
    }
    for (let row = col + 1; row < n; row++) {
      const f = m[row * n + col] / m[col * n + col];
      if (f === 0) continue;
      for (let k = col; k < n; k++) m[row * n + k] -= f * m[col * n + k];
      rhs[row] -= f * rhs[col];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = rhs[i];
    for (let k = i + 1; k < n; k++) sum -= m[i * n + k] * x[k];
    x[i] = sum / m[i * n + i];
  }
  return true;
}

/** out = A·v for a row-major n×n A; out must not alias v. */
export function denseMatVec(
  a: Float64Array,
  n: number,
  v: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += a[i * n + j] * v[j];
    out[i] = sum;
  }
  return out;
}

/** Frobenius norm √(Σ aᵢⱼ²) of an n×n matrix. */
export function denseFrobenius(a: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n * n; i++) sum += a[i] * a[i];
  return Math.sqrt(sum);
}

/** Dot product Σ aᵢbᵢ of two length-n vectors. */
export function vecDot(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}
