/**
 * The loss landscape around trained weights θ* (Li et al. 2018, "Visualizing the Loss Landscape of
 * Neural Nets"): L(θ* + αδ + βη) on a grid of (α, β), with δ and η random Gaussian directions that
 * are filter-normalised, and the straight line L((1 − t)θ₀ + tθ*) from the initial weights.
 *
 * Filter normalisation, per neuron j of a dense layer (its "filter" is its incoming weight vector,
 * the column W[·, j] of the row-major W ∈ ℝ^{n_in×n_out}): d_j ← d_j · ‖θ*_j‖ / ‖d_j‖. Biases
 * (and batch norm's γ, β) get direction 0, as in the paper's published setting that leaves bias
 * and batch-norm parameters unperturbed, so the picture moves only the weights.
 */
import type { Rng } from '../math/rng';

/** Where a dense layer's parameters sit in θ (core/ml/mlp.ts: W row-major, then b or γ, β). */
export interface LandscapeLayer {
  readonly offset: number;
  readonly fanIn: number;
  readonly fanOut: number;
  /** Parameters of the layer's slice: W and what follows it. */
  readonly count: number;
}

/** Norm of neuron j's incoming weights in v (layer slice of a full θ-shaped vector). */
export function filterNorm(v: ArrayLike<number>, layer: LandscapeLayer, j: number): number {
  let s = 0;
  for (let i = 0; i < layer.fanIn; i++) {
    const x = v[layer.offset + i * layer.fanOut + j];
    s += x * x;
  }
  return Math.sqrt(s);
}

/**
 * Rescales d in place so that each neuron's incoming-weight vector has the norm of θ*'s, and sets
 * the layer's other parameters (bias, γ, β) to 0. A zero filter of d stays zero.
 */
export function filterNormalise(
  d: Float64Array,
  theta: ArrayLike<number>,
  layers: readonly LandscapeLayer[],
): Float64Array {
  for (const layer of layers) {
    for (let j = 0; j < layer.fanOut; j++) {
      const nd = filterNorm(d, layer, j);
      const scale = nd > 0 ? filterNorm(theta, layer, j) / nd : 0;
      for (let i = 0; i < layer.fanIn; i++) d[layer.offset + i * layer.fanOut + j] *= scale;
    }
    const w = layer.fanIn * layer.fanOut;
    for (let k = w; k < layer.count; k++) d[layer.offset + k] = 0;
  }
  return d;
}

/** A random Gaussian direction, filter-normalised to θ*. */
export function landscapeDirection(
  theta: ArrayLike<number>,
  layers: readonly LandscapeLayer[],
  rng: Rng,
): Float64Array {
  const d = new Float64Array(theta.length);
  for (let k = 0; k < d.length; k++) d[k] = rng.normal();
  return filterNormalise(d, theta, layers);
}

/** Grid coordinate k of res points spanning [−span, span]. */
export function landscapeCoord(k: number, res: number, span: number): number {
  return -span + (2 * span * k) / (res - 1);
}

/** Writes θ* + αδ + βη into out. */
export function landscapePoint(
  theta: ArrayLike<number>,
  d: ArrayLike<number>,
  e: ArrayLike<number>,
  alpha: number,
  beta: number,
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = theta[k] + alpha * d[k] + beta * e[k];
  return out;
}

/** Interpolation parameter t_k of the 1D line: −0.5 … 1.5 in steps of 1/40 (t = 0 and 1 exact). */
export const INTERP_POINTS = 81;
export function interpT(k: number): number {
  return (k - 20) / 40;
}

/** Writes (1 − t)θ₀ + tθ* into out. */
export function interpPoint(
  theta0: ArrayLike<number>,
  theta: ArrayLike<number>,
  t: number,
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < out.length; k++) out[k] = (1 - t) * theta0[k] + t * theta[k];
  return out;
}

/**
 * Coordinates (a, b) of v's least-squares projection onto span{δ, η}: the (α, β) whose
 * αδ + βη is closest to v (δ and η are nearly but not exactly orthogonal). Writes them to out.
 */
export function projectOnto(
  v: ArrayLike<number>,
  d: ArrayLike<number>,
  e: ArrayLike<number>,
  out: [number, number] = [0, 0],
): [number, number] {
  let dd = 0;
  let de = 0;
  let ee = 0;
  let dv = 0;
  let ev = 0;
  for (let k = 0; k < v.length; k++) {
    dd += d[k] * d[k];
    de += d[k] * e[k];
    ee += e[k] * e[k];
    dv += d[k] * v[k];
    ev += e[k] * v[k];
  }
  const det = dd * ee - de * de;
  if (!(det > 0)) {
    out[0] = 0;
    out[1] = 0;
    return out;
  }
  out[0] = (ee * dv - de * ev) / det;
  out[1] = (dd * ev - de * dv) / det;
  return out;
}
