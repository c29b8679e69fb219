/**
 * Regularization checks: the data loss's gradient, ridge against its normal equations, lasso
 * against the soft-threshold on an orthonormal design, and the KKT residual of every solver.
 */
import {
  regLoss,
  regLossGradient,
  regKktResidual,
  regRidge,
  regSoftThreshold,
  regStatsCreate,
  type RegStats,
} from '../ml/regularization';
import { regConstrainedSolve } from '../ml/regularization-constrained';
import {
  regData2Create,
  regDataWideCreate,
  regWideWeights,
  REG_DATA2_DEFAULTS,
} from '../ml/regularization-data';
import { regCoordinateDescent, regExactSmall } from '../ml/regularization-solve';
import { vectorGradientCheck, type VerifyCheck, type VerifyMeasured } from './verify-types';

let wide: RegStats | null = null;
/** The Regularization lab's wide problem: 8 AR(1) features, ρ = 0.6, 80 samples (built once). */
function wideStats(): RegStats {
  if (!wide) {
    const { train } = regDataWideCreate({
      nTrain: 80,
      nTest: 10,
      correlation: 0.6,
      noise: 1,
      weights: regWideWeights(8),
      seed: 4,
    });
    wide = regStatsCreate(train.x, train.y, train.n, train.p);
  }
  return wide;
}

function twoStats(): RegStats {
  const d = regData2Create(REG_DATA2_DEFAULTS);
  return regStatsCreate(d.x, d.y, d.n, d.p);
}

const LAMBDAS = [0.01, 0.1, 0.5];

/** Solves the p × p system M w = b by Gaussian elimination with partial pivoting. */
function solveDense(m: Float64Array, b: Float64Array, p: number): Float64Array {
  const a = Float64Array.from(m);
  const x = Float64Array.from(b);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * p + c]) > Math.abs(a[piv * p + c])) piv = r;
    for (let k = 0; k < p; k++) [a[c * p + k], a[piv * p + k]] = [a[piv * p + k], a[c * p + k]];
    [x[c], x[piv]] = [x[piv], x[c]];
    for (let r = c + 1; r < p; r++) {
      const f = a[r * p + c] / a[c * p + c];
      for (let k = c; k < p; k++) a[r * p + k] -= f * a[c * p + k];
      x[r] -= f * x[c];
    }
  }
  for (let r = p - 1; r >= 0; r--) {
    let v = x[r];
    for (let k = r + 1; k < p; k++) v -= a[r * p + k] * x[k];
    x[r] = v / a[r * p + r];
  }
  return x;
}

function ridgeMeasure(): VerifyMeasured {
  const s = wideStats();
  let error = 0;
  for (const lambda of LAMBDAS) {
    const w = regRidge(s, lambda);
    if (!w) return { error: Infinity, count: 0 };
    const m = Float64Array.from(s.gram);
    for (let j = 0; j < s.p; j++) m[j * s.p + j] += lambda;
    const ref = solveDense(m, s.xty, s.p);
    let scale = 1;
    for (const v of ref) scale = Math.max(scale, Math.abs(v));
    for (let j = 0; j < s.p; j++) error = Math.max(error, Math.abs(w[j] - ref[j]) / scale);
  }
  return { error, count: LAMBDAS.length * s.p };
}

/** An orthonormal design (XᵀX/n = I): the lasso solution is S(Xᵀy/n, λ) coordinate by coordinate. */
function lassoMeasure(): VerifyMeasured {
  const n = 8;
  const p = 4;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) x[i * p + j] = (i >> j) & 1 ? 1 : -1;
  }
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(1.7 * i + 0.3) * 2);
  const s = regStatsCreate(x, y, n, p);
  let error = 0;
  let count = 0;
  for (const lambda of [0.05, 0.3, 0.8]) {
    const exact = regExactSmall(s, lambda, 1).w;
    const cd = regCoordinateDescent(s, lambda, 1).w;
    for (let j = 0; j < p; j++) {
      const st = regSoftThreshold(s.xty[j], lambda);
      error = Math.max(error, Math.abs(exact[j] - st), Math.abs(cd[j] - st));
      count += 2;
    }
  }
  return { error, count };
}

function kktMeasure(): VerifyMeasured {
  const s = wideStats();
  let error = 0;
  let count = 0;
  for (const lambda of LAMBDAS) {
    for (const alpha of [1, 0.5]) {
      const { w } = regCoordinateDescent(s, lambda, alpha);
      error = Math.max(error, regKktResidual(s, w, lambda, alpha));
      count++;
    }
    const ridge = regRidge(s, lambda);
    if (ridge) error = Math.max(error, regKktResidual(s, ridge, lambda, 0));
    count++;
  }
  const two = twoStats();
  for (const alpha of [1, 0.5]) {
    for (const t of [0.3, 1]) {
      const c = regConstrainedSolve(two, alpha, t);
      error = Math.max(error, c.stationarity);
      count++;
    }
  }
  return { error, count };
}

function lossGradientMeasure(planted: boolean): VerifyMeasured {
  const s = wideStats();
  const w = Float64Array.from({ length: s.p }, (_, j) => 0.3 * j - 1);
  return vectorGradientCheck((t) => regLoss(s, t), w, regLossGradient(s, w), planted);
}

/** The regularization lab's checks. */
export const VERIFY_REGULARIZATION_CHECKS: readonly VerifyCheck[] = [
  {
    id: 'reg-loss-gradient',
    lab: 'regularization',
    name: 'Least-squares gradient',
    compares: 'Aw − b against differences of (1/2n)‖y − Xw‖² on 8 correlated features',
    measure: 'relative',
    tolerance: 1e-6,
    run: lossGradientMeasure,
  },
  {
    id: 'ridge-closed-form',
    lab: 'regularization',
    name: 'Ridge against its closed form',
    compares: 'the QR ridge fit against (XᵀX/n + λI)⁻¹Xᵀy/n by elimination, λ = 0.01, 0.1, 0.5',
    measure: 'relative',
    tolerance: 1e-10,
    formulas: ['regularization/ridge'],
    run: () => ridgeMeasure(),
  },
  {
    id: 'lasso-soft-threshold',
    lab: 'regularization',
    name: 'Lasso is a soft-threshold on an orthonormal design',
    compares: 'exact and coordinate-descent lasso against S(Xᵀy/n, λ) when XᵀX/n = I',
    measure: 'absolute',
    tolerance: 1e-12,
    formulas: ['regularization/lasso'],
    run: () => lassoMeasure(),
  },
  {
    id: 'reg-kkt-residual',
    lab: 'regularization',
    name: 'KKT residual of the solvers',
    compares:
      'max violation of 0 ∈ ∇L(w) + λ∂P(w) for lasso, elastic net and ridge fits, and the constrained solver',
    measure: 'absolute',
    tolerance: 1e-10,
    formulas: ['regularization/elastic-net', 'regularization/constraint'],
    run: () => kktMeasure(),
  },
];
