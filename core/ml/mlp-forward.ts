/**
 * Forward pass of an Mlp (see mlp.ts for the layer equations) over a minibatch X ∈ ℝ^{B×n_in}.
 * Every intermediate (z, u, a, h_{l+1}) stays in the layer's scratch for backward and for the
 * activation histograms. The products and activations are the fast path's loops
 * (mlp-kernel-loops.ts), run a few rows at a time; batch norm and the pauses are added here.
 */
import {
  batchNormForwardInference,
  batchNormForwardTrain,
  batchNormRunningUpdate,
} from './batch-norm';
import { dropoutApply, dropoutMaskDraw } from './dropout';
import { mlpEnsureCapacity, mlpEnsureCapacitySlices, type Mlp } from './mlp';
import { kernelActivate, mlpKernelForward, mlpKernelSupports } from './mlp-kernel';
import { kernelDenseForward, kernelHasZero } from './mlp-kernel-loops';
import {
  MLP_ELEMENT_WORK,
  mlpDrain,
  mlpRowsPerPiece,
  mlpWorkAdd,
  mlpWorkWhole,
  type MlpWorkMeter,
} from './mlp-work';

/**
 * Whether batch norm uses batch statistics (and updates running ones) or the running ones, and
 * whether dropout drops ('train') or passes everything ('eval').
 */
export type MlpMode = 'train' | 'eval';

/**
 * Runs the network on x (B×n_in, row-major) and returns a view of the output (B×n_out, logits or
 * predictions, linear). In 'train' mode batch norm normalizes with batch statistics and moves its
 * running statistics, and dropout draws new masks; in 'eval' mode batch norm uses the running
 * statistics, dropout is off, and nothing changes. A net without batch norm or dropout takes the
 * fast path (mlp-kernel.ts), with the same numbers; so does an evaluation of a net whose only
 * extra is dropout (dropout is the identity there).
 */
export function mlpForward(net: Mlp, x: ArrayLike<number>, batch: number, mode: MlpMode = 'train') {
  if (mlpKernelSupports(net) || (mode === 'eval' && !net.anyBatchNorm)) {
    mlpEnsureCapacity(net, batch);
    net.dropped = false;
    net.evalPass = mode === 'eval';
    return mlpKernelForward(net, x, batch);
  }
  return mlpDrain(mlpForwardSlices(net, x, batch, mode, mlpWorkWhole()));
}

/** `mlpForward`, pausing as `meter` says (see MlpWorkMeter). */
export function* mlpForwardSlices(
  net: Mlp,
  x: ArrayLike<number>,
  batch: number,
  mode: MlpMode,
  meter: MlpWorkMeter,
): Generator<void, Float64Array, void> {
  yield* mlpEnsureCapacitySlices(net, batch, meter);
  net.batch = batch;
  net.dropped = mode === 'train' && net.anyDropout;
  net.evalPass = mode === 'eval';
  const nIn = net.config.sizes[0];
  const input = net.input;
  for (let k = 0; k < batch * nIn; k++) input[k] = x[k];
  let h = input;
  for (const layer of net.layers) {
    const perRow = layer.fanIn * layer.fanOut;
    const rows = mlpRowsPerPiece(meter, batch, perRow);
    for (let from = 0; from < batch; from += rows) {
      const to = Math.min(batch, from + rows);
      const { fanIn, fanOut } = layer;
      const skip = kernelHasZero(h, from * fanIn, to * fanIn);
      kernelDenseForward(h, layer.w, layer.b, layer.z, fanIn, fanOut, from, to, skip);
      if (mlpWorkAdd(meter, (to - from) * perRow)) yield;
    }
    const n = batch * layer.fanOut;
    if (layer.bn) {
      if (mode === 'train') {
        batchNormForwardTrain(
          layer.z,
          batch,
          layer.fanOut,
          layer.gamma,
          layer.beta,
          net.bnEps,
          layer.bn,
          layer.u,
        );
        batchNormRunningUpdate(
          layer.runningMean,
          layer.runningVar,
          layer.bn,
          batch,
          net.bnMomentum,
        );
      } else {
        batchNormForwardInference(
          layer.z,
          batch,
          layer.fanOut,
          layer.gamma,
          layer.beta,
          layer.runningMean,
          layer.runningVar,
          net.bnEps,
          layer.u,
        );
      }
    }
    if (layer.activation) kernelActivate(layer.activation, layer.u, layer.a, n);
    if (net.dropped && layer.dropout > 0) {
      dropoutMaskDraw(net.dropoutRng, layer.dropout, layer.mask, n);
      dropoutApply(layer.a, layer.mask, n);
    }
    if (layer.residual) {
      const { a, out } = layer;
      for (let k = 0; k < n; k++) out[k] = h[k] + a[k];
    }
    if (mlpWorkAdd(meter, n * MLP_ELEMENT_WORK)) yield;
    h = layer.out;
  }
  const last = net.layers[net.layers.length - 1];
  return last.out.subarray(0, batch * last.fanOut);
}
