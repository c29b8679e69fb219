/**
 * Regularized least squares: the data loss, the elastic-net penalty family, their gradients and
 * subgradients, the ridge closed form and the optimality (KKT) residual.
 *
 * Normalisation, used everywhere in the app:
 *   data loss   L(w) = (1/2n)·‖y − Xw‖²                       (X is n×p, y has n entries)
 *   penalty     P_α(w) = α·‖w‖₁ + ((1 − α)/2)·‖w‖₂²           α = 1 lasso, α = 0 ridge
 *   objective   F(w) = L(w) + λ·P_α(w),  λ ≥ 0
 * The constraint form is min L(w) subject to P_α(w) ≤ t. There is no intercept: the data
 * generators centre every column and the target, which is the same as an unpenalized intercept.
 *
 * The solvers use the sufficient statistics A = XᵀX/n (p×p, row-major), b = Xᵀy/n and
 * c = yᵀy/(2n): ∇L(w) = Aw − b. The loss itself is summed from residuals, never as
 * c − bᵀw + ½·wᵀAw, which cancels catastrophically near a good fit; least-squares and ridge fits
 * come from a QR factorisation of X, never from the normal equations (which square κ(X)).
 */
import { denseLeastSquaresQr } from '../math/linalg-qr';

/** Sufficient statistics of a least-squares problem with n samples and p features. */
export interface RegStats {
  readonly n: number;
  readonly p: number;
  /** A = XᵀX/n, p×p row-major. */
  readonly gram: Float64Array;
  /** b = Xᵀy/n, length p. */
  readonly xty: Float64Array;
  /** c = yᵀy/(2n): the loss at w = 0. */
  readonly halfYy: number;
  /** The samples themselves (row-major X, n×p, and y), for residuals and QR. */
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Statistics A = XᵀX/n, b = Xᵀy/n, c = yᵀy/(2n) of row-major X (n×p) and y (length n). */
export function regStatsCreate(x: Float64Array, y: Float64Array, n: number, p: number): RegStats {
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const row = i * p;
    const yi = y[i];
    yy += yi * yi;
    for (let j = 0; j < p; j++) {
      const xij = x[row + j];
      xty[j] += xij * yi;
      for (let k = 0; k <= j; k++) gram[j * p + k] += xij * x[row + k];
    }
  }
  for (let j = 0; j < p; j++) {
    xty[j] /= n;
    for (let k = 0; k <= j; k++) {
      gram[j * p + k] /= n;
      gram[k * p + j] = gram[j * p + k];
    }
  }
  return { n, p, gram, xty, halfYy: yy / (2 * n), x, y };
}

/**
 * L(w) = (1/2n)·‖y − Xw‖², summed from the residuals: accurate to a few ulps of each residual
 * however small the loss (c − bᵀw + ½wᵀAw lost all digits below ≈ 1e-16·c).
 */
export function regLoss(s: RegStats, w: ArrayLike<number>): number {
  return regLossOnData(s.x, s.y, s.n, s.p, w);
}

/** ∇L(w) = Aw − b (length p), written into `out`. */
export function regLossGradient(
  s: RegStats,
  w: ArrayLike<number>,
  out = new Float64Array(s.p),
): Float64Array {
  const { p, gram, xty } = s;
  for (let j = 0; j < p; j++) {
    let row = 0;
    for (let k = 0; k < p; k++) row += gram[j * p + k] * w[k];
    out[j] = row - xty[j];
  }
  return out;
}

/** (1/2n)·‖y − Xw‖² straight from the samples (row-major X, n×p). */
export function regLossOnData(
  x: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  w: ArrayLike<number>,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let r = y[i];
    for (let j = 0; j < p; j++) r -= x[i * p + j] * w[j];
    sum += r * r;
  }
  return sum / (2 * n);
}

/** P_α(w) = α·Σ|w_j| + ((1 − α)/2)·Σw_j². */
export function regPenalty(w: ArrayLike<number>, alpha: number): number {
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < w.length; j++) {
    l1 += Math.abs(w[j]);
    l2 += w[j] * w[j];
  }
  return alpha * l1 + 0.5 * (1 - alpha) * l2;
}

/**
 * ∇P_α(w)_j = α·sign(w_j) + (1 − α)·w_j. Where w_j = 0 and α > 0 the penalty has a kink and this
 * returns 0 for the L1 part, the centre of the subdifferential [−α, α] (see regSubdifferential).
 */
export function regPenaltyGradient(
  w: ArrayLike<number>,
  alpha: number,
  out = new Float64Array(w.length),
): Float64Array {
  for (let j = 0; j < w.length; j++) out[j] = alpha * Math.sign(w[j]) + (1 - alpha) * w[j];
  return out;
}

/**
 * Subdifferential ∂P_α(w) as a box: coordinate j ranges over [lo_j, hi_j], with
 * lo_j = hi_j = α·sign(w_j) + (1 − α)·w_j where w_j ≠ 0, and [−α, α] where w_j = 0.
 * Returned as [lo_0, hi_0, lo_1, hi_1, …].
 */
export function regSubdifferential(w: ArrayLike<number>, alpha: number): Float64Array {
  const out = new Float64Array(2 * w.length);
  for (let j = 0; j < w.length; j++) {
    if (w[j] === 0) {
      out[2 * j] = -alpha;
      out[2 * j + 1] = alpha;
    } else {
      out[2 * j] = out[2 * j + 1] = alpha * Math.sign(w[j]) + (1 - alpha) * w[j];
    }
  }
  return out;
}

/** F(w) = L(w) + λ·P_α(w). */
export function regObjective(
  s: RegStats,
  w: ArrayLike<number>,
  lambda: number,
  alpha: number,
): number {
  return regLoss(s, w) + lambda * regPenalty(w, alpha);
}

/** Soft-threshold S(z, γ) = sign(z)·max(|z| − γ, 0), the proximal map of γ·|·|. Exact zero inside. */
export function regSoftThreshold(z: number, gamma: number): number {
  if (z > gamma) return z - gamma;
  if (z < -gamma) return z + gamma;
  return 0;
}

/**
 * Ridge closed form: the minimiser of L(w) + (λ/2)·‖w‖² (α = 0) solves (A + λI)·w = b, i.e. the
 * least-squares problem min ‖[X; √(nλ)·I]·w − [y; 0]‖², solved by QR (error ∝ κ(X), not κ(X)²).
 * λ = 0 gives ordinary least squares. Returns null when the stacked matrix is rank-deficient
 * (collinear features and λ = 0).
 */
export function regRidge(s: RegStats, lambda: number): Float64Array | null {
  const { n, p } = s;
  const rows = lambda > 0 ? n + p : n;
  const a = new Float64Array(rows * p);
  a.set(s.x);
  const rhs = new Float64Array(rows);
  rhs.set(s.y);
  if (lambda > 0) {
    const d = Math.sqrt(n * lambda);
    for (let j = 0; j < p; j++) a[(n + j) * p + j] = d;
  }
  return denseLeastSquaresQr(a, rows, p, rhs);
}

/**
 * Largest violation of the optimality condition 0 ∈ ∇L(w) + λ·∂P_α(w), coordinate by coordinate:
 *   w_j ≠ 0:  |g_j + λ(1 − α)w_j + λα·sign(w_j)|,
 *   w_j = 0:  max(0, |g_j| − λα),
 * with g = ∇L(w) = Aw − b. Zero exactly at the minimiser of F; in the units of the gradient.
 */
export function regKktResidual(
  s: RegStats,
  w: ArrayLike<number>,
  lambda: number,
  alpha: number,
): number {
  const g = regLossGradient(s, w);
  let worst = 0;
  for (let j = 0; j < s.p; j++) {
    const v =
      w[j] === 0
        ? Math.max(0, Math.abs(g[j]) - lambda * alpha)
        : Math.abs(g[j] + lambda * (1 - alpha) * w[j] + lambda * alpha * Math.sign(w[j]));
    if (v > worst) worst = v;
  }
  return worst;
}

/** λ_max = max_j |b_j| / α: for λ ≥ λ_max (α > 0) the solution is w = 0. Infinity when α = 0. */
export function regLambdaMax(s: RegStats, alpha: number): number {
  let m = 0;
  for (let j = 0; j < s.p; j++) m = Math.max(m, Math.abs(s.xty[j]));
  return alpha > 0 ? m / alpha : m === 0 ? 0 : Infinity;
}
