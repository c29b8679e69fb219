/**
 * The loss-curve view's numbers: each overlaid regression loss ρ(r) and ρ′(r) over the residual
 * range, each overlaid classification loss ℓ and its derivative over the margin m = y·s (or over
 * p = σ(m), the probability given to the true class, with d/dp = ℓ′(m)/(p(1 − p))), and the values
 * at the two cursors. Pure: params in, numbers out.
 */
import {
  MARGIN_LOSS_IDS,
  MARGIN_LOSSES,
  type FocalShape,
  type MarginLossId,
} from '../../ml/losses-classification';
import {
  REGRESSION_LOSS_IDS,
  REGRESSION_LOSSES,
  type RegressionLossId,
  type RegressionShape,
} from '../../ml/losses-regression';
import { focalOf, shapeOf, type LossId, type LossesParams } from './params';

/** Samples per curve (odd, so the middle of the range is one of them). */
export const CURVE_SAMPLES = 241;
/** The margin chart spans m ∈ [−MARGIN_RANGE, MARGIN_RANGE]; the p chart [P_MIN, 1 − P_MIN]. */
export const MARGIN_RANGE = 4;
export const P_MIN = 0.01;

/** One chart row: x, and each loss's value under `id` and derivative under `id:d`. */
export type CurveRow = { x: number } & Record<string, number>;

export const dKey = (id: string) => `${id}:d`;

export interface CurveReadout {
  id: LossId;
  value: number;
  derivative: number;
}

export interface CurvesModel {
  regressionIds: RegressionLossId[];
  classificationIds: MarginLossId[];
  regressionRows: CurveRow[];
  classificationRows: CurveRow[];
  /** The residual cursor, clamped to the plotted range. */
  residual: number;
  /** The margin cursor, and p = σ(m) there. */
  margin: number;
  p: number;
  /** Values at the cursors: ρ, ρ′ at r; ℓ and dℓ/dm (or dℓ/dp) at the margin cursor. */
  regressionAt: CurveReadout[];
  classificationAt: CurveReadout[];
  /** Residuals or margins where a shown loss has a kink. */
  kinks: { id: LossId; at: number }[];
}

const sigmoid = (m: number) => 1 / (1 + Math.exp(-m));
const logit = (p: number) => Math.log(p / (1 - p));

/** ℓ and its derivative on the classification axis (d/dm, or d/dp on the probability axis). */
export function classificationAt(
  id: MarginLossId,
  m: number,
  axis: LossesParams['curves']['axis'],
  f: FocalShape,
): { value: number; derivative: number } {
  const l = MARGIN_LOSSES[id];
  const d = l.derivative(m, f);
  if (axis === 'margin') return { value: l.value(m, f), derivative: d };
  const p = sigmoid(m);
  return { value: l.value(m, f), derivative: d / (p * (1 - p)) };
}

export function regressionAt(id: RegressionLossId, r: number, s: RegressionShape) {
  const l = REGRESSION_LOSSES[id];
  return { value: l.value(r, s), derivative: l.derivative(r, s) };
}

export function curvesModel(params: LossesParams): CurvesModel {
  const c = params.curves;
  const s = shapeOf(params);
  const f = focalOf(params);
  const regressionIds = REGRESSION_LOSS_IDS.filter((id) => c.regression[id]);
  const classificationIds = MARGIN_LOSS_IDS.filter((id) => c.classification[id]);
  const regressionRows: CurveRow[] = [];
  const classificationRows: CurveRow[] = [];
  for (let k = 0; k < CURVE_SAMPLES; k++) {
    const u = k / (CURVE_SAMPLES - 1);
    const r = -c.range + 2 * c.range * u;
    const row: CurveRow = { x: r };
    for (const id of regressionIds) {
      const v = regressionAt(id, r, s);
      row[id] = v.value;
      row[dKey(id)] = v.derivative;
    }
    regressionRows.push(row);
    const x =
      c.axis === 'margin' ? -MARGIN_RANGE + 2 * MARGIN_RANGE * u : P_MIN + (1 - 2 * P_MIN) * u;
    const m = c.axis === 'margin' ? x : logit(x);
    const crow: CurveRow = { x };
    for (const id of classificationIds) {
      const v = classificationAt(id, m, c.axis, f);
      crow[id] = v.value;
      crow[dKey(id)] = v.derivative;
    }
    classificationRows.push(crow);
  }
  const residual = Math.max(-c.range, Math.min(c.range, c.residual));
  const margin = c.margin;
  const kinks: CurvesModel['kinks'] = [];
  for (const id of regressionIds)
    for (const at of REGRESSION_LOSSES[id].kinks(s)) kinks.push({ id, at });
  for (const id of classificationIds)
    for (const m of MARGIN_LOSSES[id].kinks)
      kinks.push({ id, at: c.axis === 'margin' ? m : sigmoid(m) });
  return {
    regressionIds,
    classificationIds,
    regressionRows,
    classificationRows,
    residual,
    margin,
    p: sigmoid(margin),
    regressionAt: REGRESSION_LOSS_IDS.map((id) => ({ id, ...regressionAt(id, residual, s) })),
    classificationAt: MARGIN_LOSS_IDS.map((id) => ({
      id,
      ...classificationAt(id, margin, c.axis, f),
    })),
    kinks,
  };
}
