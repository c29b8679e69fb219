/**
 * The fast path of an Mlp without batch norm: forward, loss and backward over a minibatch as plain
 * loops on the network's own buffers (no generators, no allocation once the scratch fits the
 * batch). The products run in blocks of local accumulators (mlp-kernel-loops.ts), and tanh and
 * ReLU get loops of their own (other activations call theirs). The plain functions (mlpForward,
 * mlpLossAndGradient, mlpTrainStep, …) take this path for every network it supports.
 *
 * It performs exactly the floating-point operations of the generic passes (mlp-forward.ts,
 * mlp-backward.ts) in the same order — z_j = b_j + h_0 W_0j + h_1 W_1j + …, skipping h_i = 0 where
 * they do; ∂L/∂W_ij summed over samples in order; ∂L/∂h_i over j in order — so its results are the
 * same bits, and it fills the same scratch (z, u, a, out, input, gradA) for activation views.
 */
import { ACTIVATIONS, type Activation } from './activations';
import { lossEvaluate } from './mlp-loss';
import { kernelTanh } from './mlp-kernel-tanh';
import { mlpEnsureCapacity, type Mlp } from './mlp';
import {
  kernelDenseForward,
  kernelHasZero,
  kernelInputGrad,
  kernelWeightGrad,
} from './mlp-kernel-loops';
import { MLP_ELEMENT_WORK } from './mlp-work';

const RELU = ACTIVATIONS.relu;

/** Whether the fast path computes this network (every network without batch norm or dropout). */
export function mlpKernelSupports(net: Mlp): boolean {
  return !net.anyBatchNorm && !net.anyDropout;
}

/** Work of one training step as the sliced passes count it (see MlpWorkMeter), without growth. */
export function mlpStepWork(net: Mlp, batch: number): number {
  let work = 2 * net.paramCount;
  for (const { fanIn, fanOut } of net.layers) {
    // Forward: the products and one element-wise pass; backward: twice the products and one pass.
    work += 3 * batch * fanIn * fanOut + 2 * batch * fanOut * MLP_ELEMENT_WORK;
  }
  return work;
}

/** a = act(u) over n values (tanh by kernelTanh: within a few ulp of Math.tanh, 3× faster). */
export function kernelActivate(act: Activation, u: Float64Array, a: Float64Array, n: number): void {
  if (act.f === Math.tanh) {
    for (let k = 0; k < n; k++) a[k] = kernelTanh(u[k]);
  } else if (act === RELU) {
    for (let k = 0; k < n; k++) {
      const v = u[k];
      a[k] = v < 0 ? 0 : v;
    }
  } else {
    const f = act.f;
    for (let k = 0; k < n; k++) a[k] = f(u[k]);
  }
}

/**
 * dz = g ⊙ act′(u) over n values. tanh′ is taken as 1 − a² from a = tanh u, the forward pass's
 * output when `a` is given (no exponential per value: it took a third of a small tanh net's
 * step), recomputed otherwise (a dropout pass scaled its a); the same bits either way.
 */
export function kernelActivateBack(
  act: Activation,
  g: Float64Array,
  u: Float64Array,
  dz: Float64Array,
  n: number,
  a: Float64Array | null = null,
): void {
  if (act.f === Math.tanh) {
    if (a) {
      for (let k = 0; k < n; k++) {
        const t = a[k];
        dz[k] = g[k] * (1 - t * t);
      }
    } else {
      for (let k = 0; k < n; k++) {
        const t = kernelTanh(u[k]);
        dz[k] = g[k] * (1 - t * t);
      }
    }
  } else if (act === RELU) {
    for (let k = 0; k < n; k++) {
      const v = u[k];
      dz[k] = g[k] * (v > 0 ? 1 : v <= 0 ? 0 : NaN);
    }
  } else {
    const df = act.df;
    for (let k = 0; k < n; k++) dz[k] = g[k] * df(u[k]);
  }
}

/**
 * Forward pass on x (batch × n_in); returns a view of the output. The scratch must hold `batch`
 * rows (mlpEnsureCapacity). Without batch norm, 'train' and 'eval' are the same computation.
 */
export function mlpKernelForward(net: Mlp, x: ArrayLike<number>, batch: number): Float64Array {
  const out = forward(net, x, batch);
  return out.subarray(0, batch * net.layers[net.layers.length - 1].fanOut);
}

/** The forward pass; returns the output layer's whole buffer (its first batch × n_out values). */
function forward(net: Mlp, x: ArrayLike<number>, batch: number): Float64Array {
  net.batch = batch;
  const input = net.input;
  const nx = batch * net.config.sizes[0];
  for (let k = 0; k < nx; k++) input[k] = x[k];
  let h = input;
  const layers = net.layers;
  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    const { fanIn, fanOut } = layer;
    const skip = kernelHasZero(h, 0, batch * fanIn);
    kernelDenseForward(h, layer.w, layer.b, layer.z, fanIn, fanOut, 0, batch, skip);
    const n = batch * fanOut;
    if (layer.activation) kernelActivate(layer.activation, layer.z, layer.a, n);
    if (layer.residual) {
      const { a, out } = layer;
      for (let k = 0; k < n; k++) out[k] = h[k] + a[k];
    }
    h = layer.out;
  }
  return h;
}

/** ∂L/∂b_j = Σ_s dz_sj, summed over s = 0, 1, … from 0. */
function biasGrad(gb: Float64Array, dz: Float64Array, fo: number, batch: number): void {
  const n = batch * fo;
  for (let j = 0; j < fo; j++) {
    let acc = 0;
    for (let k = j; k < n; k += fo) acc += dz[k];
    gb[j] = acc;
  }
}

/** Backward pass from the ∂L/∂ŷ in net.gradA (after mlpKernelForward); fills net.grads. */
export function mlpKernelBackward(net: Mlp): void {
  const batch = net.batch;
  const layers = net.layers;
  let g = net.gradA;
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l];
    const h = l === 0 ? net.input : layers[l - 1].out;
    let dz = g;
    if (layer.activation) {
      dz = net.gradZ;
      kernelActivateBack(layer.activation, g, layer.u, dz, batch * layer.fanOut, layer.a);
    }
    const { fanIn, fanOut } = layer;
    biasGrad(layer.gb, dz, fanOut, batch);
    // The generic pass skips zero inputs on the input layer only (0·∞ would be NaN).
    const skip = l === 0 && kernelHasZero(h, 0, batch * fanIn);
    layer.gw.fill(0);
    kernelWeightGrad(h, dz, layer.gw, fanIn, fanOut, 0, batch, skip);
    if (l === 0) break;
    const next = g === net.gradA ? net.gradB : net.gradA;
    kernelInputGrad(dz, layer.w, next, fanIn, fanOut, 0, batch);
    if (layer.residual) for (let k = 0; k < batch * fanIn; k++) next[k] += g[k];
    g = next;
  }
}

/** Forward, loss (mean over the batch × n_out outputs) and backward; ∂L/∂params into net.grads. */
export function mlpKernelLossAndGradient(
  net: Mlp,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  batch: number,
): number {
  mlpEnsureCapacity(net, batch);
  const out = forward(net, x, batch);
  const n = batch * net.layers[net.layers.length - 1].fanOut;
  const loss = lossEvaluate(net.config.loss, out, y, n, net.gradA);
  mlpKernelBackward(net);
  return loss;
}
