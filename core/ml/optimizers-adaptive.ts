/**
 * Adaptive per-coordinate optimizers following PyTorch's update rules: AdaGrad
 * (`torch.optim.Adagrad`, lr_decay 0, initial accumulator 0), RMSProp (`torch.optim.RMSprop`,
 * not centred, no momentum), Adam and AdamW (`torch.optim.Adam` / `AdamW`, amsgrad off).
 * All operations are element-wise on length-n vectors; θ is updated in place.
 *
 * Learning-rate defaults are chosen for the 2D teaching surfaces (PyTorch's 1e-3 for Adam would
 * need thousands of steps to cross a view); β, α and ε defaults are PyTorch's.
 */
import {
  optimizerParamsResolve,
  optimizerSpecDefine,
  type OptimizerSpec,
} from './optimizers-types';
import { paramSpec } from './surfaces-types';

const lrSpec = (def: number) =>
  paramSpec('lr', 'Learning rate', '\\eta', 1e-5, 10, def, { logScale: true });
const epsSpec = (def: number) =>
  paramSpec('eps', 'Epsilon', '\\varepsilon', 1e-12, 1e-2, def, { logScale: true });

/** AdaGrad hyperparameters: η and ε (added outside the square root, gradient units). */
export type AdagradParams = { lr: number; eps: number };

/** AdaGrad state: running sum of squared gradients s (length n, squared gradient units). */
export interface AdagradState {
  readonly params: AdagradParams;
  t: number;
  readonly sumSquares: Float64Array;
}

const ADAGRAD_PARAMS = [lrSpec(0.5), epsSpec(1e-10)];

/** Creates AdaGrad state with s = 0; defaults η = 0.5, ε = 1e-10. */
export function optimizerAdagradCreate(
  dimension: number,
  params?: Partial<AdagradParams>,
): AdagradState {
  return {
    params: optimizerParamsResolve<AdagradParams>(ADAGRAD_PARAMS, params),
    t: 0,
    sumSquares: new Float64Array(dimension),
  };
}

/** AdaGrad: s ← s + g², θ ← θ − η g / (√s + ε). The first step moves each coordinate ≈ η·sign(g). */
export function optimizerAdagradStep(
  state: AdagradState,
  theta: Float64Array,
  g: ArrayLike<number>,
): void {
  state.t++;
  const { lr, eps } = state.params;
  const s = state.sumSquares;
  for (let i = 0; i < theta.length; i++) {
    s[i] += g[i] * g[i];
    theta[i] -= (lr * g[i]) / (Math.sqrt(s[i]) + eps);
  }
}

/** RMSProp hyperparameters: η, smoothing α ∈ [0, 1) and ε (outside the square root). */
export type RmspropParams = { lr: number; alpha: number; eps: number };

/** RMSProp state: exponential average of squared gradients v (length n). */
export interface RmspropState {
  readonly params: RmspropParams;
  t: number;
  readonly squareAvg: Float64Array;
}

const RMSPROP_PARAMS = [
  lrSpec(0.01),
  paramSpec('alpha', 'Smoothing', '\\alpha', 0.5, 0.9999, 0.99),
  epsSpec(1e-8),
];

/** Creates RMSProp state with v = 0; defaults η = 0.01, α = 0.99, ε = 1e-8. */
export function optimizerRmspropCreate(
  dimension: number,
  params?: Partial<RmspropParams>,
): RmspropState {
  return {
    params: optimizerParamsResolve<RmspropParams>(RMSPROP_PARAMS, params),
    t: 0,
    squareAvg: new Float64Array(dimension),
  };
}

/**
 * RMSProp: v ← αv + (1 − α)g², θ ← θ − η g / (√v + ε). No bias correction (as in PyTorch), so
 * the first step moves each coordinate ≈ η/√(1 − α)·sign(g) — 10η at α = 0.99.
 */
export function optimizerRmspropStep(
  state: RmspropState,
  theta: Float64Array,
  g: ArrayLike<number>,
): void {
  state.t++;
  const { lr, alpha, eps } = state.params;
  const v = state.squareAvg;
  for (let i = 0; i < theta.length; i++) {
    v[i] = alpha * v[i] + (1 - alpha) * g[i] * g[i];
    theta[i] -= (lr * g[i]) / (Math.sqrt(v[i]) + eps);
  }
}

/** Adam/AdamW hyperparameters; `weightDecay` λ is coupled (Adam) or decoupled (AdamW). */
export type AdamParams = {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
};

/** Adam state: first moment m and second moment v (length n), both zero before step 1. */
export interface AdamState {
  readonly params: AdamParams;
  t: number;
  /** Whether weight decay is decoupled (AdamW) rather than added to the gradient (Adam). */
  readonly decoupled: boolean;
  readonly m: Float64Array;
  readonly v: Float64Array;
}

const adamParamSpecs = (weightDecay: number) => [
  lrSpec(0.05),
  paramSpec('beta1', 'First-moment decay', '\\beta_1', 0, 0.999, 0.9),
  paramSpec('beta2', 'Second-moment decay', '\\beta_2', 0.5, 0.99999, 0.999),
  epsSpec(1e-8),
  paramSpec('weightDecay', 'Weight decay', '\\lambda', 0, 1, weightDecay),
];
const ADAM_PARAMS = adamParamSpecs(0);
const ADAMW_PARAMS = adamParamSpecs(0.01);

/** Creates Adam state (λ default 0, coupled L2). */
export function optimizerAdamCreate(dimension: number, params?: Partial<AdamParams>): AdamState {
  return {
    params: optimizerParamsResolve<AdamParams>(ADAM_PARAMS, params),
    t: 0,
    decoupled: false,
    m: new Float64Array(dimension),
    v: new Float64Array(dimension),
  };
}

/** Creates AdamW state (λ default 0.01, decoupled). */
export function optimizerAdamwCreate(dimension: number, params?: Partial<AdamParams>): AdamState {
  return {
    params: optimizerParamsResolve<AdamParams>(ADAMW_PARAMS, params),
    t: 0,
    decoupled: true,
    m: new Float64Array(dimension),
    v: new Float64Array(dimension),
  };
}

/**
 * One Adam or AdamW step at step count t (1-based, after increment):
 *   Adam:  g ← g + λθ (coupled L2);   AdamW: θ ← θ − ηλθ first (decoupled decay);
 *   m ← β₁m + (1 − β₁)g,  v ← β₂v + (1 − β₂)g²,
 *   θ ← θ − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
 * With bias correction the first step moves each coordinate by η·g/(|g| + ε) ≈ η·sign(g).
 */
export function optimizerAdamStep(
  state: AdamState,
  theta: Float64Array,
  g: ArrayLike<number>,
): void {
  state.t++;
  const { lr, beta1, beta2, eps, weightDecay } = state.params;
  const bias1 = 1 - beta1 ** state.t;
  const bias2Sqrt = Math.sqrt(1 - beta2 ** state.t);
  const { m, v } = state;
  for (let i = 0; i < theta.length; i++) {
    let gi = g[i];
    if (state.decoupled) theta[i] *= 1 - lr * weightDecay;
    else gi += weightDecay * theta[i];
    m[i] = beta1 * m[i] + (1 - beta1) * gi;
    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
    theta[i] -= ((lr / bias1) * m[i]) / (Math.sqrt(v[i]) / bias2Sqrt + eps);
  }
}

/** The bias-corrected first moment m̂ = m / (1 − β₁ᵗ) (0 before step 1): Adam's "velocity". */
export function optimizerAdamVelocity(state: AdamState, out: Float64Array): Float64Array {
  const bias1 = state.t > 0 ? 1 - state.params.beta1 ** state.t : 1;
  for (let i = 0; i < out.length; i++) out[i] = state.m[i] / bias1;
  return out;
}

/** AdaGrad. */
export const optimizerAdagrad: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'adagrad',
    title: 'AdaGrad',
    tex: 's \\leftarrow s + g^2,\\quad \\theta \\leftarrow \\theta - \\frac{\\eta\\, g}{\\sqrt{s}+\\varepsilon}',
    params: ADAGRAD_PARAMS,
    hasVelocity: false,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerAdagradCreate,
  step: optimizerAdagradStep,
});

/** RMSProp. */
export const optimizerRmsprop: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'rmsprop',
    title: 'RMSProp',
    tex: 'v \\leftarrow \\alpha v + (1-\\alpha) g^2,\\quad \\theta \\leftarrow \\theta - \\frac{\\eta\\, g}{\\sqrt{v}+\\varepsilon}',
    params: RMSPROP_PARAMS,
    hasVelocity: false,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerRmspropCreate,
  step: optimizerRmspropStep,
});

const ADAM_TEX =
  'm \\leftarrow \\beta_1 m + (1-\\beta_1) g,\\; v \\leftarrow \\beta_2 v + (1-\\beta_2) g^2,\\; \\theta \\leftarrow \\theta - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\varepsilon}';

/** Adam (velocity glyph = bias-corrected first moment m̂). */
export const optimizerAdam: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'adam',
    title: 'Adam',
    tex: ADAM_TEX,
    params: ADAM_PARAMS,
    hasVelocity: true,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerAdamCreate,
  step: optimizerAdamStep,
  velocity: optimizerAdamVelocity,
});

/** AdamW: Adam with decoupled weight decay θ ← θ − ηλθ. */
export const optimizerAdamw: OptimizerSpec = optimizerSpecDefine({
  descriptor: {
    id: 'adamw',
    title: 'AdamW',
    tex: `\\theta \\leftarrow (1-\\eta\\lambda)\\,\\theta,\\; ${ADAM_TEX}`,
    params: ADAMW_PARAMS,
    hasVelocity: true,
    needsHessian: false,
    hasModel: false,
    stochastic: false,
  },
  create: optimizerAdamwCreate,
  step: optimizerAdamStep,
  velocity: optimizerAdamVelocity,
});
