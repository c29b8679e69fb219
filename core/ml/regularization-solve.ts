/**
 * Solvers for the penalized problem min_w F(w) = L(w) + λ·P_α(w) (normalisation in
 * regularization.ts): coordinate descent with soft-thresholding and warm starts for any p, an
 * exact active-set solve for small p, and regularization paths over a grid of λ.
 *
 * Coordinate update (covariance form, A = XᵀX/n, b = Xᵀy/n): with every other coordinate fixed,
 *   z_j = b_j − Σ_{k≠j} A_jk·w_k,   w_j ← S(z_j, λα) / (A_jj + λ(1 − α)),
 * where S is the soft-threshold, so coordinates inside the threshold become exactly 0.
 */
import { denseLuSolve } from '../math/linalg-dense';
import {
  regKktResidual,
  regObjective,
  regRidge,
  regSoftThreshold,
  type RegStats,
} from './regularization';

/** Options of coordinate descent. */
export interface RegCdOptions {
  /** Starting point (warm start), length p; default 0. Not modified. */
  readonly warm?: ArrayLike<number>;
  /** Stop once the KKT residual is at most this (gradient units); default 1e-13. */
  readonly tol?: number;
  /** Most full sweeps over the coordinates; default 200 000. */
  readonly maxSweeps?: number;
}

/** A penalized solution with how it was reached. */
export interface RegSolution {
  /** Minimiser w (length p); exact zeros where the soft-threshold zeroed a coordinate. */
  readonly w: Float64Array;
  /** Full sweeps used (0 for closed forms). */
  readonly sweeps: number;
  /** KKT residual (regKktResidual) at w. */
  readonly kkt: number;
}

/**
 * z_j = b_j − Σ_{k≠j} A_jk·w_k, the input of coordinate j's update: with the other coordinates
 * fixed, the best w_j is S(z_j, λα) / (A_jj + λ(1 − α)).
 */
export function regCoordinateInput(s: RegStats, w: ArrayLike<number>, j: number): number {
  let z = s.xty[j];
  for (let k = 0; k < s.p; k++) if (k !== j) z -= s.gram[j * s.p + k] * w[k];
  return z;
}

/**
 * Coordinate descent for L + λ·P_α. Converges for every λ ≥ 0 when A is positive semidefinite
 * with positive diagonal (the objective is convex and each coordinate problem is solved exactly).
 * After the sweeps the support is polished: (A_SS + λ(1 − α)I)·w_S = b_S − λα·sign(w_S) is
 * solved directly and kept when it keeps the signs and lowers the residual.
 */
export function regCoordinateDescent(
  s: RegStats,
  lambda: number,
  alpha: number,
  opts: RegCdOptions = {},
): RegSolution {
  const { p, gram, xty } = s;
  const tol = opts.tol ?? 1e-13;
  const maxSweeps = opts.maxSweeps ?? 200_000;
  const w = new Float64Array(p);
  if (opts.warm) w.set(Array.from(opts.warm).slice(0, p));
  // aw = A·w, kept current as coordinates move.
  const aw = new Float64Array(p);
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) aw[j] += gram[j * p + k] * w[k];
  const thresh = lambda * alpha;
  const ridge = lambda * (1 - alpha);
  let sweeps = 0;
  let kkt = regKktResidual(s, w, lambda, alpha);
  while (kkt > tol && sweeps < maxSweeps) {
    sweeps++;
    let moved = 0;
    for (let j = 0; j < p; j++) {
      const ajj = gram[j * p + j];
      if (!(ajj > 0)) continue;
      const z = xty[j] - (aw[j] - ajj * w[j]);
      const next = regSoftThreshold(z, thresh) / (ajj + ridge);
      const delta = next - w[j];
      if (delta === 0) continue;
      w[j] = next;
      for (let k = 0; k < p; k++) aw[k] += gram[k * p + j] * delta;
      moved = Math.max(moved, Math.abs(delta));
    }
    // Checking the residual costs a sweep's worth of work: do it every 8 sweeps or at a standstill.
    if (moved === 0 || sweeps % 8 === 0) kkt = regKktResidual(s, w, lambda, alpha);
    if (moved === 0) break;
  }
  const polished = regSupportSolve(s, lambda, alpha, w);
  if (polished) {
    const pk = regKktResidual(s, polished, lambda, alpha);
    if (pk <= kkt) return { w: polished, sweeps, kkt: pk };
  }
  return { w, sweeps, kkt: regKktResidual(s, w, lambda, alpha) };
}

/**
 * Solves the optimality condition on the support and signs of `guess`:
 * (A_SS + λ(1 − α)I)·w_S = b_S − λα·sign(guess_S), w_j = 0 off S. Returns null when the system is
 * singular or a coordinate changes sign (the guessed support was wrong).
 */
export function regSupportSolve(
  s: RegStats,
  lambda: number,
  alpha: number,
  guess: ArrayLike<number>,
): Float64Array | null {
  const signs = Array.from({ length: s.p }, (_, j) => Math.sign(guess[j]));
  return supportSolveSigns(s, lambda, alpha, signs);
}

function supportSolveSigns(
  s: RegStats,
  lambda: number,
  alpha: number,
  signs: readonly number[],
): Float64Array | null {
  const { p, gram, xty } = s;
  const support: number[] = [];
  for (let j = 0; j < p; j++) if (signs[j] !== 0) support.push(j);
  const w = new Float64Array(p);
  const m = support.length;
  if (m === 0) return w;
  const a = new Float64Array(m * m);
  const r = new Float64Array(m);
  for (let u = 0; u < m; u++) {
    const j = support[u];
    r[u] = xty[j] - lambda * alpha * signs[j];
    for (let v = 0; v < m; v++) a[u * m + v] = gram[j * p + support[v]];
    a[u * m + u] += lambda * (1 - alpha);
  }
  const x = new Float64Array(m);
  if (!denseLuSolve(a, m, r, x)) return null;
  for (let u = 0; u < m; u++) {
    const j = support[u];
    // A coordinate that came out with the wrong sign means the support guess is wrong. Ridge
    // (α = 0) has no sign condition.
    if (alpha > 0 && x[u] * signs[j] < 0) return null;
    w[j] = x[u];
  }
  return w;
}

/**
 * Exact minimiser of L + λ·P_α for small p (≤ 8) by enumerating all 3^p sign patterns
 * s ∈ {−1, 0, +1}^p: each gives the candidate from regSupportSolve's linear system; the
 * candidate whose KKT residual is smallest (ties: lower objective) is the minimiser, since a
 * strictly convex F has exactly one point where 0 ∈ ∂F. Independent of coordinate descent.
 * α = 0 (no sign patterns) is the ridge closed form for any p.
 */
export function regExactSmall(s: RegStats, lambda: number, alpha: number): RegSolution {
  const { p } = s;
  if (alpha === 0) {
    const w = regRidge(s, lambda) ?? new Float64Array(p);
    return { w, sweeps: 0, kkt: regKktResidual(s, w, lambda, alpha) };
  }
  if (p > 8) throw new Error('regExactSmall enumerates 3^p patterns: p must be at most 8');
  let best: Float64Array = new Float64Array(p);
  let bestKkt = regKktResidual(s, best, lambda, alpha);
  let bestF = regObjective(s, best, lambda, alpha);
  const signs = new Array<number>(p).fill(0);
  const total = 3 ** p;
  for (let code = 1; code < total; code++) {
    let c = code;
    for (let j = 0; j < p; j++) {
      signs[j] = (c % 3) - 1;
      c = Math.floor(c / 3);
    }
    const w = supportSolveSigns(s, lambda, alpha, signs);
    if (!w) continue;
    const kkt = regKktResidual(s, w, lambda, alpha);
    const f = regObjective(s, w, lambda, alpha);
    const scale = 1e-13 * Math.max(1, Math.abs(bestF));
    if (kkt < bestKkt - 1e-15 || (kkt <= bestKkt + 1e-15 && f < bestF - scale)) {
      best = w;
      bestKkt = kkt;
      bestF = f;
    }
  }
  return { w: best, sweeps: 0, kkt: bestKkt };
}

/**
 * The penalized minimiser by the best method for the size: ridge closed form when α = 0 (any p),
 * exact enumeration when p ≤ 4, coordinate descent (optionally warm-started) otherwise.
 */
export function regPenalized(
  s: RegStats,
  lambda: number,
  alpha: number,
  warm?: ArrayLike<number>,
): RegSolution {
  if (alpha === 0 || s.p <= 4) return regExactSmall(s, lambda, alpha);
  return regCoordinateDescent(s, lambda, alpha, { warm });
}

/** λ grid: `count` values geometrically spaced from `max` down to `min` (count ≥ 2). */
export function regLambdaGrid(min: number, max: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const lo = Math.log(min);
  const hi = Math.log(max);
  for (let k = 0; k < count; k++) out[k] = Math.exp(hi + ((lo - hi) * k) / (count - 1));
  return out;
}

/** Coefficients along a λ path: entry (k, j) at coefs[k·p + j], plus sweeps and KKT per λ. */
export interface RegPath {
  readonly lambdas: Float64Array;
  readonly coefs: Float64Array;
  readonly kkt: Float64Array;
  readonly sweeps: Int32Array;
}

/**
 * Solutions of L + λ·P_α for each λ of a decreasing grid, one at a time (so a simulation can
 * yield between them). Coordinate descent is warm-started from the previous λ's solution (few
 * sweeps per point); α = 0 uses the ridge closed form.
 */
export function* regPathPoints(
  s: RegStats,
  lambdas: ArrayLike<number>,
  alpha: number,
): Generator<RegSolution, void, void> {
  let warm: Float64Array = new Float64Array(s.p);
  for (let k = 0; k < lambdas.length; k++) {
    const sol =
      alpha === 0
        ? regExactSmall(s, lambdas[k], 0)
        : regCoordinateDescent(s, lambdas[k], alpha, { warm });
    warm = sol.w;
    yield sol;
  }
}

/** The whole path of `regPathPoints`, gathered into arrays. */
export function regPath(s: RegStats, lambdas: Float64Array, alpha: number): RegPath {
  const { p } = s;
  const coefs = new Float64Array(lambdas.length * p);
  const kkt = new Float64Array(lambdas.length);
  const sweeps = new Int32Array(lambdas.length);
  let k = 0;
  for (const sol of regPathPoints(s, lambdas, alpha)) {
    coefs.set(sol.w, k * p);
    kkt[k] = sol.kkt;
    sweeps[k] = sol.sweeps;
    k++;
  }
  return { lambdas, coefs, kkt, sweeps };
}
