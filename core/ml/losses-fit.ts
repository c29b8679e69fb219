/**
 * A polynomial ŷ = Σₖ cₖ·uᵏ (degree 0–3) fitted to points (xᵢ, yᵢ) under each regression loss of
 * core/ml/losses-regression.ts, by minimising the mean loss L(c) = (1/n)·Σρ(yᵢ − ŷ(xᵢ)):
 *
 * - MSE: exactly, by Householder QR least squares.
 * - MAE and quantile (piecewise linear): exactly, by the simplex method on their linear program
 *   (core/ml/losses-fit-pinball.ts); the fit passes through degree + 1 of the points.
 * - Huber and log-cosh (smooth, convex): Newton's method with a backtracking line search, from
 *   the least-squares fit; where the Hessian is singular (Huber with too few points inside ±δ)
 *   or a Newton step fails the line search, an IRLS step (weights ψ(r)/r), which never increases
 *   the loss. Stops when ‖∇L‖∞ is below 1e-12 of the size of its terms.
 *
 * The basis is u = (x − centre)/scale with the x range mapped onto [−1, 1] (core/ml/losses-poly.ts),
 * so the normal matrices stay well conditioned; `raw` gives the coefficients of 1, x, x², x³.
 */
import { denseCholesky, denseCholeskySolve } from '../math/linalg-dense';
import { denseLeastSquaresQr } from '../math/linalg-qr';
import { pinballFit } from './losses-fit-pinball';
import { polyBasisOf, polyDesign, polyRawCoefficients, type PolyBasis } from './losses-poly';
import {
  REGRESSION_LOSSES,
  regressionLossMean,
  type RegressionLossId,
  type RegressionShape,
} from './losses-regression';

export type FitMethod = 'least-squares' | 'newton' | 'simplex';

export interface RobustFit {
  loss: RegressionLossId;
  basis: PolyBasis;
  /** Coefficients in the basis (length degree + 1). */
  coef: Float64Array;
  /** Coefficients of 1, x, x², …. */
  raw: Float64Array;
  predictions: Float64Array;
  /** yᵢ − ŷᵢ. */
  residuals: Float64Array;
  /** The mean loss at the fit. */
  objective: number;
  /**
   * ‖∇L‖∞ in the basis for the smooth losses; for MAE and quantile the distance of the simplex's
   * dual values from their allowed interval (0 at an exact optimum).
   */
  optimality: number;
  iterations: number;
  method: FitMethod;
  /** Points the fit passes through exactly (MAE and quantile). */
  active: number[];
  converged: boolean;
}

function finish(
  loss: RegressionLossId,
  basis: PolyBasis,
  X: Float64Array,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  s: RegressionShape,
  coef: Float64Array,
  extra: Pick<RobustFit, 'optimality' | 'iterations' | 'method' | 'active' | 'converged'>,
): RobustFit {
  const n = y.length;
  const p = coef.length;
  const predictions = new Float64Array(n);
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 0; k < p; k++) v += X[i * p + k] * coef[k];
    predictions[i] = v;
    residuals[i] = y[i] - v;
  }
  return {
    loss,
    basis,
    coef,
    raw: polyRawCoefficients(coef, basis),
    predictions,
    residuals,
    objective: regressionLossMean(loss, residuals, s),
    ...extra,
  };
}

/** The gradient of L in the basis, −(1/n)·Xᵀψ(r), and the size of its terms (1/n)·Σ|ψ(rᵢ)|. */
function gradientOf(
  id: RegressionLossId,
  X: Float64Array,
  r: Float64Array,
  p: number,
  s: RegressionShape,
) {
  const n = r.length;
  const g = new Float64Array(p);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const psi = REGRESSION_LOSSES[id].derivative(r[i], s);
    size += Math.abs(psi);
    for (let k = 0; k < p; k++) g[k] -= (X[i * p + k] * psi) / n;
  }
  return { g, size: size / n };
}

function residualsAt(X: Float64Array, y: ArrayLike<number>, c: Float64Array): Float64Array {
  const p = c.length;
  const r = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) {
    let v = 0;
    for (let k = 0; k < p; k++) v += X[i * p + k] * c[k];
    r[i] = y[i] - v;
  }
  return r;
}

/** (1/n)·Xᵀ·diag(w)·X. */
function weightedGram(X: Float64Array, w: Float64Array, p: number): Float64Array {
  const n = w.length;
  const G = new Float64Array(p * p);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < p; a++)
      for (let b = 0; b <= a; b++) G[a * p + b] += (w[i] * X[i * p + a] * X[i * p + b]) / n;
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) G[a * p + b] = G[b * p + a];
  return G;
}

/** d = −G⁻¹g, or null when G is not positive definite. */
function stepSolve(G: Float64Array, g: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  if (!denseCholesky(G, p, L)) return null;
  const d = denseCholeskySolve(L, p, g, new Float64Array(p));
  for (let k = 0; k < p; k++) d[k] = -d[k];
  return d.every(Number.isFinite) ? d : null;
}

const NEWTON_MAX = 200;
const GRAD_TOL = 1e-12;

function smoothFit(
  id: RegressionLossId,
  X: Float64Array,
  y: ArrayLike<number>,
  p: number,
  s: RegressionShape,
  start: Float64Array,
) {
  const loss = REGRESSION_LOSSES[id];
  const n = y.length;
  let c: Float64Array = Float64Array.from(start);
  let r: Float64Array = residualsAt(X, y, c);
  let J = regressionLossMean(id, r, s);
  let it = 0;
  let opt = Infinity;
  // The largest |ψ| the data can produce: gradients are measured against it where residuals vanish.
  let yMax = 0;
  for (let i = 0; i < n; i++) yMax = Math.max(yMax, Math.abs(y[i]));
  const psiMax = Math.abs(loss.derivative(yMax + 1, s));
  const stalled = () => opt <= 1e-10 * psiMax;
  for (; it < NEWTON_MAX; it++) {
    const { g, size } = gradientOf(id, X, r, p, s);
    opt = Math.max(...Array.from(g, Math.abs));
    if (opt <= GRAD_TOL * size + 1e-14 * psiMax) return { c, it, opt, ok: true };
    const slope = (d: Float64Array) => d.reduce((acc, v, k) => acc + v * g[k], 0);
    let next: { c: Float64Array; r: Float64Array; J: number } | null = null;
    const newton = stepSolve(
      weightedGram(
        X,
        Float64Array.from(r, (v) => loss.curvature(v, s)),
        p,
      ),
      g,
      p,
    );
    if (newton && slope(newton) < 0) {
      for (let t = 1, k = 0; k < 30; k++, t /= 2) {
        const cand = c.map((v, j) => v + t * newton[j]);
        const rc = residualsAt(X, y, cand);
        const Jc = regressionLossMean(id, rc, s);
        // Near the minimum the decrease is below J's rounding: a full Newton step is then taken.
        const tiny = t === 1 && -slope(newton) < 1e-13 * Math.abs(J);
        if (Jc <= J + 1e-4 * t * slope(newton) || tiny) {
          next = { c: cand, r: rc, J: Jc };
          break;
        }
      }
    }
    if (!next) {
      // IRLS: minimises the quadratic majoriser of L at c (ψ(r)/r falls as |r| grows).
      const w = Float64Array.from(r, (v) => loss.irlsWeight(v, s));
      const d = stepSolve(weightedGram(X, w, p), g, p);
      if (!d) return { c, it, opt, ok: stalled() };
      const cand = c.map((v, j) => v + d[j]);
      const rc = residualsAt(X, y, cand);
      next = { c: cand, r: rc, J: regressionLossMean(id, rc, s) };
      // It cannot rise, up to rounding.
      if (!(next.J <= J + 1e-12 * Math.abs(J))) return { c, it, opt, ok: stalled() };
    }
    const moved = next.c.some((v, j) => v !== c[j]);
    c = next.c;
    r = next.r;
    J = next.J;
    if (!moved) {
      // The step no longer changes c in floating point: as converged as it can be.
      const { g: g2 } = gradientOf(id, X, r, p, s);
      opt = Math.max(...Array.from(g2, Math.abs));
      return { c, it: it + 1, opt, ok: stalled() };
    }
  }
  return { c, it, opt, ok: stalled() };
}

/** The fit of a polynomial of the given degree to (x, y) under one loss. */
export function robustFit(
  id: RegressionLossId,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  degree: number,
  s: RegressionShape,
): RobustFit {
  const basis = polyBasisOf(x, degree);
  const p = basis.degree + 1;
  const X = polyDesign(x, basis);
  const ls = denseLeastSquaresQr(X, y.length, p, y) ?? new Float64Array(p);
  if (id === 'mse') {
    const r = residualsAt(X, y, ls);
    const { g } = gradientOf('mse', X, r, p, s);
    return finish(id, basis, X, x, y, s, ls, {
      optimality: Math.max(...Array.from(g, Math.abs)),
      iterations: 1,
      method: 'least-squares',
      active: [],
      converged: true,
    });
  }
  if (id === 'mae' || id === 'quantile') {
    const sol = pinballFit(X, y, p, id === 'mae' ? 0.5 : s.tau, ls);
    return finish(id, basis, X, x, y, s, sol.coef, {
      optimality: sol.dualViolation,
      iterations: sol.iterations,
      method: 'simplex',
      active: sol.active,
      converged: sol.optimal,
    });
  }
  const sol = smoothFit(id, X, y, p, s, ls);
  return finish(id, basis, X, x, y, s, sol.c, {
    optimality: sol.opt,
    iterations: sol.it,
    method: 'newton',
    active: [],
    converged: sol.ok,
  });
}
