/**
 * The logistic-regression loss surface (bias-free, two weights) over a seeded two-class 2D
 * dataset (σ and softplus from math/logistic). Part of the data-derived surfaces (see
 * data-surfaces.ts for the shared interface).
 */
import { mat2Solve } from '../math/linalg2';
import { logisticSigmoid, logisticSoftplus } from '../math/logistic';
import { rngCreate } from '../math/rng';
import type { LogisticSurface } from './data-surfaces';
import {
  paramSpec,
  paramsResolve,
  type NumOut,
  type ParamSpec,
  type SurfaceMinimum,
} from './surfaces-types';

const LOGISTIC_PARAMS: readonly ParamSpec[] = [
  paramSpec('samples', 'Data points', 'N', 8, 512, 100, { integer: true }),
  paramSpec('spread', 'Class spread', 's', 0.3, 3, 1, { logScale: true }),
  paramSpec('seed', 'Data seed', 's_0', 0, 9999, 11, { integer: true }),
];

/** Class means: label 1 around (+1, +0.6), label 0 around (−1, −0.6). */
const LOGISTIC_MEAN = [1, 0.6];

/**
 * Logistic regression surface without bias, L(w) = (1/N) Σᵢ [softplus(zᵢ) − yᵢ zᵢ], zᵢ = w·xᵢ,
 * which equals the mean binary cross-entropy −[y log σ(z) + (1 − y) log(1 − σ(z))] (nats).
 * ∇L = (1/N) Σ (σ(zᵢ) − yᵢ) xᵢ; Hessian (1/N) Σ σ(zᵢ)σ(−zᵢ) xᵢxᵢᵀ (positive semidefinite).
 *
 * Data: labels alternate 1, 0, …; xᵢ = ±(1, 0.6) + s·N(0, I) from `rngCreate(seed)`. If the
 * data are linearly separable by a line through the origin, L has no minimizer (it decreases
 * forever along the separating direction) and `minima` is empty. Otherwise the minimum, which has
 * no closed form, is found by Newton's method with step halving from w = 0.
 */
export function dataSurfaceLogistic(
  values?: Readonly<Partial<Record<string, number>>>,
): LogisticSurface {
  const p = paramsResolve(LOGISTIC_PARAMS, values);
  const n = p.samples;
  const rng = rngCreate(p.seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const label = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    label[i] = i % 2 === 0 ? 1 : 0;
    const sign = label[i] === 1 ? 1 : -1;
    x1[i] = sign * LOGISTIC_MEAN[0] + p.spread * rng.normal();
    x2[i] = sign * LOGISTIC_MEAN[1] + p.spread * rng.normal();
  }
  const batchValue = (w1: number, w2: number, indices: ArrayLike<number> | null) => {
    const count = indices ? indices.length : n;
    let sum = 0;
    for (let k = 0; k < count; k++) {
      const i = indices ? indices[k] : k;
      const z = w1 * x1[i] + w2 * x2[i];
      sum += logisticSoftplus(z) - label[i] * z;
    }
    return sum / count;
  };
  const batchGradient = (
    w1: number,
    w2: number,
    indices: ArrayLike<number> | null,
    out: NumOut,
  ) => {
    const count = indices ? indices.length : n;
    let g1 = 0;
    let g2 = 0;
    for (let k = 0; k < count; k++) {
      const i = indices ? indices[k] : k;
      const r = logisticSigmoid(w1 * x1[i] + w2 * x2[i]) - label[i];
      g1 += r * x1[i];
      g2 += r * x2[i];
    }
    out[0] = g1 / count;
    out[1] = g2 / count;
    return out;
  };
  const hessian = (w1: number, w2: number, out: NumOut) => {
    let h11 = 0;
    let h12 = 0;
    let h22 = 0;
    for (let i = 0; i < n; i++) {
      // σ(z)σ(−z) = e^{−|z|}/(1 + e^{−|z|})², symmetric in z and free of overflow.
      const e = Math.exp(-Math.abs(w1 * x1[i] + w2 * x2[i]));
      const s = e / ((1 + e) * (1 + e));
      h11 += s * x1[i] * x1[i];
      h12 += s * x1[i] * x2[i];
      h22 += s * x2[i] * x2[i];
    }
    out[0] = h11 / n;
    out[1] = h12 / n;
    out[2] = h22 / n;
    return out;
  };
  const value = (w1: number, w2: number) => batchValue(w1, w2, null);
  const gradient = (w1: number, w2: number, out: NumOut) => batchGradient(w1, w2, null, out);
  const opt = logisticSeparable(x1, x2, label) ? null : logisticMinimize(value, gradient, hessian);
  const minima: SurfaceMinimum[] = opt
    ? [{ x: opt[0], y: opt[1], value: value(opt[0], opt[1]), global: true }]
    : [];
  const cx = opt ? opt[0] : 0;
  const cy = opt ? opt[1] : 0;
  return {
    kind: 'logistic-regression',
    id: 'logistic-regression',
    title: 'Logistic regression (cross-entropy)',
    tex: 'L(w_1,w_2)=\\frac1N\\sum_{i=1}^{N}\\Big[\\log\\!\\big(1+e^{z_i}\\big)-y_i z_i\\Big],\\; z_i=w_1x_{i1}+w_2x_{i2}',
    domain: {
      xMin: Math.min(0, cx) - 2.5,
      xMax: Math.max(0, cx) + 2.5,
      yMin: Math.min(0, cy) - 2.5,
      yMax: Math.max(0, cy) + 2.5,
    },
    start: { x: Math.min(0, cx) - 2, y: Math.max(0, cy) + 2 },
    minima,
    saddles: [],
    params: LOGISTIC_PARAMS,
    paramValues: p,
    sampleCount: n,
    data: { x1, x2, label },
    value,
    gradient,
    hessian,
    minibatchValue: (params, indices) => batchValue(params[0], params[1], indices),
    minibatchGradient: (params, indices, out) => batchGradient(params[0], params[1], indices, out),
    withParams: (next) => dataSurfaceLogistic({ ...p, ...next }),
  };
}

/** Damped Newton from the origin for the (convex) logistic loss; null if no finite minimizer. */
function logisticMinimize(
  value: (a: number, b: number) => number,
  gradient: (a: number, b: number, out: NumOut) => NumOut,
  hessian: (a: number, b: number, out: NumOut) => NumOut,
): [number, number] | null {
  let w = [0, 0];
  const g = [0, 0];
  const h = [0, 0, 0];
  const d = [0, 0];
  for (let it = 0; it < 200; it++) {
    gradient(w[0], w[1], g);
    if (Math.max(Math.abs(g[0]), Math.abs(g[1])) < 1e-14) break;
    hessian(w[0], w[1], h);
    if (!mat2Solve(h[0], h[1], h[1], h[2], g[0], g[1], d)) return null;
    const f0 = value(w[0], w[1]);
    let t = 1;
    let trial = [w[0] - d[0], w[1] - d[1]];
    while (value(trial[0], trial[1]) > f0 && t > 1e-10) {
      t *= 0.5;
      trial = [w[0] - t * d[0], w[1] - t * d[1]];
    }
    // At rounding level no step decreases f any more: we are at the minimizer.
    if (t <= 1e-10) break;
    // A step that leaves w where it is would be repeated unchanged until the iteration limit
    // (tens of ms at N = 512): stopping here gives the same w.
    if (trial[0] === w[0] && trial[1] === w[1]) break;
    w = trial;
    if (Math.hypot(w[0], w[1]) > 1e3) return null;
  }
  gradient(w[0], w[1], g);
  return Math.max(Math.abs(g[0]), Math.abs(g[1])) < 1e-9 ? [w[0], w[1]] : null;
}

/**
 * True when some w has (2yᵢ − 1)·w·xᵢ ≥ 0 for every point, i.e. the signed points uᵢ = ±xᵢ lie in
 * a closed half-plane: sorted by angle, some gap between neighbours (circularly) is ≥ π.
 * Points at the origin are ignored (they add the constant log 2 whatever w is).
 */
function logisticSeparable(x1: Float64Array, x2: Float64Array, label: Float64Array): boolean {
  const angles: number[] = [];
  for (let i = 0; i < x1.length; i++) {
    const sign = label[i] === 1 ? 1 : -1;
    if (x1[i] !== 0 || x2[i] !== 0) angles.push(Math.atan2(sign * x2[i], sign * x1[i]));
  }
  if (angles.length === 0) return true;
  angles.sort((a, b) => a - b);
  let gap = 2 * Math.PI - (angles[angles.length - 1] - angles[0]);
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i] - angles[i - 1]);
  return gap >= Math.PI;
}
