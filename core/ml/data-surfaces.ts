/**
 * Loss surfaces that come from data: the mean-squared error of a 1D linear regression over its
 * two parameters (w, b), and the mean binary cross-entropy of a bias-free logistic regression
 * over (w₁, w₂). Both are `Surface`s (x ↦ first parameter, y ↦ second), built from a seeded
 * dataset, and add a minibatch gradient for SGD plus the data points for drawing.
 */
import { mat2Solve } from '../math/linalg2';
import { rngCreate } from '../math/rng';
import {
  paramSpec,
  paramsResolve,
  type NumOut,
  type ParamSpec,
  type Surface,
  type SurfaceMinimum,
} from './surfaces-types';

/** What both data surfaces add to `Surface`. */
export interface DataSurfaceBase extends Surface {
  /** Number of data points N. */
  readonly sampleCount: number;
  /** Loss averaged over the data points listed in `indices` (each in [0, N)). */
  minibatchValue(params: ArrayLike<number>, indices: ArrayLike<number>): number;
  /** Gradient of `minibatchValue` at params = (p₀, p₁), written into out[0], out[1]. */
  minibatchGradient(params: ArrayLike<number>, indices: ArrayLike<number>, out: NumOut): NumOut;
}

/** Linear-regression MSE surface over (w, b); data xᵢ, yᵢ are length-N arrays. */
export interface RegressionSurface extends DataSurfaceBase {
  readonly kind: 'linear-regression';
  readonly data: { readonly x: Float64Array; readonly y: Float64Array };
  withParams(values: Readonly<Partial<Record<string, number>>>): RegressionSurface;
}

/** Logistic-regression BCE surface over (w₁, w₂); points (x1ᵢ, x2ᵢ) with labels in {0, 1}. */
export interface LogisticSurface extends DataSurfaceBase {
  readonly kind: 'logistic-regression';
  readonly data: {
    readonly x1: Float64Array;
    readonly x2: Float64Array;
    readonly label: Float64Array;
  };
  withParams(values: Readonly<Partial<Record<string, number>>>): LogisticSurface;
}

/** Either data-derived surface. */
export type DataSurface = RegressionSurface | LogisticSurface;

/** True when a surface is data-derived (has a minibatch gradient). */
export function dataSurfaceIs(surface: Surface): surface is DataSurface {
  return 'minibatchGradient' in surface;
}

/** Generating line of the regression data: y = 1.5x − 0.5 + noise. */
export const REGRESSION_TRUE_W = 1.5;
export const REGRESSION_TRUE_B = -0.5;

const REGRESSION_PARAMS: readonly ParamSpec[] = [
  paramSpec('samples', 'Data points', 'N', 8, 512, 64, { integer: true }),
  paramSpec('noise', 'Label noise', '\\sigma', 0, 2, 0.5),
  paramSpec('seed', 'Data seed', 's', 0, 9999, 7, { integer: true }),
];

/** Square view of half-width `half` around (cx, cy). */
const viewAround = (cx: number, cy: number, half: number) => ({
  xMin: cx - half,
  xMax: cx + half,
  yMin: cy - half,
  yMax: cy + half,
});

/**
 * Linear regression surface L(w, b) = (1/N) Σᵢ (w xᵢ + b − yᵢ)², dimensionless.
 *
 * Data: xᵢ ~ U(−1, 3) (off-centre on purpose, so w and b are coupled and the bowl is tilted),
 * yᵢ = 1.5xᵢ − 0.5 + σ·εᵢ, εᵢ ~ N(0, 1), from `rngCreate(seed)`. With centred moments
 * x̄, ȳ, vₓₓ, vₓᵧ, vᵧᵧ: L = w²vₓₓ − 2w vₓᵧ + vᵧᵧ + c², c = w x̄ + b − ȳ (same value as the sum, far
 * less cancellation). ∇L = (2(w vₓₓ − vₓᵧ) + 2x̄c, 2c); Hessian [2·mean(x²), 2x̄, 2] (constant).
 * The minimum solves the normal equations [[mean x², x̄], [x̄, 1]]·(w, b) = (mean xy, ȳ).
 */
export function dataSurfaceLinearRegression(
  values?: Readonly<Partial<Record<string, number>>>,
): RegressionSurface {
  const p = paramsResolve(REGRESSION_PARAMS, values);
  const n = p.samples;
  const rng = rngCreate(p.seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = -1 + 4 * rng.next();
    y[i] = REGRESSION_TRUE_W * x[i] + REGRESSION_TRUE_B + p.noise * rng.normal();
  }
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  let vxx = 0;
  let vxy = 0;
  let vyy = 0;
  for (let i = 0; i < n; i++) {
    vxx += ((x[i] - mx) * (x[i] - mx)) / n;
    vxy += ((x[i] - mx) * (y[i] - my)) / n;
    vyy += ((y[i] - my) * (y[i] - my)) / n;
  }
  const value = (w: number, b: number) => {
    const c = w * mx + b - my;
    return w * w * vxx - 2 * w * vxy + vyy + c * c;
  };
  const opt = [REGRESSION_TRUE_W, REGRESSION_TRUE_B];
  const solved = mat2Solve(vxx + mx * mx, mx, mx, 1, vxy + mx * my, my, opt);
  const minima: SurfaceMinimum[] = solved
    ? [{ x: opt[0], y: opt[1], value: value(opt[0], opt[1]), global: true }]
    : [];
  const residuals = (params: ArrayLike<number>, i: number) => params[0] * x[i] + params[1] - y[i];
  return {
    kind: 'linear-regression',
    id: 'linear-regression',
    title: 'Linear regression (MSE)',
    tex: 'L(w,b)=\\frac1N\\sum_{i=1}^{N}\\left(w\\,x_i+b-y_i\\right)^2',
    domain: viewAround(opt[0], opt[1], 3),
    start: { x: opt[0] - 2.4, y: opt[1] + 2.2 },
    minima,
    saddles: [],
    params: REGRESSION_PARAMS,
    paramValues: p,
    sampleCount: n,
    data: { x, y },
    value,
    gradient: (w, b, out) => {
      const c = w * mx + b - my;
      out[0] = 2 * (w * vxx - vxy) + 2 * mx * c;
      out[1] = 2 * c;
      return out;
    },
    hessian: (_w, _b, out) => {
      out[0] = 2 * (vxx + mx * mx);
      out[1] = 2 * mx;
      out[2] = 2;
      return out;
    },
    minibatchValue: (params, indices) => {
      let sum = 0;
      for (let k = 0; k < indices.length; k++) sum += residuals(params, indices[k]) ** 2;
      return sum / indices.length;
    },
    minibatchGradient: (params, indices, out) => {
      let gw = 0;
      let gb = 0;
      for (let k = 0; k < indices.length; k++) {
        const r = residuals(params, indices[k]);
        gw += r * x[indices[k]];
        gb += r;
      }
      out[0] = (2 * gw) / indices.length;
      out[1] = (2 * gb) / indices.length;
      return out;
    },
    withParams: (next) => dataSurfaceLinearRegression({ ...p, ...next }),
  };
}

/** softplus(z) = log(1 + eᶻ) without overflow: max(z, 0) + log1p(e^{−|z|}). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Logistic sigmoid σ(z) = 1/(1 + e^{−z}), evaluated so the exponential never overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

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
 * Data: labels alternate 1, 0, …; xᵢ = ±(1, 0.6) + s·N(0, I) from `rngCreate(seed)`. The
 * minimum has no closed form: it is found by Newton's method with step halving from w = 0; if
 * the data are linearly separable through the origin the infimum is at infinity and `minima`
 * is empty.
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
      sum += softplus(z) - label[i] * z;
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
      const r = sigmoid(w1 * x1[i] + w2 * x2[i]) - label[i];
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
  const opt = logisticMinimize(value, gradient, hessian);
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
    w = trial;
    if (Math.hypot(w[0], w[1]) > 1e3) return null;
  }
  gradient(w[0], w[1], g);
  return Math.max(Math.abs(g[0]), Math.abs(g[1])) < 1e-9 ? [w[0], w[1]] : null;
}
