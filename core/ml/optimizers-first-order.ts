/**
 * First-order optimizers without per-coordinate scaling: gradient descent, SGD, heavy-ball
 * momentum and Nesterov momentum, following PyTorch's `torch.optim.SGD` update rules (dampening 0,
 * no weight decay). θ is updated in place; g is the gradient at θ supplied by the caller.
 *
 * Learning-rate defaults are chosen for the 2D teaching surfaces, not copied from PyTorch.
 */
import {
  optimizerParamsResolve,
  optimizerSpecDefine,
  type OptimizerSpec,
} from './optimizers-types';
import { paramSpec } from './surfaces-types';

const lrSpec = (def: number) =>
  paramSpec('lr', 'Learning rate', '\\eta', 1e-5, 10, def, { logScale: true });
const momentumSpec = paramSpec('momentum', 'Momentum', '\\mu', 0, 0.999, 0.9);

/** Gradient-descent hyperparameters: learning rate η (θ units per gradient unit). */
export type GdParams = { lr: number };

/** State of plain gradient descent (only the step counter). */
export interface GdState {
  readonly params: GdParams;
  t: number;
}

const GD_PARAMS = [lrSpec(0.01)];

/** Creates gradient-descent state; missing params take defaults (η = 0.01). */
export function optimizerGdCreate(_dimension: number, params?: Partial<GdParams>): GdState {
  return { params: optimizerParamsResolve<GdParams>(GD_PARAMS, params), t: 0 };
}

/** Gradient descent: θ ← θ − η g (n-vector θ, g). Also the SGD step: only g differs. */
export function optimizerGdStep(state: GdState, theta: Float64Array, g: ArrayLike<number>): void {
  state.t++;
  const { lr } = state.params;
  for (let i = 0; i < theta.length; i++) theta[i] -= lr * g[i];
}

/** Full-batch gradient descent. */
export const optimizerGd: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'gd',
    title: 'Gradient descent',
    tex: '\\theta \\leftarrow \\theta - \\eta\\,\\nabla f(\\theta)',
    params: GD_PARAMS,
    hasVelocity: false,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerGdCreate,
  step: optimizerGdStep,
});

const SGD_PARAMS = [
  lrSpec(0.01),
  paramSpec('noise', 'Gradient noise', '\\sigma', 0, 10, 1),
  paramSpec('batchSize', 'Batch size', 'B', 1, 512, 8, { integer: true }),
];

/**
 * Stochastic gradient descent: the same update θ ← θ − η ĝ as GD, with ĝ an unbiased gradient
 * estimate. The trajectory runner supplies ĝ: a minibatch of `batchSize` points on data-derived
 * objectives, otherwise ∇f + σ·N(0, I) with σ = `noise` (see optimizers-types.ts).
 */
export const optimizerSgd: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'sgd',
    title: 'Stochastic gradient descent',
    tex: '\\theta \\leftarrow \\theta - \\eta\\,\\hat g,\\quad \\mathbb E[\\hat g]=\\nabla f(\\theta)',
    params: SGD_PARAMS,
    hasVelocity: false,
    needsHessian: false,
    hasModel: false,
    stochastic: true,
  },
  create: (_n, params) => ({
    params: optimizerParamsResolve<GdParams & { noise: number; batchSize: number }>(
      SGD_PARAMS,
      params,
    ),
    t: 0,
  }),
  step: optimizerGdStep,
});

/** Momentum hyperparameters: learning rate η and momentum coefficient μ ∈ [0, 1). */
export type MomentumParams = { lr: number; momentum: number };

/** Momentum state: the velocity buffer v (length n, gradient units), zero before step 1. */
export interface MomentumState {
  readonly params: MomentumParams;
  t: number;
  readonly velocity: Float64Array;
}

const MOMENTUM_PARAMS = [lrSpec(0.01), momentumSpec];

/** Creates momentum (or Nesterov) state with v = 0; defaults η = 0.01, μ = 0.9. */
export function optimizerMomentumCreate(
  dimension: number,
  params?: Partial<MomentumParams>,
): MomentumState {
  return {
    params: optimizerParamsResolve<MomentumParams>(MOMENTUM_PARAMS, params),
    t: 0,
    velocity: new Float64Array(dimension),
  };
}

/**
 * Heavy-ball momentum in PyTorch's convention: v ← μv + g, θ ← θ − ηv. (PyTorch sets v₁ = g on
 * the first step, which is the same thing since v starts at 0.) The velocity is in gradient
 * units; the actual displacement is −ηv.
 */
export function optimizerMomentumStep(
  state: MomentumState,
  theta: Float64Array,
  g: ArrayLike<number>,
): void {
  state.t++;
  const { lr, momentum } = state.params;
  const v = state.velocity;
  for (let i = 0; i < theta.length; i++) {
    v[i] = momentum * v[i] + g[i];
    theta[i] -= lr * v[i];
  }
}

/**
 * Nesterov momentum in PyTorch's convention: v ← μv + g, g′ = g + μv (with the new v),
 * θ ← θ − ηg′. This is the "look-ahead" gradient expressed at the current iterate.
 */
export function optimizerNesterovStep(
  state: MomentumState,
  theta: Float64Array,
  g: ArrayLike<number>,
): void {
  state.t++;
  const { lr, momentum } = state.params;
  const v = state.velocity;
  for (let i = 0; i < theta.length; i++) {
    v[i] = momentum * v[i] + g[i];
    theta[i] -= lr * (g[i] + momentum * v[i]);
  }
}

const copyVelocity = (state: MomentumState, out: Float64Array) => out.set(state.velocity);

/** Heavy-ball (Polyak) momentum. */
export const optimizerMomentum: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'momentum',
    title: 'Momentum',
    tex: 'v \\leftarrow \\mu v + \\nabla f(\\theta),\\quad \\theta \\leftarrow \\theta - \\eta\\,v',
    params: MOMENTUM_PARAMS,
    hasVelocity: true,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerMomentumCreate,
  step: optimizerMomentumStep,
  velocity: copyVelocity,
});

/** Nesterov accelerated gradient (PyTorch form). */
export const optimizerNesterov: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'nesterov',
    title: 'Nesterov momentum',
    tex: 'v \\leftarrow \\mu v + g,\\quad \\theta \\leftarrow \\theta - \\eta\\,(g + \\mu v)',
    params: MOMENTUM_PARAMS,
    hasVelocity: true,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerMomentumCreate,
  step: optimizerNesterovStep,
  velocity: copyVelocity,
});
