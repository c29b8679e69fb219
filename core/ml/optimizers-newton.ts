/**
 * Newton's method with optional damping: θ ← θ − η (H + δI)⁻¹ g, where H = ∇²f(θ) is the exact
 * Hessian (the objective must provide it), δ ≥ 0 the damping and η the step scale (1 = full
 * Newton step, which lands exactly on the minimizer of a convex quadratic).
 *
 * Safeguard (when H + δI is singular or indefinite), chosen by the `safeguard` flag:
 *  - safeguard = 1 (default): the matrix is made positive definite by adding τI — try a Cholesky
 *    factorisation of A = H + δI; if it fails, retry with τ = max(β, β − minᵢ Aᵢᵢ), then double τ
 *    until it succeeds (β = 10⁻³·max(‖A‖_F, 10⁻⁸)). The step is then always a descent
 *    direction, and Newton is no longer attracted to saddles or maxima. The shift used is kept
 *    in `state.shift`. Where H ≈ 0 (a plateau) the shifted step ≈ g/β is long: that is Newton's
 *    nature there, and the trajectory runner reports it if it leaves the divergence box.
 *  - safeguard = 0: "raw" Newton: solve (H + δI)p = g by pivoted elimination whatever the signs
 *    of the eigenvalues (so it can jump onto a saddle); only if the matrix is singular to working
 *    precision does it fall back to a gradient step p = g.
 * `state.fallback` records which case the last step used.
 */
import {
  denseCholesky,
  denseCholeskySolve,
  denseFrobenius,
  denseLuSolve,
} from '../math/linalg-dense';
import {
  optimizerParamsResolve,
  optimizerSpecDefine,
  type Objective,
  type OptimizerSpec,
} from './optimizers-types';
import { paramSpec } from './surfaces-types';

/** Newton hyperparameters: step scale η, damping δ (Hessian units), safeguard flag (0/1). */
export type NewtonParams = { lr: number; damping: number; safeguard: number };

/** How the last Newton step was formed. */
export type NewtonFallback = 'none' | 'shift' | 'gradient';

/** Newton state: scratch matrices (n×n row-major) plus what the last step did. */
export interface NewtonState {
  readonly params: NewtonParams;
  t: number;
  readonly dimension: number;
  /** The model matrix B = H + (δ + τ)I (or I for a gradient fallback) at the last evaluation. */
  readonly model: Float64Array;
  readonly lower: Float64Array;
  readonly direction: Float64Array;
  /** Extra shift τ ≥ 0 added by the safeguard at the last evaluation. */
  shift: number;
  fallback: NewtonFallback;
}

const NEWTON_PARAMS = [
  paramSpec('lr', 'Step scale', '\\eta', 0.01, 1, 1, { logScale: true }),
  paramSpec('damping', 'Damping', '\\delta', 0, 10, 0),
  paramSpec('safeguard', 'Fix indefinite Hessian', 's', 0, 1, 1, { integer: true }),
];

/** Creates Newton state; defaults η = 1, δ = 0, safeguard on. */
export function optimizerNewtonCreate(
  dimension: number,
  params?: Partial<NewtonParams>,
): NewtonState {
  const n2 = dimension * dimension;
  return {
    params: optimizerParamsResolve<NewtonParams>(NEWTON_PARAMS, params),
    t: 0,
    dimension,
    model: new Float64Array(n2),
    lower: new Float64Array(n2),
    direction: new Float64Array(dimension),
    shift: 0,
    fallback: 'none',
  };
}

/**
 * Forms the model matrix B at θ and the direction p = B⁻¹g (both stored in the state) following
 * the safeguard rules in the file header. Throws if the objective has no Hessian.
 */
export function optimizerNewtonDirection(
  state: NewtonState,
  theta: Float64Array,
  g: ArrayLike<number>,
  objective: Objective,
): Float64Array {
  if (!objective.hessian) throw new Error("Newton's method needs the objective's Hessian");
  const n = state.dimension;
  const { model, lower, direction } = state;
  objective.hessian(theta, model);
  for (let i = 0; i < n; i++) model[i * n + i] += state.params.damping;
  state.shift = 0;
  state.fallback = 'none';
  if (state.params.safeguard >= 1) {
    if (!denseCholesky(model, n, lower)) {
      const beta = 1e-3 * Math.max(denseFrobenius(model, n), 1e-8);
      let minDiag = Infinity;
      for (let i = 0; i < n; i++) minDiag = Math.min(minDiag, model[i * n + i]);
      let tau = Math.max(beta, beta - minDiag);
      let ok = false;
      // Doubling from β reaches any |λ_min| ≤ 1e300 within ~1100 tries; 1100 caps a NaN Hessian.
      for (let k = 0; k < 1100 && !ok; k++) {
        for (let i = 0; i < n; i++) model[i * n + i] += tau - state.shift;
        state.shift = tau;
        ok = denseCholesky(model, n, lower);
        if (!ok) tau *= 2;
      }
      if (!ok) return gradientFallback(state, g);
      state.fallback = 'shift';
    }
    return denseCholeskySolve(lower, n, g, direction);
  }
  if (!denseLuSolve(model, n, g, direction)) return gradientFallback(state, g);
  return direction;
}

function gradientFallback(state: NewtonState, g: ArrayLike<number>): Float64Array {
  const n = state.dimension;
  state.model.fill(0);
  for (let i = 0; i < n; i++) state.model[i * n + i] = 1;
  state.shift = 0;
  state.fallback = 'gradient';
  for (let i = 0; i < n; i++) state.direction[i] = g[i];
  return state.direction;
}

/** One Newton step θ ← θ − η p, p = B⁻¹g from `optimizerNewtonDirection`. */
export function optimizerNewtonStep(
  state: NewtonState,
  theta: Float64Array,
  g: ArrayLike<number>,
  objective: Objective,
): void {
  const p = optimizerNewtonDirection(state, theta, g, objective);
  state.t++;
  const { lr } = state.params;
  for (let i = 0; i < theta.length; i++) theta[i] -= lr * p[i];
}

/** Newton's method (exposes its quadratic model B = H + (δ + τ)I). */
export const optimizerNewton: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'newton',
    title: "Newton's method",
    tex: '\\theta \\leftarrow \\theta - \\eta\\,\\big(\\nabla^2 f(\\theta) + \\delta I\\big)^{-1} \\nabla f(\\theta)',
    params: NEWTON_PARAMS,
    hasVelocity: false,
    needsHessian: true,
    hasModel: true,
    stochastic: false,
  },
  create: optimizerNewtonCreate,
  step: optimizerNewtonStep,
  modelHessian: (state, theta, g, objective, out) => {
    optimizerNewtonDirection(state, theta, g, objective);
    out.set(state.model);
  },
});
