/**
 * L-BFGS (Nocedal & Wright, Numerical Optimization, Alg. 7.4/7.5) on length-n vectors.
 *
 * - Memory: the last m curvature pairs sₖ = θₖ₊₁ − θₖ, yₖ = gₖ₊₁ − gₖ. A pair is formed when the
 *   next step starts (so it uses the gradient the caller passes there) and is skipped unless
 *   sᵀy > 10⁻¹²·‖s‖‖y‖, which keeps the implied Hessian positive definite (no update when
 *   sᵀy ≤ 0, e.g. on a non-convex stretch).
 * - Direction p = −H g by the two-loop recursion with H₀ = γI, γ = sᵀy / yᵀy of the newest pair
 *   (γ = 1 with an empty memory). If p is not a descent direction the memory is cleared.
 * - Step length: with `lineSearch` = 1, backtracking from α₀ (α ← ρα, at most 50 times) until the
 *   Armijo condition f(θ + αp) ≤ f(θ) + c₁α gᵀp holds — or, once f(θ + αp) and f(θ) agree to
 *   rounding level, its derivative form ∇f(θ + αp)ᵀp ≤ (1 − 2c₁)|gᵀp| (Hager–Zhang's
 *   "approximate Wolfe" idea), so convergence does not stall at ‖g‖ ≈ √ε. If no step qualifies
 *   (or αp drops below the floating-point resolution of θ), θ stays put and the memory is cleared. With `lineSearch` = 0, the fixed step α₀ is taken. α₀ = η, except with an
 *   empty memory, where the steepest-descent step is scaled to α₀ = η·min(1, 1/‖g‖₂).
 * - Quadratic model: B = H⁻¹ is rebuilt explicitly by applying the direct BFGS update
 *   B ← B − (Bs)(Bs)ᵀ/(sᵀBs) + yyᵀ/(yᵀs) to B₀ = I/γ over the stored pairs, oldest first.
 */
import { vecDot } from '../math/linalg-dense';
import {
  optimizerParamsResolve,
  optimizerSpecDefine,
  type Objective,
  type OptimizerSpec,
} from './optimizers-types';
import { paramSpec } from './surfaces-types';

/** L-BFGS hyperparameters (memory m is an integer, line search a 0/1 flag). */
export type LbfgsParams = {
  lr: number;
  memory: number;
  lineSearch: number;
  c1: number;
  backtrack: number;
};

/** L-BFGS state: ring buffers of pairs (row k of S and Y is one length-n vector). */
export interface LbfgsState {
  readonly params: LbfgsParams;
  t: number;
  readonly dimension: number;
  readonly s: Float64Array;
  readonly y: Float64Array;
  /** 1 / (sₖᵀyₖ) per stored pair. */
  readonly rho: Float64Array;
  /** Stored pairs (≤ m) and ring index of the oldest. */
  count: number;
  oldest: number;
  /** Pairs rejected by the curvature test so far. */
  skipped: number;
  /** Iterate and gradient where the last step started; the pair is formed on the next call. */
  readonly prevTheta: Float64Array;
  readonly prevGrad: Float64Array;
  pending: boolean;
  readonly direction: Float64Array;
  /** Step length α accepted by the last step (0 if the line search failed). */
  lastStepLength: number;
  readonly alpha: Float64Array;
  /** Scratch vectors (new curvature pair, line-search trial point and its gradient). */
  readonly scratchA: Float64Array;
  readonly scratchB: Float64Array;
}

const LBFGS_PARAMS = [
  paramSpec('lr', 'Initial step', '\\alpha_0', 1e-3, 1, 1, { logScale: true }),
  paramSpec('memory', 'Memory', 'm', 1, 50, 10, { integer: true }),
  paramSpec('lineSearch', 'Armijo line search', '\\text{ls}', 0, 1, 1, { integer: true }),
  paramSpec('c1', 'Armijo constant', 'c_1', 1e-6, 0.5, 1e-4, { logScale: true }),
  paramSpec('backtrack', 'Backtracking factor', '\\rho', 0.1, 0.9, 0.5),
];

/** Creates L-BFGS state with an empty memory; defaults α₀ = 1, m = 10, Armijo c₁ = 1e-4, ρ = ½. */
export function optimizerLbfgsCreate(dimension: number, params?: Partial<LbfgsParams>): LbfgsState {
  const resolved = optimizerParamsResolve<LbfgsParams>(LBFGS_PARAMS, params);
  const m = resolved.memory;
  return {
    params: resolved,
    t: 0,
    dimension,
    s: new Float64Array(m * dimension),
    y: new Float64Array(m * dimension),
    rho: new Float64Array(m),
    count: 0,
    oldest: 0,
    skipped: 0,
    prevTheta: new Float64Array(dimension),
    prevGrad: new Float64Array(dimension),
    pending: false,
    direction: new Float64Array(dimension),
    lastStepLength: 0,
    alpha: new Float64Array(m),
    scratchA: new Float64Array(dimension),
    scratchB: new Float64Array(dimension),
  };
}

/** Forms the pending curvature pair from the last step, if any (idempotent per iterate). */
export function optimizerLbfgsAbsorb(
  state: LbfgsState,
  theta: ArrayLike<number>,
  g: ArrayLike<number>,
): void {
  if (!state.pending) return;
  state.pending = false;
  const n = state.dimension;
  const m = state.params.memory;
  // Build the pair in scratch first: with a full memory the target slot still holds the oldest
  // pair, which must survive if this one is rejected.
  const s = state.scratchA;
  const y = state.scratchB;
  for (let i = 0; i < n; i++) {
    s[i] = theta[i] - state.prevTheta[i];
    y[i] = g[i] - state.prevGrad[i];
  }
  const sy = vecDot(s, y);
  const bound = 1e-12 * Math.sqrt(vecDot(s, s) * vecDot(y, y));
  if (!(sy > bound) || !Number.isFinite(sy)) {
    state.skipped++;
    return;
  }
  const slot = (state.oldest + state.count) % m;
  state.s.set(s, slot * n);
  state.y.set(y, slot * n);
  state.rho[slot] = 1 / sy;
  if (state.count < m) state.count++;
  else state.oldest = (state.oldest + 1) % m;
}

/** Ring slot of the k-th stored pair, k = 0 oldest … count − 1 newest. */
const slotOf = (state: LbfgsState, k: number) => (state.oldest + k) % state.params.memory;

/** Writes p = −H g (two-loop recursion) into out; returns out. */
export function optimizerLbfgsDirection(
  state: LbfgsState,
  g: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const n = state.dimension;
  for (let i = 0; i < n; i++) out[i] = g[i];
  for (let k = state.count - 1; k >= 0; k--) {
    const j = slotOf(state, k);
    const s = state.s.subarray(j * n, j * n + n);
    const y = state.y.subarray(j * n, j * n + n);
    const a = state.rho[j] * vecDot(s, out);
    state.alpha[j] = a;
    for (let i = 0; i < n; i++) out[i] -= a * y[i];
  }
  const gamma = lbfgsGamma(state);
  for (let i = 0; i < n; i++) out[i] *= gamma;
  for (let k = 0; k < state.count; k++) {
    const j = slotOf(state, k);
    const s = state.s.subarray(j * n, j * n + n);
    const y = state.y.subarray(j * n, j * n + n);
    const b = state.rho[j] * vecDot(y, out);
    for (let i = 0; i < n; i++) out[i] += (state.alpha[j] - b) * s[i];
  }
  for (let i = 0; i < n; i++) out[i] = -out[i];
  return out;
}

/** γ = sᵀy / yᵀy of the newest stored pair, 1 when the memory is empty. */
function lbfgsGamma(state: LbfgsState): number {
  if (state.count === 0) return 1;
  const n = state.dimension;
  const j = slotOf(state, state.count - 1);
  const y = state.y.subarray(j * n, j * n + n);
  return 1 / (state.rho[j] * vecDot(y, y));
}

/** Writes the explicit model matrix B ≈ ∇²f (row-major n×n, B = H⁻¹) into out. */
export function optimizerLbfgsModel(state: LbfgsState, out: Float64Array): Float64Array {
  const n = state.dimension;
  const gamma = lbfgsGamma(state);
  out.fill(0);
  for (let i = 0; i < n; i++) out[i * n + i] = 1 / gamma;
  const bs = new Float64Array(n);
  for (let k = 0; k < state.count; k++) {
    const j = slotOf(state, k);
    const s = state.s.subarray(j * n, j * n + n);
    const y = state.y.subarray(j * n, j * n + n);
    for (let r = 0; r < n; r++) bs[r] = vecDot(out.subarray(r * n, r * n + n), s);
    const sBs = vecDot(s, bs);
    const rho = state.rho[j];
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) out[r * n + c] += -(bs[r] * bs[c]) / sBs + rho * y[r] * y[c];
    }
  }
  return out;
}

/**
 * Backtracking from α₀ along p = `state.direction`; returns the accepted α, or 0 if no step
 * qualifies. A step qualifies by Armijo on function values or, when
 * f(θ + αp) and f(θ) agree to rounding level (|Δf| ≤ 1e-10·|f|), by the derivative form of
 * Armijo, φ′(α) ≤ (1 − 2c₁)·|φ′(0)| with φ(α) = f(θ + αp), which is immune to that cancellation.
 */
function lbfgsLineSearch(
  state: LbfgsState,
  theta: Float64Array,
  objective: Objective,
  alpha0: number,
  slope: number,
): number {
  const n = state.dimension;
  const { c1, backtrack } = state.params;
  const p = state.direction;
  const trial = state.scratchA;
  const trialGrad = state.scratchB;
  const f0 = objective.value(theta);
  let alpha = alpha0;
  for (let k = 0; k <= 50; k++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      trial[i] = theta[i] + alpha * p[i];
      moved ||= trial[i] !== theta[i];
    }
    // Once the step is below the resolution of θ no shorter step can do better.
    if (!moved) return 0;
    const f = objective.value(trial);
    let ok = Number.isFinite(f) && f <= f0 + c1 * alpha * slope;
    if (!ok && Math.abs(f - f0) <= 1e-10 * Math.abs(f0)) {
      objective.gradient(trial, trialGrad);
      ok = vecDot(trialGrad, p, n) <= (1 - 2 * c1) * -slope;
    }
    if (ok) return alpha;
    alpha *= backtrack;
  }
  return 0;
}

/** One L-BFGS iteration from θ with gradient g (see the file header for every rule). */
export function optimizerLbfgsStep(
  state: LbfgsState,
  theta: Float64Array,
  g: ArrayLike<number>,
  objective: Objective,
): void {
  state.t++;
  optimizerLbfgsAbsorb(state, theta, g);
  const n = state.dimension;
  const { lr, lineSearch } = state.params;
  const p = optimizerLbfgsDirection(state, g, state.direction);
  let slope = vecDot(g, p);
  if (!(slope < 0)) {
    state.count = 0;
    for (let i = 0; i < n; i++) p[i] = -g[i];
    slope = vecDot(g, p);
  }
  state.lastStepLength = 0;
  // Zero gradient: a stationary point, nothing to do.
  if (!(slope < 0)) return;
  const alpha0 = state.count === 0 ? lr * Math.min(1, 1 / Math.sqrt(-slope)) : lr;
  const alpha = lineSearch >= 1 ? lbfgsLineSearch(state, theta, objective, alpha0, slope) : alpha0;
  if (alpha === 0) {
    state.count = 0;
    return;
  }
  state.prevTheta.set(theta);
  for (let i = 0; i < n; i++) state.prevGrad[i] = g[i];
  for (let i = 0; i < n; i++) theta[i] += alpha * p[i];
  state.pending = true;
  state.lastStepLength = alpha;
}

/** L-BFGS with an Armijo backtracking line search (exposes its approximate Hessian B). */
export const optimizerLbfgs: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'lbfgs',
    title: 'L-BFGS',
    tex: '\\theta \\leftarrow \\theta - \\alpha\\, H_k \\nabla f(\\theta),\\quad H_k \\approx \\big(\\nabla^2 f\\big)^{-1}\\ \\text{from the last } m \\text{ steps}',
    params: LBFGS_PARAMS,
    hasVelocity: false,
    needsHessian: false,
    hasModel: true,
    stochastic: false,
  },
  create: optimizerLbfgsCreate,
  step: optimizerLbfgsStep,
  modelHessian: (state, theta, g, _objective, out) => {
    optimizerLbfgsAbsorb(state, theta, g);
    optimizerLbfgsModel(state, out);
  },
});
