/**
 * Runs an optimizer on an objective (or a 2D surface) and records the whole trajectory into flat
 * Float64Arrays for drawing, with divergence detection. Also evaluates the local quadratic model
 * that Newton and L-BFGS expose.
 */
import {
  gradientMinibatchCreate,
  gradientNoisyCreate,
  objectiveFromSurface,
  type GradientSource,
  type Objective,
  type OptimizerSpec,
} from './optimizers-types';
import type { Surface } from './surfaces-types';

/** |θᵢ| beyond this counts as divergence (the iterate has left any sensible view). */
export const TRAJECTORY_DIVERGENCE_BOX = 1e6;

/** Optional knobs of `trajectoryRun`. */
export interface TrajectoryOptions {
  /** Seed for the default stochastic gradient of stochastic optimizers (default 1). */
  seed?: number;
  /** Gradient fed to the optimizer instead of the exact one (any optimizer). */
  gradientSource?: GradientSource;
  /** Divergence box half-width (default `TRAJECTORY_DIVERGENCE_BOX`). */
  box?: number;
  /** Stop early once ‖∇f(θ)‖∞ ≤ this (default 0: run all steps unless at an exact stationary point). */
  gradientTolerance?: number;
}

/**
 * A recorded run. Index k = 0 is the start, k = 1… the iterates after each step; only valid
 * iterates are stored, so every array holds exactly `count` entries (× n or × n² per entry).
 */
export interface Trajectory {
  /** n. */
  readonly dimension: number;
  /** Stored iterates including the start (steps taken successfully = count − 1). */
  readonly count: number;
  /** θₖ, count × n (entry k at [k·n, (k+1)·n)). */
  readonly positions: Float64Array;
  /** f(θₖ), count. */
  readonly losses: Float64Array;
  /** Exact ∇f(θₖ), count × n. */
  readonly gradients: Float64Array;
  /** Gradient the optimizer was fed at θₖ (stochastic runs only, else null), count × n. */
  readonly stepGradients: Float64Array | null;
  /** Velocity / first moment after the step that produced θₖ (0 at k = 0), count × n, or null. */
  readonly velocities: Float64Array | null;
  /** Quadratic-model matrix B at θₖ (row-major n × n per entry), count × n², or null. */
  readonly modelHessians: Float64Array | null;
  /** True when a step produced NaN/±Inf or left the box; that iterate is not stored. */
  readonly diverged: boolean;
  /** 1-based index of the step that diverged (its iterate would have been index k), or null. */
  readonly divergedAtStep: number | null;
  /** True when the run stopped because ‖∇f‖∞ ≤ gradientTolerance. */
  readonly converged: boolean;
}

/** Every entry finite and |vᵢ| ≤ box. */
function isValid(v: ArrayLike<number>, box: number): boolean {
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]) || !(Math.abs(v[i]) <= box)) return false;
  }
  return true;
}

function infNorm(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/**
 * A trajectory recorded piece by piece: `advance(k)` takes up to k more steps, so a caller can
 * spread a long run over several time slices. However it is split, the recorded numbers are the
 * ones `trajectoryRun` gives: the same steps run in the same order on the same state.
 */
export interface TrajectoryRecorder {
  /** Steps taken so far (the start point is recorded by `trajectoryStart`). */
  readonly stepsTaken: number;
  /** True once every step ran, the run diverged or it converged. */
  readonly finished: boolean;
  /** Takes up to `maxSteps` more steps (≥ 0); returns `finished`. */
  advance(maxSteps: number): boolean;
  /** The trajectory recorded so far (call once `finished`; earlier gives the part so far). */
  result(): Trajectory;
}

/**
 * Runs `maxSteps` steps (integer ≥ 0) of `optimizer` from `start` (length n) and records them.
 *
 * Per step k: the optimizer receives θₖ and the gradient gₖ (exact, or from `gradientSource`,
 * or — for stochastic optimizers — a default source: minibatches of `batchSize` on data-derived
 * objectives, otherwise ∇f + N(0, noise²I), seeded by `options.seed`). The new iterate counts as
 * diverged — and the run stops with `divergedAtStep = k + 1` — when any coordinate or f or ∇f is
 * NaN/±Inf, or |θᵢ| > box. Stored values therefore never contain garbage. A 10,000-step run on a
 * 2D surface takes a few milliseconds; on a long custom expression it can take seconds, so
 * simulations use `trajectoryStart` and advance it a slice at a time.
 */
export function trajectoryRun(
  target: Objective | Surface,
  optimizer: OptimizerSpec,
  params: Readonly<Partial<Record<string, number>>> | undefined,
  start: ArrayLike<number>,
  maxSteps: number,
  options: TrajectoryOptions = {},
): Trajectory {
  const recorder = trajectoryStart(target, optimizer, params, start, maxSteps, options);
  recorder.advance(Infinity);
  return recorder.result();
}

/** Sets up the run `trajectoryRun` describes and records its start point; see TrajectoryRecorder. */
export function trajectoryStart(
  target: Objective | Surface,
  optimizer: OptimizerSpec,
  params: Readonly<Partial<Record<string, number>>> | undefined,
  start: ArrayLike<number>,
  maxSteps: number,
  options: TrajectoryOptions = {},
): TrajectoryRecorder {
  const objective = 'dimension' in target ? target : objectiveFromSurface(target);
  const n = objective.dimension;
  if (start.length !== n) throw new Error(`start has ${start.length} entries, expected ${n}`);
  const steps = Math.max(0, Math.floor(maxSteps));
  const box = options.box ?? TRAJECTORY_DIVERGENCE_BOX;
  const tol = options.gradientTolerance ?? 0;
  const instance = optimizer.create(n, params);
  const { descriptor } = instance;
  let source = options.gradientSource ?? null;
  if (!source && descriptor.stochastic) {
    const seed = options.seed ?? 1;
    source =
      objective.minibatchGradient && objective.sampleCount
        ? gradientMinibatchCreate(objective, instance.params.batchSize ?? 1, seed)
        : gradientNoisyCreate(objective, instance.params.noise ?? 0, seed);
  }

  const cap = steps + 1;
  const positions = new Float64Array(cap * n);
  const losses = new Float64Array(cap);
  const gradients = new Float64Array(cap * n);
  const stepGradients = source ? new Float64Array(cap * n) : null;
  const velocities = descriptor.hasVelocity ? new Float64Array(cap * n) : null;
  const modelHessians = descriptor.hasModel ? new Float64Array(cap * n * n) : null;

  const theta = Float64Array.from(start);
  const grad = new Float64Array(n);
  const used = new Float64Array(n);
  const scratch = new Float64Array(n * n);
  let count = 0;
  let divergedAtStep: number | null = null;
  let converged = false;
  let finished = false;
  /** The next step to take (1-based). */
  let k = 1;

  // Evaluates f, ∇f at θ and stores entry `count` if everything is finite and inside the box.
  const record = (): boolean => {
    if (!isValid(theta, box)) return false;
    const loss = objective.value(theta);
    objective.gradient(theta, grad);
    if (!Number.isFinite(loss) || !isValid(grad, Infinity)) return false;
    const at = count;
    positions.set(theta, at * n);
    losses[at] = loss;
    gradients.set(grad, at * n);
    if (source && stepGradients) {
      source(theta, at, used);
      stepGradients.set(used, at * n);
    } else {
      used.set(grad);
    }
    if (velocities && at > 0 && instance.velocity(scratch.subarray(0, n))) {
      velocities.set(scratch.subarray(0, n), at * n);
    }
    if (modelHessians && instance.modelHessian(theta, used, objective, scratch)) {
      modelHessians.set(scratch, at * n * n);
    }
    count++;
    return true;
  };

  if (!record()) {
    divergedAtStep = 0;
    finished = true;
  }

  const advance = (maxSteps: number): boolean => {
    let left = maxSteps;
    while (!finished && left > 0) {
      if (k > steps) {
        if (tol > 0 && infNorm(grad) <= tol) converged = true;
        finished = true;
        break;
      }
      if (tol > 0 && infNorm(grad) <= tol) {
        converged = true;
        finished = true;
        break;
      }
      instance.step(theta, used, objective);
      if (!record()) {
        divergedAtStep = k;
        finished = true;
        break;
      }
      k++;
      left--;
    }
    // The last step taken: the run is over without another call.
    if (!finished && k > steps) {
      if (tol > 0 && infNorm(grad) <= tol) converged = true;
      finished = true;
    }
    return finished;
  };

  return {
    get stepsTaken() {
      return k - 1;
    },
    get finished() {
      return finished;
    },
    advance,
    result: () => ({
      dimension: n,
      count,
      positions: positions.slice(0, count * n),
      losses: losses.slice(0, count),
      gradients: gradients.slice(0, count * n),
      stepGradients: stepGradients ? stepGradients.slice(0, count * n) : null,
      velocities: velocities ? velocities.slice(0, count * n) : null,
      modelHessians: modelHessians ? modelHessians.slice(0, count * n * n) : null,
      diverged: divergedAtStep !== null,
      divergedAtStep,
      converged,
    }),
  };
}

/** The local quadratic model m(θ + p) = f + gᵀp + ½pᵀBp around `center` (all length n / n²). */
export interface QuadraticModel {
  readonly center: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  /** Row-major n × n. */
  readonly hessian: Float64Array;
}

/** The model stored for trajectory entry k, or null if the optimizer has none. */
export function trajectoryModelAt(trajectory: Trajectory, k: number): QuadraticModel | null {
  const { modelHessians, dimension: n } = trajectory;
  if (!modelHessians || k < 0 || k >= trajectory.count) return null;
  return {
    center: trajectory.positions.slice(k * n, k * n + n),
    value: trajectory.losses[k],
    gradient: trajectory.gradients.slice(k * n, k * n + n),
    hessian: modelHessians.slice(k * n * n, (k + 1) * n * n),
  };
}

/** Evaluates m(point) = f + gᵀp + ½pᵀBp with p = point − center. */
export function quadraticModelValue(model: QuadraticModel, point: ArrayLike<number>): number {
  const n = model.center.length;
  let linear = 0;
  let quad = 0;
  for (let i = 0; i < n; i++) {
    const pi = point[i] - model.center[i];
    linear += model.gradient[i] * pi;
    for (let j = 0; j < n; j++)
      quad += pi * model.hessian[i * n + j] * (point[j] - model.center[j]);
  }
  return model.value + linear + 0.5 * quad;
}
