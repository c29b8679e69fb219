/**
 * Forward pass of an Mlp (see mlp.ts for the layer equations) over a minibatch X ∈ ℝ^{B×n_in}.
 * Every intermediate (z, u, a, h_{l+1}) stays in the layer's scratch for backward and for the
 * activation histograms.
 */
import {
  batchNormForwardInference,
  batchNormForwardTrain,
  batchNormRunningUpdate,
} from './batch-norm';
import { mlpEnsureCapacity, mlpEnsureCapacitySlices, type Mlp, type MlpLayer } from './mlp';
import { mlpKernelForward, mlpKernelSupports } from './mlp-kernel';
import {
  MLP_ELEMENT_WORK,
  mlpDrain,
  mlpRowsPerPiece,
  mlpWorkAdd,
  mlpWorkWhole,
  type MlpWorkMeter,
} from './mlp-work';

/** Whether batch norm uses batch statistics (and updates running ones) or the running ones. */
export type MlpMode = 'train' | 'eval';

/**
 * z = h W + b for rows s ∈ [from, to): h is B×n_in, W is n_in×n_out row-major, z is B×n_out.
 * Loop order b, i, j keeps the inner loop on contiguous memory of W and z.
 */
function denseForwardRows(h: Float64Array, layer: MlpLayer, from: number, to: number): void {
  const { fanIn, fanOut, w, b, z } = layer;
  const hasBias = b.length > 0;
  for (let s = from; s < to; s++) {
    const zr = s * fanOut;
    const hr = s * fanIn;
    if (hasBias) for (let j = 0; j < fanOut; j++) z[zr + j] = b[j];
    else for (let j = 0; j < fanOut; j++) z[zr + j] = 0;
    for (let i = 0; i < fanIn; i++) {
      const hv = h[hr + i];
      if (hv === 0) continue;
      const wr = i * fanOut;
      for (let j = 0; j < fanOut; j++) z[zr + j] += hv * w[wr + j];
    }
  }
}

/**
 * Runs the network on x (B×n_in, row-major) and returns a view of the output (B×n_out, logits or
 * predictions, linear). In 'train' mode batch norm normalizes with batch statistics and moves its
 * running statistics; in 'eval' mode it uses the running statistics and changes nothing. A net
 * without batch norm takes the fast path (mlp-kernel.ts), with the same numbers.
 */
export function mlpForward(net: Mlp, x: ArrayLike<number>, batch: number, mode: MlpMode = 'train') {
  if (mlpKernelSupports(net)) {
    mlpEnsureCapacity(net, batch);
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
  const nIn = net.config.sizes[0];
  const input = net.input;
  for (let k = 0; k < batch * nIn; k++) input[k] = x[k];
  let h = input;
  for (const layer of net.layers) {
    const perRow = layer.fanIn * layer.fanOut;
    const rows = mlpRowsPerPiece(meter, batch, perRow);
    for (let from = 0; from < batch; from += rows) {
      const to = Math.min(batch, from + rows);
      denseForwardRows(h, layer, from, to);
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
    const act = layer.activation;
    if (act) {
      const f = act.f;
      const { u, a } = layer;
      for (let k = 0; k < n; k++) a[k] = f(u[k]);
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
