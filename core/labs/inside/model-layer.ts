/**
 * Every number and formula of the layer view: a grid of the input plane and two classes of points
 * carried through x ↦ Wx + b and then the activation, with t blending the stages
 *   0 ≤ t ≤ 1:  (1 − t)·x + t·(Wx + b)
 *   1 ≤ t ≤ 2:  (2 − t)·(Wx + b) + (t − 1)·f(Wx + b)   (f elementwise),
 * W's columns (the images of e₁ and e₂), det W, trace, eigenvalues and eigenvectors, rank and the
 * singular values. Coordinates are plane units; the view's extent covers all three stages.
 */
import { ACTIVATIONS, activationLeakyRelu, type Activation } from '../../ml/activations';
import { NET_PLANE, netDatasetCreate } from '../../ml/net-data';
import {
  mat2Eigen,
  mat2GeneralDet,
  mat2Rank,
  mat2Singular,
  type Mat2,
  type Mat2Eigen,
} from '../../math/linalg-2x2';
import type { LayerActivation, LayerParams } from './params';
import { texNum, texFactor } from '../../math/num-format';

/** The input plane drawn: [−GRID_HALF, GRID_HALF]², grid lines every GRID_STEP. */
export const LAYER_GRID_HALF = 2;
export const LAYER_GRID_STEP = 0.5;
/** Samples along each grid line (a bent line needs many). */
const LINE_SAMPLES = 41;
/** Points of the data set. */
export const LAYER_POINTS = 120;

export interface LayerModel {
  readonly w: Mat2;
  readonly b: readonly [number, number];
  /** Grid lines as polylines at t: [x0, y0, x1, y1, …]. */
  readonly lines: readonly Float64Array[];
  /** Whether each line is a vertical (x constant) one of the input grid. */
  readonly vertical: readonly boolean[];
  /** Points at t (2 per point) and their classes. */
  readonly points: Float64Array;
  readonly labels: Float64Array;
  /** Images of e₁ and e₂ under W (the columns), drawn from b. */
  readonly col1: readonly [number, number];
  readonly col2: readonly [number, number];
  readonly det: number;
  readonly trace: number;
  readonly eigen: Mat2Eigen;
  readonly singular: readonly [number, number];
  readonly rank: 0 | 1 | 2;
  /** Half the side of the square the view shows (covers the input, Wx + b and f(Wx + b)). */
  readonly extent: number;
  /** Formulas with the numbers in. */
  readonly tex: {
    readonly map: string;
    readonly det: string;
    readonly eigen: string;
    readonly rank: string;
  };
}

export function layerActivation(id: LayerActivation): Activation {
  return id === 'leaky-relu' ? activationLeakyRelu(0.1) : ACTIVATIONS[id];
}

/** The point x after the stages up to t. */
export function layerCarry(
  w: Mat2,
  b: readonly [number, number],
  f: (v: number) => number,
  t: number,
  x: number,
  y: number,
): [number, number] {
  const lx = w[0][0] * x + w[0][1] * y + b[0];
  const ly = w[1][0] * x + w[1][1] * y + b[1];
  if (t <= 1) return [(1 - t) * x + t * lx, (1 - t) * y + t * ly];
  const s = t - 1;
  return [(1 - s) * lx + s * f(lx), (1 - s) * ly + s * f(ly)];
}

/** The data set's points scaled into the drawn input square. */
export function layerData(p: LayerParams, seed: number): { x: Float64Array; y: Float64Array } {
  const d = netDatasetCreate(p.data, LAYER_POINTS, 0.1, seed);
  const k = LAYER_GRID_HALF / NET_PLANE;
  return { x: d.x.map((v) => v * k), y: d.y };
}

const mat = (w: Mat2) =>
  `\\begin{pmatrix}${texNum(w[0][0])} & ${texNum(w[0][1])}\\\\ ${texNum(w[1][0])} & ${texNum(w[1][1])}\\end{pmatrix}`;
const vec = (v: readonly number[]) => `(${v.map((x) => texNum(x, 3)).join(',\\ ')})`;

export function layerModel(p: LayerParams, seed: number): LayerModel {
  const w = p.w as Mat2;
  const b = p.b;
  const f = layerActivation(p.activation).f;
  const carry = (x: number, y: number) => layerCarry(w, b, f, p.t, x, y);
  const lines: Float64Array[] = [];
  const vertical: boolean[] = [];
  let extent = LAYER_GRID_HALF;
  const grow = (x: number, y: number) => {
    for (const t of [1, 2]) {
      const [u, v] = layerCarry(w, b, f, t, x, y);
      extent = Math.max(extent, Math.abs(u), Math.abs(v));
    }
  };
  const ticks = Math.round((2 * LAYER_GRID_HALF) / LAYER_GRID_STEP);
  for (const isV of [true, false])
    for (let i = 0; i <= ticks; i++) {
      const c = -LAYER_GRID_HALF + i * LAYER_GRID_STEP;
      const line = new Float64Array(2 * LINE_SAMPLES);
      for (let s = 0; s < LINE_SAMPLES; s++) {
        const u = -LAYER_GRID_HALF + (2 * LAYER_GRID_HALF * s) / (LINE_SAMPLES - 1);
        const [x, y] = isV ? [c, u] : [u, c];
        [line[2 * s], line[2 * s + 1]] = carry(x, y);
        if (s === 0 || s === LINE_SAMPLES - 1) grow(x, y);
      }
      lines.push(line);
      vertical.push(isV);
    }
  const data = layerData(p, seed);
  const points = new Float64Array(data.x.length);
  for (let i = 0; i < data.x.length; i += 2)
    [points[i], points[i + 1]] = carry(data.x[i], data.x[i + 1]);
  const det = mat2GeneralDet(w);
  const trace = w[0][0] + w[1][1];
  const eigen = mat2Eigen(w);
  const singular = mat2Singular(w);
  const rank = mat2Rank(w);
  const eigenTex = eigen.real
    ? `\\lambda_1 = ${texNum(eigen.lambda1)},\\; v_1 = ${vec(eigen.v1!)},\\quad \\lambda_2 = ${texNum(eigen.lambda2)},\\; v_2 = ${vec(eigen.v2!)}`
    : `\\lambda = ${texNum(eigen.lambda1)} \\pm ${texNum(eigen.imag)}\\,i\\ \\text{(no real eigenvector: W turns every direction)}`;
  return {
    w,
    b,
    lines,
    vertical,
    points,
    labels: data.y,
    col1: [w[0][0], w[1][0]],
    col2: [w[0][1], w[1][1]],
    det,
    trace,
    eigen,
    singular,
    rank,
    extent: Math.min(12, extent * 1.08),
    tex: {
      map: `W = ${mat(w)},\\quad b = ${vec(b)}`,
      det: `\\det W = ${texFactor(w[0][0])}\\cdot${texFactor(w[1][1])} - ${texFactor(w[0][1])}\\cdot${texFactor(w[1][0])} = ${texNum(det)}`,
      eigen: eigenTex,
      rank: `\\operatorname{rank} W = ${rank},\\quad \\sigma_1 = ${texNum(singular[0])},\\ \\sigma_2 = ${texNum(singular[1])}`,
    },
  };
}
