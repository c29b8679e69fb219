/**
 * Linear least squares by Householder QR: min ‖A·x − b‖₂ for a tall m×n A (m ≥ n), row-major.
 * Unlike the normal equations AᵀA·x = Aᵀb, whose condition number is κ(A)², the error grows
 * only with κ(A) (Golub & Van Loan, §5.3), which matters for nearly collinear features.
 */

/**
 * Solves min ‖A·x − b‖₂ (A m×n row-major, m ≥ n; A and b are not modified). Returns null when A
 * is rank-deficient to working precision: some |Rⱼⱼ| ≤ 1e-13·max|Rₖₖ|, or a non-finite entry.
 */
export function denseLeastSquaresQr(
  a: ArrayLike<number>,
  m: number,
  n: number,
  b: ArrayLike<number>,
): Float64Array | null {
  if (m < n) throw new Error(`least squares needs m ≥ n, got ${m}×${n}`);
  const r = Float64Array.from(a);
  const qtb = Float64Array.from(b);
  const diag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // Householder vector v for column k below the diagonal: (I − 2vvᵀ/vᵀv) maps it to ±‖·‖e₁.
    let norm = 0;
    for (let i = k; i < m; i++) norm = Math.hypot(norm, r[i * n + k]);
    if (!Number.isFinite(norm)) return null;
    const alpha = r[k * n + k] > 0 ? -norm : norm;
    diag[k] = alpha;
    if (norm === 0) continue;
    r[k * n + k] -= alpha; // column k from row k on now holds v
    let vtv = 0;
    for (let i = k; i < m; i++) vtv += r[i * n + k] * r[i * n + k];
    if (vtv === 0) continue;
    for (let j = k + 1; j < n; j++) {
      let dot = 0;
      for (let i = k; i < m; i++) dot += r[i * n + k] * r[i * n + j];
      const f = (2 * dot) / vtv;
      for (let i = k; i < m; i++) r[i * n + j] -= f * r[i * n + k];
    }
    let dot = 0;
    for (let i = k; i < m; i++) dot += r[i * n + k] * qtb[i];
    const f = (2 * dot) / vtv;
    for (let i = k; i < m; i++) qtb[i] -= f * r[i * n + k];
  }
  let scale = 0;
  for (let k = 0; k < n; k++) scale = Math.max(scale, Math.abs(diag[k]));
  if (!(scale > 0)) return null;
  for (let k = 0; k < n; k++) if (!(Math.abs(diag[k]) > 1e-13 * scale)) return null;
  // Back substitution with R (diagonal in `diag`, strictly upper part in r).
  const x = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    let sum = qtb[k];
    for (let j = k + 1; j < n; j++) sum -= r[k * n + j] * x[j];
    x[k] = sum / diag[k];
  }
  return x;
}
