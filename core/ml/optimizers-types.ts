/**
 * Shared shapes for the optimizers: an `Objective` on ℝⁿ (what is minimised), optimizer
 * descriptors for building UI controls, the uniform `OptimizerInstance` the trajectory runner
 * drives, and the stochastic-gradient sources SGD is fed with.
 */
import { rngCreate } from '../math/rng';
import { dataSurfaceIs } from './data-surfaces';
import { paramsResolve, type ParamSpec, type Surface } from './surfaces-types';

/**
 * A differentiable objective f: ℝⁿ → ℝ. Vectors are length-n arrays; the Hessian, when present,
 * is written row-major n×n (entry (i, j) at out[i·n + j]).
 */
export interface Objective {
  /** n, the number of parameters. */
  readonly dimension: number;
  value(theta: ArrayLike<number>): number;
  /** Exact ∇f(θ) into out (length n); returns out. */
  gradient(theta: ArrayLike<number>, out: Float64Array): Float64Array;
  /** Exact ∇²f(θ) into out (length n²), if available (Newton needs it). */
  hessian?(theta: ArrayLike<number>, out: Float64Array): Float64Array;
  /** Number of data points, for objectives that are averages over data. */
  readonly sampleCount?: number;
  /** Gradient of the loss averaged over the listed data points only. */
  minibatchGradient?(
    theta: ArrayLike<number>,
    indices: ArrayLike<number>,
    out: Float64Array,
  ): Float64Array;
}

/**
 * Wraps a 2D `Surface` (built-in or data-derived) as an `Objective` with n = 2, θ = (x, y); the
 * packed Hessian [fxx, fxy, fyy] is expanded to the row-major 2×2 [[fxx, fxy], [fxy, fyy]].
 */
export function objectiveFromSurface(surface: Surface): Objective {
  const packed = new Float64Array(3);
  const objective: Objective = {
    dimension: 2,
    value: (t) => surface.value(t[0], t[1]),
    gradient: (t, out) => {
      surface.gradient(t[0], t[1], out);
      return out;
    },
    hessian: (t, out) => {
      surface.hessian(t[0], t[1], packed);
      out[0] = packed[0];
      out[1] = packed[1];
      out[2] = packed[1];
      out[3] = packed[2];
      return out;
    },
  };
  if (dataSurfaceIs(surface)) {
    return {
      ...objective,
      sampleCount: surface.sampleCount,
      minibatchGradient: (t, indices, out) => {
        surface.minibatchGradient(t, indices, out);
        return out;
      },
    };
  }
  return objective;
}

/** A (possibly stochastic) gradient oracle: writes an estimate of ∇f(θ) at step k into out. */
export type GradientSource = (theta: Float64Array, step: number, out: Float64Array) => Float64Array;

/**
 * Noisy gradient ĝ = ∇f(θ) + σ·ε, ε ~ N(0, Iₙ) drawn from `rngCreate(seed)`: unbiased with
 * per-coordinate standard deviation σ (in gradient units). Same seed → same noise sequence.
 */
export function gradientNoisyCreate(
  objective: Objective,
  sigma: number,
  seed: number,
): GradientSource {
  const rng = rngCreate(seed);
  return (theta, _step, out) => {
    objective.gradient(theta, out);
    for (let i = 0; i < out.length; i++) out[i] += sigma * rng.normal();
    return out;
  };
}

/**
 * Minibatch gradient: each call averages the gradient over the next `batchSize` indices of a
 * random permutation of 0..N−1 (reshuffled with `rngCreate(seed)` whenever fewer than batchSize
 * indices remain, i.e. epochs without replacement, incomplete last batch dropped). batchSize is
 * clamped to [1, N]. Throws if the objective has no data.
 */
export function gradientMinibatchCreate(
  objective: Objective,
  batchSize: number,
  seed: number,
): GradientSource {
  const n = objective.sampleCount;
  const batchGradient = objective.minibatchGradient;
  if (!n || !batchGradient) throw new Error('minibatch gradients need a data-derived objective');
  const size = Math.max(1, Math.min(n, Math.round(batchSize)));
  const rng = rngCreate(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let cursor = n;
  return (theta, _step, out) => {
    if (cursor + size > n) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      cursor = 0;
    }
    const batch = order.subarray(cursor, cursor + size);
    cursor += size;
    return batchGradient(theta, batch, out);
  };
}

/** What a UI needs to build controls for an optimizer and to know what it can draw. */
export interface OptimizerDescriptor {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly title: string;
  /** The update rule as KaTeX. */
  readonly tex: string;
  readonly params: readonly ParamSpec[];
  /** Keeps a velocity / first-moment vector worth drawing as a glyph. */
  readonly hasVelocity: boolean;
  /** Needs the objective's exact Hessian. */
  readonly needsHessian: boolean;
  /** Exposes a local quadratic model (see `OptimizerInstance.modelHessian`). */
  readonly hasModel: boolean;
  /** Meant to be fed stochastic gradients (the trajectory runner supplies them by default). */
  readonly stochastic: boolean;
}

/** A running optimizer with its state hidden behind a uniform interface. */
export interface OptimizerInstance {
  readonly descriptor: OptimizerDescriptor;
  /** Resolved hyperparameters. */
  readonly params: Readonly<Record<string, number>>;
  /** Number of `step` calls so far. */
  steps(): number;
  /**
   * One update in place: θ ← update(θ, g). `g` is the gradient at θ the caller wants used
   * (exact or stochastic); the objective is there for optimizers that need values, the Hessian
   * or extra evaluations (Newton, L-BFGS line search).
   */
  step(theta: Float64Array, g: Float64Array, objective: Objective): void;
  /** Writes the velocity / first moment into out and returns true, or false if there is none. */
  velocity(out: Float64Array): boolean;
  /**
   * Writes the matrix B (row-major n×n) of the local quadratic model
   * m(θ + p) = f(θ) + gᵀp + ½ pᵀBp that the next step is based on; false if not a model-based
   * method. Must be called with the same θ and g the next `step` will receive.
   */
  modelHessian(
    theta: Float64Array,
    g: Float64Array,
    objective: Objective,
    out: Float64Array,
  ): boolean;
}

/** An optimizer family: descriptor plus a factory. */
export interface OptimizerSpec {
  readonly descriptor: OptimizerDescriptor;
  /** A fresh instance for n parameters; missing params take their defaults. */
  create(dimension: number, params?: Readonly<Partial<Record<string, number>>>): OptimizerInstance;
}

/**
 * Resolves an optimizer's params (defaults, clamping, integer rounding) into its typed record.
 * The keys of T must be exactly the spec ids.
 */
export function optimizerParamsResolve<T extends object>(
  specs: readonly ParamSpec[],
  values?: Readonly<Partial<T>> | Readonly<Partial<Record<string, number>>>,
): T {
  return paramsResolve(specs, values as Readonly<Partial<Record<string, number>>>) as T;
}

/** Builds an `OptimizerSpec` from a typed create/step pair (and optional velocity/model hooks). */
export function optimizerSpecDefine<S extends { t: number; params: object }>(def: {
  descriptor: OptimizerDescriptor;
  create(dimension: number, params?: Readonly<Partial<Record<string, number>>>): S;
  step(state: S, theta: Float64Array, g: Float64Array, objective: Objective): void;
  velocity?(state: S, out: Float64Array): void;
  modelHessian?(
    state: S,
    theta: Float64Array,
    g: Float64Array,
    objective: Objective,
    out: Float64Array,
  ): void;
}): OptimizerSpec {
  return {
    descriptor: def.descriptor,
    create(dimension, params) {
      const state = def.create(dimension, params);
      return {
        descriptor: def.descriptor,
        params: state.params as Record<string, number>,
        steps: () => state.t,
        step: (theta, g, objective) => def.step(state, theta, g, objective),
        velocity: (out) => {
          if (!def.velocity) return false;
          def.velocity(state, out);
          return true;
        },
        modelHessian: (theta, g, objective, out) => {
          if (!def.modelHessian) return false;
          def.modelHessian(state, theta, g, objective, out);
          return true;
        },
      };
    },
  };
}
