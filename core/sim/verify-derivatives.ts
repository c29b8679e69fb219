/**
 * Derivative checks: every activation's f′, every loss's derivative, and each descent surface's
 * gradient and Hessian against central differences of the function itself.
 */
import { ACTIVATIONS } from '../ml/activations';
import {
  MARGIN_LOSSES,
  MARGIN_LOSS_IDS,
  bceLogits,
  bceLogitsDerivative,
  focalLogits,
  focalLogitsDerivative,
  type FocalShape,
} from '../ml/losses-classification';
import {
  REGRESSION_LOSSES,
  REGRESSION_LOSS_IDS,
  type RegressionShape,
} from '../ml/losses-regression';
import { SURFACES } from '../ml/surfaces';
import {
  scalarDerivativeCheck,
  verifyGrid,
  verifyPlanted,
  verifyWorst,
  type VerifyCheck,
  type VerifyMeasured,
} from './verify-types';

const DERIVATIVE_TOL = 1e-6;
const XS = verifyGrid(-5, 5, 41).map((x) => x + 0.013);

const activationChecks: VerifyCheck[] = Object.values(ACTIVATIONS).map((a) => ({
  id: `activation-${a.id}`,
  lab: 'activations',
  name: `${a.label}: f′`,
  compares: 'f′(x) against (f(x+h) − f(x−h))/2h at 41 points in [−5, 5]',
  measure: 'relative',
  tolerance: DERIVATIVE_TOL,
  formulas: [`activations/${a.id}`],
  run: (planted) => scalarDerivativeCheck(a.f, a.df, XS, a.kinks, planted),
}));

const SHAPE: RegressionShape = { delta: 1.3, tau: 0.3 };
const RESIDUALS = verifyGrid(-4, 4, 33).map((r) => r + 0.017);

const regressionChecks: VerifyCheck[] = REGRESSION_LOSS_IDS.map((id) => {
  const loss = REGRESSION_LOSSES[id];
  const kinks = loss.kinks(SHAPE);
  return {
    id: `loss-${id}`,
    lab: 'losses',
    name: `${loss.label}: ρ′ and ρ″`,
    compares:
      'ρ′(r) against differences of ρ, and ρ″(r) against differences of ρ′ (δ = 1.3, τ = 0.3)',
    measure: 'relative',
    tolerance: DERIVATIVE_TOL,
    formulas: [`losses/${id}`],
    run: (planted) =>
      verifyWorst(
        scalarDerivativeCheck(
          (r) => loss.value(r, SHAPE),
          (r) => loss.derivative(r, SHAPE),
          RESIDUALS,
          kinks,
          planted,
        ),
        scalarDerivativeCheck(
          (r) => loss.derivative(r, SHAPE),
          (r) => loss.curvature(r, SHAPE),
          RESIDUALS,
          [...kinks, -SHAPE.delta, SHAPE.delta],
          false,
        ),
      ),
  };
});

const FOCAL: FocalShape = { gamma: 2, alpha: 0.25 };
const MARGINS = verifyGrid(-4, 4, 33).map((m) => m + 0.011);

/** The margin losses the Losses lab names as formulas. */
const MARGIN_FORMULAS: readonly string[] = ['logistic', 'hinge', 'focal'];

const marginChecks: VerifyCheck[] = MARGIN_LOSS_IDS.map((id) => {
  const loss = MARGIN_LOSSES[id];
  return {
    id: `margin-${id}`,
    lab: 'losses',
    name: `${loss.label}: ℓ′(m)`,
    compares: 'ℓ′(m) against differences of ℓ at 33 margins in [−4, 4] (focal γ = 2, α = 0.25)',
    measure: 'relative',
    tolerance: DERIVATIVE_TOL,
    formulas: MARGIN_FORMULAS.includes(id) ? [`losses/${id}`] : [],
    run: (planted) =>
      scalarDerivativeCheck(
        (m) => loss.value(m, FOCAL),
        (m) => loss.derivative(m, FOCAL),
        MARGINS,
        loss.kinks,
        planted,
      ),
  };
});

const logitChecks: VerifyCheck[] = [
  {
    id: 'loss-bce-logits',
    lab: 'losses',
    name: 'Binary cross-entropy on logits: ∂/∂z',
    compares: 'σ(z) − y against differences of BCE(z, y) for y = 0 and 1',
    measure: 'relative',
    tolerance: DERIVATIVE_TOL,
    formulas: ['losses/logistic'],
    run: (planted) =>
      verifyWorst(
        scalarDerivativeCheck(
          (z) => bceLogits(z, 1),
          (z) => bceLogitsDerivative(z, 1),
          MARGINS,
          [],
          planted,
        ),
        scalarDerivativeCheck(
          (z) => bceLogits(z, 0),
          (z) => bceLogitsDerivative(z, 0),
          MARGINS,
          [],
          false,
        ),
      ),
  },
  {
    id: 'loss-focal-logits',
    lab: 'losses',
    name: 'Focal loss on logits: ∂/∂z',
    compares: 'the focal loss’s derivative in z against differences, for y = 0 and 1',
    measure: 'relative',
    tolerance: DERIVATIVE_TOL,
    formulas: ['losses/focal'],
    run: (planted) =>
      verifyWorst(
        scalarDerivativeCheck(
          (z) => focalLogits(z, 1, FOCAL),
          (z) => focalLogitsDerivative(z, 1, FOCAL),
          MARGINS,
          [],
          planted,
        ),
        scalarDerivativeCheck(
          (z) => focalLogits(z, 0, FOCAL),
          (z) => focalLogitsDerivative(z, 0, FOCAL),
          MARGINS,
          [],
          false,
        ),
      ),
  },
];

const FRACTIONS = [0.11, 0.29, 0.47, 0.63, 0.87];

/** ∇f and the Hessian of one surface against differences of f and of ∇f on a 5 × 5 grid. */
function surfaceMeasure(s: (typeof SURFACES)[number], planted: boolean): VerifyMeasured {
  const d = s.domain;
  const g = [0, 0];
  const gu = [0, 0];
  const gd = [0, 0];
  const hs = [0, 0, 0];
  let error = 0;
  let count = 0;
  for (const fx of FRACTIONS) {
    for (const fy of FRACTIONS) {
      const x = d.xMin + fx * (d.xMax - d.xMin);
      const y = d.yMin + fy * (d.yMax - d.yMin);
      const hx = 1e-5 * Math.max(1, Math.abs(x));
      const hy = 1e-5 * Math.max(1, Math.abs(y));
      s.gradient(x, y, g);
      s.hessian(x, y, hs);
      const nx = (s.value(x + hx, y) - s.value(x - hx, y)) / (2 * hx);
      const ny = (s.value(x, y + hy) - s.value(x, y - hy)) / (2 * hy);
      const scale = Math.max(1, Math.abs(g[0]), Math.abs(g[1]));
      error = Math.max(
        error,
        Math.abs(verifyPlanted(g[0], planted && count === 0) - nx) / scale,
        Math.abs(g[1] - ny) / scale,
      );
      s.gradient(x + hx, y, gu);
      s.gradient(x - hx, y, gd);
      const hxx = (gu[0] - gd[0]) / (2 * hx);
      const hxy = (gu[1] - gd[1]) / (2 * hx);
      s.gradient(x, y + hy, gu);
      s.gradient(x, y - hy, gd);
      const hyy = (gu[1] - gd[1]) / (2 * hy);
      const hScale = Math.max(1, Math.abs(hs[0]), Math.abs(hs[1]), Math.abs(hs[2]));
      error = Math.max(
        error,
        Math.abs(hs[0] - hxx) / hScale,
        Math.abs(hs[1] - hxy) / hScale,
        Math.abs(hs[2] - hyy) / hScale,
      );
      count += 5;
    }
  }
  return { error, count };
}

const surfaceChecks: VerifyCheck[] = SURFACES.map((s) => ({
  id: `surface-${s.id}`,
  lab: 'descent',
  name: `${s.title}: ∇f and Hessian`,
  compares: '∇f against differences of f, the Hessian against differences of ∇f, on a 5 × 5 grid',
  measure: 'relative',
  tolerance: 1e-5,
  run: (planted) => surfaceMeasure(s, planted),
}));

/** Every derivative check of scalar functions and surfaces. */
export const VERIFY_DERIVATIVE_CHECKS: readonly VerifyCheck[] = [
  ...activationChecks,
  ...regressionChecks,
  ...marginChecks,
  ...logitChecks,
  ...surfaceChecks,
];
