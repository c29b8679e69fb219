/**
 * Training of an Mlp: one SGD (optionally momentum) step on a minibatch with optional gradient
 * clipping, the per-layer gradient norms recorded every step, and activation histograms.
 */
import { clipGlobalNorm, normL2 } from './clip';
import { mlpLossAndGradientSlices } from './mlp-backward';
import { mlpKernelLossAndGradient, mlpKernelSupports, mlpStepWork } from './mlp-kernel';
import { mlpDrain, mlpWorkAdd, mlpWorkWhole, type MlpWorkMeter } from './mlp-work';
import type { Mlp } from './mlp';

/** Hyper-parameters of one training step. */
export interface MlpTrainOptions {
  /** Learning rate η > 0. */
  readonly lr: number;
  /** Momentum μ ∈ [0, 1) (default 0: plain SGD). */
  readonly momentum?: number;
  /** Clip the global gradient norm to this value (> 0); omit or null for no clipping. */
  readonly clipNorm?: number | null;
}

/** What one step measured. */
export interface MlpStepResult {
  /** Minibatch loss before the update. */
  readonly loss: number;
  /** ‖∂L/∂θ‖₂ over all parameters, before clipping. */
  readonly gradNorm: number;
  /** Factor the gradient was multiplied by (1 = not clipped; NaN if the norm was not finite). */
  readonly clipScale: number;
}

/**
 * Parameter update from net.grads: plain SGD θ ← θ − η g, or with momentum μ > 0 (PyTorch form)
 * v ← μ v + g, θ ← θ − η v.
 */
export function mlpSgdUpdate(net: Mlp, lr: number, momentum = 0): void {
  const { params, grads, velocity } = net;
  const n = params.length;
  if (momentum === 0) {
    for (let i = 0; i < n; i++) params[i] -= lr * grads[i];
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = momentum * velocity[i] + grads[i];
    velocity[i] = v;
    params[i] -= lr * v;
  }
}

/** Writes ‖∂L/∂W_l‖_F (Frobenius norm of each layer's weight gradient) into `out` (length L). */
export function mlpGradNormsFill(net: Mlp, out: Float64Array = net.gradNorms): Float64Array {
  const layers = net.layers;
  for (let l = 0; l < layers.length; l++) out[l] = normL2(layers[l].gw);
  return out;
}

/**
 * One training step on the minibatch x (B×n_in), y (B×n_out): forward (train mode), loss,
 * backward, per-layer gradient norms into net.gradNorms, optional clipping, SGD update. A net
 * without batch norm or dropout takes the fast path (mlp-kernel.ts), with the same numbers.
 */
export function mlpTrainStep(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
  options: MlpTrainOptions,
): MlpStepResult {
  if (!mlpKernelSupports(net)) {
    return mlpDrain(mlpTrainStepSlices(net, x, y, batch, options, mlpWorkWhole()));
  }
  const result = stepMeasure(net, mlpKernelLossAndGradient(net, x, y, batch), options);
  mlpSgdUpdate(net, options.lr, options.momentum ?? 0);
  return result;
}

/**
 * `mlpTrainStep`, pausing as `meter` says (see MlpWorkMeter in mlp-work.ts). A step the fast path
 * can take that fits in what is left of the meter's piece (so the generic passes would not pause
 * inside it) runs there whole and is counted as the same work.
 */
export function* mlpTrainStepSlices(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
  options: MlpTrainOptions,
  meter: MlpWorkMeter,
): Generator<void, MlpStepResult, void> {
  if (mlpKernelSupports(net) && batch <= net.capacity) {
    const work = mlpStepWork(net, batch);
    if (meter.done + work < meter.piece) {
      const result = stepMeasure(net, mlpKernelLossAndGradient(net, x, y, batch), options);
      mlpWorkAdd(meter, work);
      mlpSgdUpdate(net, options.lr, options.momentum ?? 0);
      return result;
    }
  }
  const loss = yield* mlpLossAndGradientSlices(net, x, y, batch, 'train', meter);
  const result = stepMeasure(net, loss, options);
  // The norms and clipping each read every gradient once.
  if (mlpWorkAdd(meter, 2 * net.paramCount)) yield;
  mlpSgdUpdate(net, options.lr, options.momentum ?? 0);
  return result;
}

/** After the gradient: per-layer norms into net.gradNorms, the global norm, optional clipping. */
function stepMeasure(net: Mlp, loss: number, options: MlpTrainOptions): MlpStepResult {
  mlpGradNormsFill(net);
  if (options.clipNorm != null) {
    const r = clipGlobalNorm(net.grads, options.clipNorm);
    return { loss, gradNorm: r.normBefore, clipScale: r.scale };
  }
  return { loss, gradNorm: normL2(net.grads), clipScale: 1 };
}

/**
 * Which per-layer values to read: 'pre' = u (input of the activation, after batch norm),
 * 'post' = act(u).
 */
export type MlpActivationKind = 'pre' | 'post';

/**
 * View of layer l's activation values from the last forward pass, B×n_{l+1} row-major (no copy;
 * overwritten by the next forward). 'post' is act(u) before any residual addition (times the
 * dropout mask after a training pass of a layer with dropout). The output layer has no
 * activation: both kinds give its linear output.
 */
export function mlpActivationValues(net: Mlp, l: number, kind: MlpActivationKind): Float64Array {
  const layer = net.layers[l];
  const src = kind === 'pre' ? layer.u : layer.a;
  return src.subarray(0, net.batch * layer.fanOut);
}

/**
 * Histogram of `values` over [lo, hi] in `bins` equal bins, written into out[offset … offset+bins).
 * Values below lo / above hi are counted in the first / last bin; NaN is skipped. Counts are
 * stored as float64 integers.
 */
export function histogramFill(
  values: ArrayLike<number>,
  lo: number,
  hi: number,
  bins: number,
  out: Float64Array,
  offset = 0,
): void {
  for (let k = 0; k < bins; k++) out[offset + k] = 0;
  const scale = hi > lo ? bins / (hi - lo) : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    let k = Math.floor((v - lo) * scale);
    if (!(k >= 0)) k = 0;
    if (k >= bins) k = bins - 1;
    out[offset + k]++;
  }
}
