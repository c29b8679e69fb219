/**
 * The outlier view's numbers: the polynomial fitted to the points under each regression loss,
 * each point's pull on the focused fit (−∂L/∂ŷᵢ = ψ(rᵢ)/n), the residual histogram, a table of
 * every fit scored under every loss (each fit is best in its own column), the seeds' fixed
 * predictions scored the same way when the points are the seeds' example, the boxes the plots
 * draw, and the sweep the influence simulation runs. Pure and cheap (the five fits of 40 points
 * take well under a millisecond), so it runs on every drag.
 */
import { robustFit, type RobustFit } from '../../ml/losses-fit';
import { polyEval } from '../../ml/losses-poly';
import {
  REGRESSION_LOSS_IDS,
  REGRESSION_LOSSES,
  regressionLossMean,
  residualsOf,
  type RegressionLossId,
} from '../../ml/losses-regression';
import { isSeedExample, SEED_PREDICTIONS } from './data';
import { FIT_Y, fitPoints, shapeOf, type LossesParams } from './params';
import type { LossesInfluenceParams } from './sim';

export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface FitModel {
  xs: number[];
  ys: number[];
  /** Index of the outlier in xs / ys (the last point). */
  outlier: number;
  fits: Record<RegressionLossId, RobustFit>;
  /** Each fit sampled across the box's x range (x₀, ŷ₀, x₁, ŷ₁, …). */
  curves: Record<RegressionLossId, Float64Array>;
  /** The whole picture, outlier included; it does not change while the outlier is dragged. */
  box: Box;
  /** Close around the other points. */
  zoom: Box;
  /** The focused fit: each point's pull ψ(rᵢ)/n, and the outlier's share of Σ|pull|. */
  pulls: Float64Array;
  outlierShare: number;
  histogram: { edges: number[]; counts: number[] };
  /** Row = whose predictions, column = the loss scoring them (mean over the points). */
  table: { row: RegressionLossId | 'seed'; scores: Record<RegressionLossId, number> }[];
  /** The influence simulation's params for these points. */
  sweep: LossesInfluenceParams;
}

export const CURVE_POINTS = 121;
export const HISTOGRAM_BINS = 12;
export const SWEEP_COUNT = 161;

/** The outlier's sweep: 100 plus the other points' spread on each side of their mean. */
export function sweepRange(inliers: readonly (readonly [number, number])[]): [number, number] {
  const ys = inliers.map((p) => p[1]);
  const mean = ys.reduce((a, v) => a + v, 0) / ys.length;
  const half = 100 + Math.max(...ys) - Math.min(...ys);
  return [Math.max(FIT_Y.min, mean - half), Math.min(FIT_Y.max, mean + half)];
}

function padded(lo: number, hi: number, frac: number, least: number): [number, number] {
  const pad = Math.max(least, (hi - lo) * frac);
  return [lo - pad, hi + pad];
}

export function fitModel(params: LossesParams): FitModel {
  const s = shapeOf(params);
  const pts = fitPoints(params.fit);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const outlier = pts.length - 1;
  const fits = Object.fromEntries(
    REGRESSION_LOSS_IDS.map((id) => [id, robustFit(id, xs, ys, params.fit.degree, s)]),
  ) as Record<RegressionLossId, RobustFit>;

  const [sweepMin, sweepMax] = sweepRange(params.fit.inliers);
  const [xMin, xMax] = padded(Math.min(...xs), Math.max(...xs), 0.08, 0.5);
  const [yMin, yMax] = padded(Math.min(sweepMin, ...ys), Math.max(sweepMax, ...ys), 0.04, 1);
  const inY = params.fit.inliers.map((p) => p[1]);
  const [zMin, zMax] = padded(Math.min(...inY), Math.max(...inY), 0.35, 1);
  const box = { xMin, xMax, yMin, yMax };
  const zoom = { xMin, xMax, yMin: zMin, yMax: zMax };

  const curves = {} as Record<RegressionLossId, Float64Array>;
  for (const id of REGRESSION_LOSS_IDS) {
    const xy = new Float64Array(2 * CURVE_POINTS);
    for (let k = 0; k < CURVE_POINTS; k++) {
      const x = xMin + ((xMax - xMin) * k) / (CURVE_POINTS - 1);
      xy[2 * k] = x;
      xy[2 * k + 1] = polyEval(fits[id].coef, fits[id].basis, x);
    }
    curves[id] = xy;
  }

  const focus = fits[params.fit.focus];
  const n = xs.length;
  const pulls = Float64Array.from(
    focus.residuals,
    (r) => REGRESSION_LOSSES[params.fit.focus].derivative(r, s) / n,
  );
  const total = pulls.reduce((a, v) => a + Math.abs(v), 0);
  const outlierShare = total > 0 ? Math.abs(pulls[outlier]) / total : 0;

  const rMax = Math.max(1e-9, ...Array.from(focus.residuals, Math.abs));
  const edges = Array.from(
    { length: HISTOGRAM_BINS + 1 },
    (_, k) => -rMax + (2 * rMax * k) / HISTOGRAM_BINS,
  );
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const r of focus.residuals)
    counts[Math.min(HISTOGRAM_BINS - 1, Math.floor(((r + rMax) / (2 * rMax)) * HISTOGRAM_BINS))]++;

  const score = (pred: ArrayLike<number>) =>
    Object.fromEntries(
      REGRESSION_LOSS_IDS.map((id) => [id, regressionLossMean(id, residualsOf(ys, pred), s)]),
    ) as Record<RegressionLossId, number>;
  const table: FitModel['table'] = REGRESSION_LOSS_IDS.map((id) => ({
    row: id,
    scores: score(fits[id].predictions),
  }));
  if (isSeedExample(params.fit)) table.push({ row: 'seed', scores: score(SEED_PREDICTIONS) });

  return {
    xs,
    ys,
    outlier,
    fits,
    curves,
    box,
    zoom,
    pulls,
    outlierShare,
    histogram: { edges, counts },
    table,
    sweep: {
      inliers: params.fit.inliers.map((p) => [p[0], p[1]]),
      outlierX: params.fit.outlier[0],
      degree: params.fit.degree,
      delta: s.delta,
      tau: s.tau,
      yMin: sweepMin,
      yMax: sweepMax,
      count: SWEEP_COUNT,
    },
  };
}
