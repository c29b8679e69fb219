/**
 * Backward pass of an Mlp (reverse-mode chain rule through the equations in mlp.ts), after a
 * forward pass on the same batch. For layer l, from g = ∂L/∂h_{l+1} (B×n_{l+1}):
 *   ∂L/∂u = (g ⊙ m) ⊙ act′(u)  (hidden; m the dropout mask of a training pass, else 1),
 *   ∂L/∂z = BN-backward(∂L/∂u) or ∂L/∂u  (g itself for the output; batch norm's backward with the
 *           batch statistics after a training pass, with the running ones after an evaluation)
 *   ∂L/∂W_l = h_lᵀ ∂L/∂z,  ∂L/∂b_l = Σ_rows ∂L/∂z
 *   ∂L/∂h_l = ∂L/∂z W_lᵀ (+ g when the layer is residual).
 * Gradients are written (not accumulated) into net.grads. The plain functions take the fast path
 * (mlp-kernel.ts) for a net without batch norm or dropout, with the same numbers; the `…Slices`
 * generators are the generic passes: the fast path's loops a few rows at a time, with batch norm,
 * dropout and pauses.
 */
import { batchNormBackward, batchNormBackwardInference } from './batch-norm';
import { dropoutApply } from './dropout';
import { mlpForward, mlpForwardSlices, type MlpMode } from './mlp-forward';
import {
  MLP_ELEMENT_WORK,
  mlpDrain,
  mlpRowsPerPiece,
  mlpWorkAdd,
  mlpWorkWhole,
  type MlpWorkMeter,
} from './mlp-work';
import {
  kernelActivateBack,
  mlpKernelBackward,
  mlpKernelLossAndGradient,
  mlpKernelSupports,
} from './mlp-kernel';
import { kernelHasZero, kernelInputGrad, kernelWeightGrad } from './mlp-kernel-loops';
import { lossEvaluate } from './mlp-loss';
import type { Mlp } from './mlp';

/**
 * Backpropagates from the seed gradient currently stored in net.gradA (first B·n_out entries,
 * ∂L/∂ŷ of the last forward pass) and fills net.grads, pausing as `meter` says.
 */
function* backwardFromGradA(net: Mlp, meter: MlpWorkMeter): Generator<void, void, void> {
  const batch = net.batch;
  const layers = net.layers;
  let g = net.gradA;
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l];
    const { fanIn, fanOut, gw, gb } = layer;
    const n = batch * fanOut;
    const h = l === 0 ? net.input : layers[l - 1].out;
    let dz = g;
    const act = layer.activation;
    if (act) {
      dz = net.gradZ;
      if (net.dropped && layer.dropout > 0) {
        // ∂L/∂a = g ⊙ m; g itself stays for a residual connection's skip path.
        for (let k = 0; k < n; k++) dz[k] = g[k];
        dropoutApply(dz, layer.mask, n);
        kernelActivateBack(act, dz, layer.u, dz, n);
      } else kernelActivateBack(act, g, layer.u, dz, n);
      if (layer.bn && net.evalPass) {
        const { gamma, runningMean, runningVar, gGamma, gBeta } = layer;
        batchNormBackwardInference(
          dz,
          layer.z,
          batch,
          fanOut,
          gamma,
          runningMean,
          runningVar,
          net.bnEps,
          dz,
          gGamma,
          gBeta,
        );
      } else if (layer.bn) {
        batchNormBackward(dz, batch, fanOut, layer.gamma, layer.bn, dz, layer.gGamma, layer.gBeta);
      }
    }
    gw.fill(0);
    if (gb.length > 0) {
      gb.fill(0);
      for (let s = 0; s < batch; s++) {
        const zr = s * fanOut;
        for (let j = 0; j < fanOut; j++) gb[j] += dz[zr + j];
      }
    }
    if (mlpWorkAdd(meter, n * MLP_ELEMENT_WORK)) yield;
    const next = g === net.gradA ? net.gradB : net.gradA;
    const needInput = l > 0;
    // Both products per weight: twice a forward row's work.
    const perRow = 2 * fanIn * fanOut;
    const rows = mlpRowsPerPiece(meter, batch, perRow);
    for (let from = 0; from < batch; from += rows) {
      const to = Math.min(batch, from + rows);
      // The input layer skips zero inputs (0·∞ would be NaN); rows add into ∂L/∂W in order.
      const skip = !needInput && kernelHasZero(h, from * fanIn, to * fanIn);
      kernelWeightGrad(h, dz, gw, fanIn, fanOut, from, to, skip);
      if (needInput) {
        kernelInputGrad(dz, layer.w, next, fanIn, fanOut, from, to);
        if (layer.residual) for (let k = from * fanIn; k < to * fanIn; k++) next[k] += g[k];
      }
      if (mlpWorkAdd(meter, (to - from) * perRow)) yield;
    }
    if (!needInput) break;
    g = next;
  }
}

/**
 * Backward pass for the last forward batch given ∂L/∂ŷ (B×n_out, row-major); fills net.grads.
 */
export function mlpBackward(net: Mlp, dOut: ArrayLike<number>): void {
  const n = net.batch * net.config.sizes[net.config.sizes.length - 1];
  for (let k = 0; k < n; k++) net.gradA[k] = dOut[k];
  if (mlpKernelSupports(net)) mlpKernelBackward(net);
  else mlpDrain(backwardFromGradA(net, mlpWorkWhole()));
}

/**
 * Forward on x (B×n_in), loss against y (B×n_out) with the network's loss, and backward.
 * Returns L (mean over the B·n_out outputs) and leaves ∂L/∂params in net.grads.
 */
export function mlpLossAndGradient(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
  mode: MlpMode = 'train',
): number {
  if (mlpKernelSupports(net)) return mlpKernelLossAndGradient(net, x, y, batch);
  return mlpDrain(mlpLossAndGradientSlices(net, x, y, batch, mode, mlpWorkWhole()));
}

/** `mlpLossAndGradient`, pausing as `meter` says (see MlpWorkMeter in mlp-work.ts). */
export function* mlpLossAndGradientSlices(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
  mode: MlpMode,
  meter: MlpWorkMeter,
): Generator<void, number, void> {
  const out = yield* mlpForwardSlices(net, x, batch, mode, meter);
  const loss = lossEvaluate(net.config.loss, out, y, out.length, net.gradA);
  yield* backwardFromGradA(net, meter);
  return loss;
}

/** Loss only (no gradients) of the network on x, y in the given mode. */
export function mlpLoss(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
  mode: MlpMode = 'eval',
): number {
  const out = mlpForward(net, x, batch, mode);
  return lossEvaluate(net.config.loss, out, y, out.length);
}
