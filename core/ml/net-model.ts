/**
 * The Networks lab's network: the core MLP (mlp.ts: dense layers with per-layer activations,
 * optional batch norm and dropout per hidden layer, a linear last layer) with an output head and a
 * weight penalty on top. Training passes (netLossAndGradient) normalise each batch-norm layer with
 * the minibatch's own mean and variance and drop with fresh masks; evaluation (netEvaluate, the
 * pictures) uses the running averages and no dropout.
 *
 * Output heads on the last layer's linear output z (B×K):
 *   tanh     ŷ = tanh z, targets ±1,       L = (1/B) Σ ½(ŷ − t)²,  ∂L/∂z = (ŷ − t)(1 − ŷ²)/B
 *   sigmoid  p = σ(z), labels 0/1,          L = (1/B) Σ BCE(p, y),  ∂L/∂z = (p − y)/B
 *   softmax  p = softmax(z) over K classes, L = (1/B) Σ −log p_y,   ∂L/∂z = (p − onehot(y))/B
 *   linear   ŷ = z (regression),            L = (1/B) Σ ½(ŷ − t)²,  ∂L/∂z = (ŷ − t)/B
 * Penalty on the weights W only (not biases, γ or β): Ω = λ₁ Σ|w| + (λ₂/2) Σ w², with
 * ∂Ω/∂w = λ₁ sign(w) + λ₂ w (sign(0) = 0).
 */
import type { ActivationId } from './activations';
import { mlpCreate, type Mlp } from './mlp';
import { mlpBackward } from './mlp-backward';
import { mlpForward, type MlpMode } from './mlp-forward';
import { rngCreate } from '../math/rng';

export type NetOutputId = 'tanh' | 'sigmoid' | 'softmax' | 'linear';
export type NetInitId = 'xavier' | 'he' | 'uniform' | 'zero';

/** Labels and TeX of the initialisers. */
export const NET_INITS: Readonly<Record<NetInitId, { label: string; tex: string }>> = {
  xavier: {
    label: 'Xavier / Glorot',
    tex: 'W_{ij}\\sim\\mathcal U\\!\\left(\\pm\\sqrt{6/(n_{in}+n_{out})}\\right)',
  },
  he: { label: 'He', tex: 'W_{ij}\\sim\\mathcal N(0,\\ 2/n_{in})' },
  uniform: { label: 'Uniform ±0.5', tex: 'W_{ij}\\sim\\mathcal U(-0.5,\\ 0.5)' },
  zero: { label: 'Zero', tex: 'W_{ij}=0' },
};

export interface NetLayerSpec {
  readonly units: number;
  readonly activation: ActivationId;
  /** Batch norm between this layer's linear map and its activation (default off). */
  readonly batchNorm?: boolean;
  /** Inverted-dropout rate on this layer's output in training (default 0). */
  readonly dropout?: number;
}

export interface NetSpec {
  /** Number of inputs (features). */
  readonly inputs: number;
  readonly layers: readonly NetLayerSpec[];
  readonly output: NetOutputId;
  /** Output units: the class count for softmax, otherwise 1. */
  readonly outputs: number;
  readonly init: NetInitId;
  readonly l1: number;
  readonly l2: number;
  readonly seed: number;
}

/** A network with its head and scratch for ∂L/∂z. */
export interface Net {
  readonly spec: NetSpec;
  readonly mlp: Mlp;
  /** ∂L/∂z scratch (grows with the batch). */
  dOut: Float64Array;
}

/** Builds the network; weights drawn from the initialiser with the spec's seed, biases 0. */
export function netCreate(spec: NetSpec): Net {
  const sizes = [spec.inputs, ...spec.layers.map((l) => l.units), spec.outputs];
  const mlp = mlpCreate({
    sizes,
    activation: spec.layers.map((l) => l.activation),
    loss: 'mse',
    batchNorm: spec.layers.map((l) => l.batchNorm === true),
    dropout: spec.layers.map((l) => l.dropout ?? 0),
    // Masks from a stream of their own, so turning dropout on leaves the initial weights alone.
    dropoutSeed: spec.seed + 104_729,
    init: spec.init === 'he' ? 'he-normal' : 'xavier-uniform',
    seed: spec.seed,
  });
  if (spec.init === 'zero') for (const layer of mlp.layers) layer.w.fill(0);
  if (spec.init === 'uniform') {
    const rng = rngCreate(spec.seed);
    for (const layer of mlp.layers) {
      for (let i = 0; i < layer.w.length; i++) layer.w[i] = rng.next() - 0.5;
    }
  }
  return { spec, mlp, dOut: new Float64Array(64 * spec.outputs) };
}

/** Writes the head's output (ŷ, p or class probabilities) for z (n×K) into out, in place allowed. */
export function netHead(
  output: NetOutputId,
  z: ArrayLike<number>,
  n: number,
  k: number,
  out: Float64Array,
): Float64Array {
  if (output === 'softmax') {
    for (let s = 0; s < n; s++) {
      const o = s * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (z[o + j] > max) max = z[o + j];
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp(z[o + j] - max);
        out[o + j] = e;
        sum += e;
      }
      for (let j = 0; j < k; j++) out[o + j] /= sum;
    }
    return out;
  }
  for (let s = 0; s < n * k; s++) {
    const v = z[s];
    out[s] = output === 'tanh' ? Math.tanh(v) : output === 'sigmoid' ? 1 / (1 + Math.exp(-v)) : v;
  }
  return out;
}

/**
 * Mean data loss of the head on z (n×K) against y (labels or targets, one per sample); writes
 * ∂L/∂z into dz when given.
 */
export function netHeadLoss(
  output: NetOutputId,
  z: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  k: number,
  dz?: Float64Array,
): number {
  let sum = 0;
  for (let s = 0; s < n; s++) {
    if (output === 'softmax') {
      const o = s * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (z[o + j] > max) max = z[o + j];
      let se = 0;
      for (let j = 0; j < k; j++) se += Math.exp(z[o + j] - max);
      const lse = max + Math.log(se);
      const label = y[s];
      sum += lse - z[o + label];
      if (dz) {
        for (let j = 0; j < k; j++) {
          const p = Math.exp(z[o + j] - lse);
          dz[o + j] = (p - (j === label ? 1 : 0)) / n;
        }
      }
      continue;
    }
    const v = z[s];
    if (output === 'sigmoid') {
      const t = y[s];
      sum += Math.max(v, 0) - v * t + Math.log1p(Math.exp(-Math.abs(v)));
      if (dz) dz[s] = (1 / (1 + Math.exp(-v)) - t) / n;
    } else if (output === 'tanh') {
      const t = y[s] > 0.5 ? 1 : -1;
      const h = Math.tanh(v);
      sum += 0.5 * (h - t) ** 2;
      if (dz) dz[s] = ((h - t) * (1 - h * h)) / n;
    } else {
      const d = v - y[s];
      sum += 0.5 * d * d;
      if (dz) dz[s] = d / n;
    }
  }
  return sum / n;
}

/** Ω(W) = λ₁Σ|w| + (λ₂/2)Σw² over every weight matrix; adds ∂Ω/∂w into the MLP's grads if asked. */
export function netPenalty(net: Net, addGradient: boolean): number {
  const { l1, l2 } = net.spec;
  if (l1 === 0 && l2 === 0) return 0;
  let sum = 0;
  for (const layer of net.mlp.layers) {
    const { w, gw } = layer;
    for (let i = 0; i < w.length; i++) {
      const v = w[i];
      sum += l1 * Math.abs(v) + 0.5 * l2 * v * v;
      if (addGradient) gw[i] += l1 * Math.sign(v) + l2 * v;
    }
  }
  return sum;
}

/** The last layer's linear output z for n samples of x (n×inputs), in the given mode (a view). */
export function netLogits(
  net: Net,
  x: ArrayLike<number>,
  n: number,
  mode: MlpMode = 'eval',
): Float64Array {
  return mlpForward(net.mlp, x, n, mode);
}

/**
 * Forward (train mode), data loss, backward, penalty gradient: leaves ∂(L + Ω)/∂θ in
 * net.mlp.grads and returns the data loss L and the penalty Ω.
 */
export function netLossAndGradient(
  net: Net,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  mode: MlpMode = 'train',
): { loss: number; penalty: number } {
  const k = net.spec.outputs;
  const z = mlpForward(net.mlp, x, n, mode);
  if (net.dOut.length < n * k) net.dOut = new Float64Array(Math.max(n * k, 2 * net.dOut.length));
  const loss = netHeadLoss(net.spec.output, z, y, n, k, net.dOut);
  mlpBackward(net.mlp, net.dOut);
  const penalty = netPenalty(net, true);
  return { loss, penalty };
}

/** Whether the prediction for sample s (z row) matches its label; regression counts none. */
export function netCorrect(
  output: NetOutputId,
  z: ArrayLike<number>,
  s: number,
  k: number,
  label: number,
): boolean {
  if (output === 'softmax') {
    let best = 0;
    for (let j = 1; j < k; j++) if (z[s * k + j] > z[s * k + best]) best = j;
    return best === label;
  }
  if (output === 'linear') return false;
  return (z[s] > 0 ? 1 : 0) === label;
}

/** Mean data loss and accuracy (fraction correct; NaN for regression) on n samples, eval mode. */
export function netEvaluate(
  net: Net,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
): { loss: number; accuracy: number } {
  if (n === 0) return { loss: NaN, accuracy: NaN };
  const k = net.spec.outputs;
  const z = mlpForward(net.mlp, x, n, 'eval');
  const loss = netHeadLoss(net.spec.output, z, y, n, k);
  if (net.spec.output === 'linear') return { loss, accuracy: NaN };
  let right = 0;
  for (let s = 0; s < n; s++) if (netCorrect(net.spec.output, z, s, k, y[s])) right++;
  return { loss, accuracy: right / n };
}
