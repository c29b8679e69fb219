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

export { dataSurfaceLogistic } from './data-surfaces-logistic';

/** Either data-derived surface. */
export type DataSurface = RegressionSurface | LogisticSurface;

/** True when a surface is data-derived (has a minibatch gradient). */
export function dataSurfaceIs(surface: Surface): surface is DataSurface {
  return 'minibatchGradient' in surface;
}

/** Slope of the line that generates the regression data (y = 1.5x − 0.5 + noise). */
export const REGRESSION_TRUE_W = 1.5;
/** Intercept of the line that generates the regression data. */
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
