/**
 * Every polynomial least-squares fit of degree 0 … P − 1 to one training set, from one Householder
 * QR of its n×P Legendre design matrix A (core/ml/stats-basis.ts).
 *
 * The columns are nested: the degree-d fit uses the first d + 1 of them, and the first d + 1
 * columns of Q span exactly those. With A = QR and z = Qᵀy, the degree-d fit is the projection
 * Σ_{j ≤ d} q_j z_j, so the fits grow one term at a time:
 *
 *   ĝ_d(x) = ĝ_{d−1}(x) + z_d · ψ_d(x),   ψ(x)ᵀ = φ(x)ᵀ R⁻¹,
 *
 * where φ(x) is the row of Legendre values at x and ψ_j(x) extends the j-th column of Q to any x
 * (R⁻¹ is upper triangular, so ψ_j uses only φ_0 … φ_j). The training residual of degree d is
 * ‖y − ĝ_d(X)‖² = Σ_{i > d} (Qᵀy)_i². One factorisation (≈ 2nP² flops) thus gives all P fits;
 * QR's error grows with κ(A), the normal equations' with κ(A)² (Golub & Van Loan §5.3).
 *
 * A workspace is allocated once per (n, P) and reused for every dataset: nothing allocates per fit.
 */
import { legendreRow } from './stats-basis';

export interface NestedQr {
  readonly n: number;
  /** Columns: fits of degree 0 … P − 1. */
  readonly P: number;
  /** Column-major n×P: R above the diagonal, the Householder vectors from the diagonal down. */
  readonly a: Float64Array;
  /** R's diagonal. */
  readonly diag: Float64Array;
  /** vᵀv of each Householder vector (0: no reflection). */
  readonly vtv: Float64Array;
  /** Qᵀy after `nestedQrProject`, length n. */
  readonly qty: Float64Array;
}

export function nestedQrCreate(n: number, P: number): NestedQr {
  if (!(P >= 1 && P <= n)) throw new Error(`need 1 ≤ P ≤ n, got P = ${P}, n = ${n}`);
  return {
    n,
    P,
    a: new Float64Array(n * P),
    diag: new Float64Array(P),
    vtv: new Float64Array(P),
    qty: new Float64Array(n),
  };
}

/**
 * Factors the Legendre design matrix at `xs` (length n). Returns the rank found: P, or the first
 * column k whose |R_kk| ≤ 1e-12·max|R_jj| (fewer than P distinct x, to working precision).
 */
export function nestedQrFactor(qr: NestedQr, xs: ArrayLike<number>): number {
  const { n, P, a, diag, vtv } = qr;
  for (let i = 0; i < n; i++) legendreRow(xs[i], P, a, i, n);
  for (let k = 0; k < P; k++) {
    const col = k * n;
    let norm2 = 0;
    for (let i = k; i < n; i++) norm2 += a[col + i] * a[col + i];
    const norm = Math.sqrt(norm2);
    const alpha = a[col + k] > 0 ? -norm : norm;
    diag[k] = alpha;
    if (norm === 0) {
      vtv[k] = 0;
      continue;
    }
    a[col + k] -= alpha;
    let s = 0;
    for (let i = k; i < n; i++) s += a[col + i] * a[col + i];
    vtv[k] = s;
    for (let j = k + 1; j < P; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = k; i < n; i++) dot += a[col + i] * a[cj + i];
      const f = (2 * dot) / s;
      for (let i = k; i < n; i++) a[cj + i] -= f * a[col + i];
    }
  }
  let scale = 0;
  for (let k = 0; k < P; k++) scale = Math.max(scale, Math.abs(diag[k]));
  for (let k = 0; k < P; k++) if (!(Math.abs(diag[k]) > 1e-12 * scale)) return k;
  return P;
}

/** z = Qᵀy into `qr.qty` (y is not modified). */
export function nestedQrProject(qr: NestedQr, y: ArrayLike<number>): Float64Array {
  const { n, P, a, vtv, qty } = qr;
  for (let i = 0; i < n; i++) qty[i] = y[i];
  for (let k = 0; k < P; k++) {
    const s = vtv[k];
    if (s === 0) continue;
    const col = k * n;
    let dot = 0;
    for (let i = k; i < n; i++) dot += a[col + i] * qty[i];
    const f = (2 * dot) / s;
    for (let i = k; i < n; i++) qty[i] -= f * a[col + i];
  }
  return qty;
}

/**
 * Training residual sums of squares ‖y − ĝ_d(X)‖², d = 0 … P − 1, from z = Qᵀy (after
 * `nestedQrProject`): rss_d = Σ_{i > d} z_i².
 */
export function nestedQrRss(qr: NestedQr, out: Float64Array): void {
  const { n, P, qty } = qr;
  let tail = 0;
  for (let i = P; i < n; i++) tail += qty[i] * qty[i];
  for (let d = P - 1; d >= 0; d--) {
    out[d] = tail;
    tail += qty[d] * qty[d];
  }
}

/**
 * ψ(x)ᵀ = φ(x)ᵀR⁻¹ at each of the T points `xs`, into `psi` (T×P row-major), by forward
 * substitution: ψ_j = (φ_j − Σ_{i<j} ψ_i R_ij) / R_jj. `phi` holds the Legendre rows (T×P).
 */
export function nestedQrPsi(qr: NestedQr, phi: Float64Array, T: number, psi: Float64Array): void {
  const { n, P, a, diag } = qr;
  for (let t = 0; t < T; t++) {
    const row = t * P;
    for (let j = 0; j < P; j++) {
      let s = phi[row + j];
      const cj = j * n;
      for (let i = 0; i < j; i++) s -= psi[row + i] * a[cj + i];
      psi[row + j] = s / diag[j];
    }
  }
}

/** Legendre rows φ(x_t) for T points (T×P row-major). */
export function legendreRows(xs: ArrayLike<number>, P: number): Float64Array {
  const out = new Float64Array(xs.length * P);
  for (let t = 0; t < xs.length; t++) legendreRow(xs[t], P, out, t * P);
  return out;
}

/**
 * The fitted values of every degree at the T points: out[offset + d·stride + t] = ĝ_d(x_t) =
 * Σ_{j ≤ d} z_j ψ_j(x_t), from z = Qᵀy (`nestedQrProject`) and ψ (`nestedQrPsi`). `degrees` ≤ P;
 * `stride` (default T) is the distance between two degrees' rows.
 */
export function nestedQrPredict(
  qr: NestedQr,
  psi: Float64Array,
  T: number,
  degrees: number,
  out: Float64Array,
  offset = 0,
  stride = T,
): void {
  const { P, qty } = qr;
  for (let t = 0; t < T; t++) {
    const row = t * P;
    let g = 0;
    for (let d = 0; d < degrees; d++) {
      g += qty[d] * psi[row + d];
      out[offset + d * stride + t] = g;
    }
  }
}

/**
 * Legendre coefficients of the degree-d fit (length d + 1): R_{0:d,0:d} c = z_{0:d}, by back
 * substitution. For showing a fit's formula; the simulation never needs them.
 */
export function nestedQrCoefficients(qr: NestedQr, degree: number): Float64Array {
  const { n, diag, qty, a } = qr;
  const k = degree + 1;
  const c = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let s = qty[j];
    for (let i = j + 1; i < k; i++) s -= a[i * n + j] * c[i];
    c[j] = s / diag[j];
  }
  return c;
}
