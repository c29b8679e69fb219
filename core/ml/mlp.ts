/**
 * A fully connected network on flat Float64Arrays: one `params` buffer and one `grads` buffer of
 * the same length, each layer owning a contiguous slice (views below share that memory).
 *
 * Layer l maps h_l ∈ ℝ^{B×n_l} to h_{l+1} ∈ ℝ^{B×n_{l+1}} (row-major, sample-major):
 *   z = h_l W_l + b_l                       W_l ∈ ℝ^{n_l×n_{l+1}} stored row-major (W[i·n_{l+1}+j])
 *   u = BN(z) (optional per hidden layer; then b_l is omitted, β plays its role) or u = z
 *   a = act(u) ⊙ m                          hidden layers; the last layer is linear: h_L = z
 *   h_{l+1} = h_l + a if residual (hidden layer l ≥ 1 with n_l = n_{l+1}), else a.
 * m is inverted dropout (optional per hidden layer, rate p): in training each entry is 0 with
 * probability p and 1/(1 − p) otherwise, drawn afresh every forward pass; in evaluation m = 1.
 * Slice order per layer: W, then b (no batch norm) or γ, β (batch norm). Batch norm's running
 * statistics (not learned) sit in `running`: per batch-norm layer μ̄ then σ̄², fanOut each.
 * Forward/backward live in mlp-forward.ts / mlp-backward.ts, training in mlp-train.ts.
 */
import { ACTIVATIONS, type Activation, type ActivationId } from './activations';
import { batchNormCacheCreate, type BatchNormCache } from './batch-norm';
import { initFill, type InitId } from './init';
import { rngCreate, type Rng } from '../math/rng';
import {
  MLP_ALLOC_WORK,
  MLP_INIT_WORK,
  mlpDrain,
  mlpWorkAdd,
  mlpWorkWhole,
  type MlpWorkMeter,
} from './mlp-work';

/** Loss on the network output: mean squared error or binary cross-entropy on logits. */
export type MlpLossId = 'mse' | 'bce-logits';

/** An activation given by id (registry defaults) or as an object (e.g. activationElu(0.5)). */
export type ActivationSpec = ActivationId | Activation;

/** Network description. */
export interface MlpConfig {
  /** Layer widths [n_in, n_1, …, n_out], length ≥ 2. */
  readonly sizes: readonly number[];
  /** Activation of every hidden layer, or one per hidden layer (length sizes.length − 2). */
  readonly activation: ActivationSpec | readonly ActivationSpec[];
  readonly loss: MlpLossId;
  /**
   * Batch normalization between the linear map and the activation: of every hidden layer (true)
   * or per hidden layer (length sizes.length − 2).
   */
  readonly batchNorm?: boolean | readonly boolean[];
  /**
   * Inverted-dropout rate p ∈ [0, 1) on the output of every hidden layer, or one per hidden layer
   * (default 0: none). Only training-mode forward passes drop.
   */
  readonly dropout?: number | readonly number[];
  /** Seed of the dropout masks (default: the weight seed + 1). */
  readonly dropoutSeed?: number;
  /** Skip connections h_{l+1} = h_l + act(…) where a hidden layer keeps its width. */
  readonly residual?: boolean;
  /** Weight initializer for every layer (default 'xavier-uniform'); biases start at 0, γ=1, β=0. */
  readonly init?: InitId;
  /** Seed of the weight initialization (default 1). */
  readonly seed?: number;
  /** Running-statistics momentum of batch norm (default 0.1). */
  readonly bnMomentum?: number;
  /** ε added to the batch variance (default 1e-5). */
  readonly bnEps?: number;
}

/** One dense layer: shapes, offsets into the flat buffers, views, and forward/backward scratch. */
export interface MlpLayer {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Hidden-layer activation; null for the linear output layer. */
  readonly activation: Activation | null;
  readonly batchNorm: boolean;
  /** Dropout rate p of this layer's output (0: none; always 0 on the output layer). */
  readonly dropout: number;
  readonly residual: boolean;
  /** Offset of W in params/grads; b or γ, β follow. */
  readonly offset: number;
  /** Number of parameters in this layer's slice. */
  readonly count: number;
  readonly w: Float64Array;
  /** Bias (length fanOut), empty when batch norm is on. */
  readonly b: Float64Array;
  /** Batch-norm scale γ and shift β (length fanOut), empty without batch norm. */
  readonly gamma: Float64Array;
  readonly beta: Float64Array;
  readonly gw: Float64Array;
  readonly gb: Float64Array;
  readonly gGamma: Float64Array;
  readonly gBeta: Float64Array;
  /** Running batch-norm statistics (not learned), empty without batch norm. */
  readonly runningMean: Float64Array;
  readonly runningVar: Float64Array;
  /** Scratch for B ≤ capacity samples: z (linear output), u (pre-activation), a, out = h_{l+1}. */
  z: Float64Array;
  u: Float64Array;
  a: Float64Array;
  out: Float64Array;
  bn: BatchNormCache | null;
  /** The last training pass's dropout mask (0 or 1/(1 − p)), B×fanOut; empty without dropout. */
  mask: Float64Array;
}

/** A network with its flat buffers and scratch space. */
export interface Mlp {
  readonly config: MlpConfig;
  readonly layers: MlpLayer[];
  /** All learnable parameters, length paramCount. */
  readonly params: Float64Array;
  /** ∂L/∂params from the last backward pass, same layout as params. */
  readonly grads: Float64Array;
  /** Momentum buffer of SGD, same layout as params. */
  readonly velocity: Float64Array;
  readonly paramCount: number;
  /** Batch norm's running statistics, per batch-norm layer μ̄ then σ̄² (views in the layers). */
  readonly running: Float64Array;
  /** Whether some layer has batch norm, and some layer dropout (rate > 0). */
  readonly anyBatchNorm: boolean;
  readonly anyDropout: boolean;
  dropoutRng: Rng;
  /** Whether the last forward pass applied dropout masks (a training pass of a net with dropout). */
  dropped: boolean;
  /** Whether the last forward pass was an evaluation (batch norm used the running statistics). */
  evalPass: boolean;
  /** ‖∂L/∂W_l‖_F per layer (weights only, before clipping), written by every mlpTrainStep. */
  readonly gradNorms: Float64Array;
  readonly bnMomentum: number;
  readonly bnEps: number;
  /** Samples the scratch buffers can hold; grows on demand. */
  capacity: number;
  /** Batch size of the last forward pass. */
  batch: number;
  /** Copy of the last input (capacity × n_in). */
  input: Float64Array;
  /** Backward scratch (capacity × max width): ping-pong ∂L/∂h and ∂L/∂z. */
  gradA: Float64Array;
  gradB: Float64Array;
  gradZ: Float64Array;
}

function activationResolve(spec: ActivationSpec): Activation {
  return typeof spec === 'string' ? ACTIVATIONS[spec] : spec;
}

/** A per-hidden-layer setting given once for all layers or as a list of the right length. */
function perHidden<T>(v: T | readonly T[], hidden: number, name: string): readonly T[] {
  const list = Array.isArray(v) ? (v as readonly T[]) : new Array<T>(hidden).fill(v as T);
  if (list.length !== hidden)
    throw new RangeError(`mlpCreate: ${hidden} hidden layers but ${list.length} ${name} values`);
  return list;
}

/**
 * Builds and initializes a network (seeded); scratch is sized for `capacity` samples (default 64).
 */
export function mlpCreate(config: MlpConfig, capacity = 64): Mlp {
  return mlpDrain(mlpCreateSlices(config, capacity, mlpWorkWhole()));
}

/**
 * `mlpCreate`, pausing as `meter` says (see mlp-work.ts): a 50 × 128 net on a batch of 256 draws
 * 820,000 weights and allocates 60 MB of scratch.
 */
export function* mlpCreateSlices(
  config: MlpConfig,
  capacity: number,
  meter: MlpWorkMeter,
): Generator<void, Mlp, void> {
  const sizes = config.sizes;
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new RangeError(
      `mlpCreate: sizes must be ≥ 2 positive integers, got [${sizes.join(',')}]`,
    );
  }
  const hidden = sizes.length - 2;
  const specs = Array.isArray(config.activation)
    ? (config.activation as readonly ActivationSpec[])
    : new Array<ActivationSpec>(hidden).fill(config.activation as ActivationSpec);
  if (specs.length !== hidden) {
    throw new RangeError(`mlpCreate: ${hidden} hidden layers but ${specs.length} activations`);
  }
  const bnFlags = perHidden(config.batchNorm ?? false, hidden, 'batchNorm');
  const rates = perHidden(config.dropout ?? 0, hidden, 'dropout');
  if (rates.some((r) => !(r >= 0 && r < 1))) {
    throw new RangeError(`mlpCreate: dropout rates must be in [0, 1), got [${rates.join(',')}]`);
  }
  let total = 0;
  let bnTotal = 0;
  const plan = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const isHidden = l < hidden;
    const bn = isHidden && bnFlags[l];
    const count = sizes[l] * sizes[l + 1] + (bn ? 2 : 1) * sizes[l + 1];
    plan.push({ offset: total, count, bn, bnOffset: bnTotal, isHidden });
    total += count;
    if (bn) bnTotal += 2 * sizes[l + 1];
  }
  const params = new Float64Array(total);
  const grads = new Float64Array(total);
  const running = new Float64Array(bnTotal);
  const rng = rngCreate(config.seed ?? 1);
  const empty = new Float64Array(0);
  const layers: MlpLayer[] = [];
  for (let l = 0; l < plan.length; l++) {
    const p = plan[l];
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const nw = fanIn * fanOut;
    const o = p.offset;
    const view = (buf: Float64Array, from: number, len: number): Float64Array =>
      buf.subarray(from, from + len);
    const w = view(params, o, nw);
    initFill(w, config.init ?? 'xavier-uniform', fanIn, fanOut, rng);
    const gamma = p.bn ? view(params, o + nw, fanOut).fill(1) : empty;
    const runningVar = p.bn ? view(running, p.bnOffset + fanOut, fanOut).fill(1) : empty;
    layers.push({
      fanIn,
      fanOut,
      activation: p.isHidden ? activationResolve(specs[l]) : null,
      batchNorm: p.bn,
      dropout: p.isHidden ? rates[l] : 0,
      residual: config.residual === true && p.isHidden && l >= 1 && fanIn === fanOut,
      offset: o,
      count: p.count,
      w,
      b: p.bn ? empty : view(params, o + nw, fanOut),
      gamma,
      beta: p.bn ? view(params, o + nw + fanOut, fanOut) : empty,
      gw: view(grads, o, nw),
      gb: p.bn ? empty : view(grads, o + nw, fanOut),
      gGamma: p.bn ? view(grads, o + nw, fanOut) : empty,
      gBeta: p.bn ? view(grads, o + nw + fanOut, fanOut) : empty,
      runningMean: p.bn ? view(running, p.bnOffset, fanOut) : empty,
      runningVar,
      z: empty,
      u: empty,
      a: empty,
      out: empty,
      bn: null,
      mask: empty,
    });
    if (mlpWorkAdd(meter, nw * MLP_INIT_WORK)) yield;
  }
  const net: Mlp = {
    config,
    layers,
    params,
    grads,
    velocity: new Float64Array(total),
    paramCount: total,
    running,
    anyBatchNorm: layers.some((l) => l.batchNorm),
    anyDropout: layers.some((l) => l.dropout > 0),
    dropoutRng: rngCreate(config.dropoutSeed ?? (config.seed ?? 1) + 1),
    dropped: false,
    evalPass: false,
    gradNorms: new Float64Array(layers.length),
    bnMomentum: config.bnMomentum ?? 0.1,
    bnEps: config.bnEps ?? 1e-5,
    capacity: 0,
    batch: 0,
    input: empty,
    gradA: empty,
    gradB: empty,
    gradZ: empty,
  };
  yield* mlpEnsureCapacitySlices(net, capacity, meter);
  return net;
}

/** Grows the scratch buffers so a batch of `batch` samples fits (no-op when it already does). */
export function mlpEnsureCapacity(net: Mlp, batch: number): void {
  if (batch <= net.capacity) return; // no generator on the hot path
  mlpDrain(mlpEnsureCapacitySlices(net, batch, mlpWorkWhole()));
}

/** `mlpEnsureCapacity`, pausing as `meter` says. */
export function* mlpEnsureCapacitySlices(
  net: Mlp,
  batch: number,
  meter: MlpWorkMeter,
): Generator<void, void, void> {
  if (batch <= net.capacity) return;
  const cap = Math.max(batch, 2 * net.capacity);
  const widest = Math.max(...net.config.sizes);
  net.input = new Float64Array(cap * net.config.sizes[0]);
  for (const layer of net.layers) {
    const n = cap * layer.fanOut;
    layer.z = new Float64Array(n);
    layer.u = layer.batchNorm ? new Float64Array(n) : layer.z;
    layer.a = layer.activation ? new Float64Array(n) : layer.z;
    layer.out = layer.residual ? new Float64Array(n) : layer.a;
    layer.bn = layer.batchNorm ? batchNormCacheCreate(cap, layer.fanOut) : null;
    layer.mask = layer.dropout > 0 ? new Float64Array(n) : layer.mask;
    if (mlpWorkAdd(meter, 5 * n * MLP_ALLOC_WORK)) yield;
  }
  net.gradA = new Float64Array(cap * widest);
  net.gradB = new Float64Array(cap * widest);
  net.gradZ = new Float64Array(cap * widest);
  net.capacity = cap;
}
