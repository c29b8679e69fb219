/**
 * Everything the lab's views show, derived from the params by calling core: the data, its
 * least-squares fit, the constrained optimum with its multiplier, the sampled loss and the prior.
 * Cheap (a few milliseconds), so it is recomputed on every change, including while dragging.
 * Pure: the views memoise it (renderer/labs/regularization/use-model.ts).
 */
import {
  regLoss,
  regLossGradient,
  regPenalty,
  regRidge,
  regStatsCreate,
  type RegStats,
} from '../../ml/regularization';
import {
  regConstrainedSolve,
  regConstraintFromLambda,
  type RegConstrained,
} from '../../ml/regularization-constrained';
import { regData2Create } from '../../ml/regularization-data';
import {
  regLossLevels,
  regNormalConeEdges,
  regRegionBoundary,
  regSurfaceGrid,
  type RegBox,
} from '../../ml/regularization-geometry';
import { regMapResidual, regPriorFromLambda, type RegPrior } from '../../ml/regularization-map';
import type { RegLabParams } from './params';

export const PLANE_GRID = 121;

/** The params the model depends on (the view choices are left out). */
export type RegModelInputs = Omit<RegLabParams, 'surface' | 'pathMethod' | 'view'>;

export interface RegLabModel {
  params: RegModelInputs;
  stats: RegStats;
  /** Least-squares fit ŵ and P_α(ŵ). */
  ols: Float64Array;
  olsPenalty: number;
  /** The constraint level t = tFraction · P_α(ŵ). */
  t: number;
  solution: RegConstrained;
  /** L(w) at the optimum and at ŵ. */
  lossAtOptimum: number;
  lossAtOls: number;
  /** ∇L at the optimum and the two edges of the region's normal cone there. */
  gradient: Float64Array;
  normalEdges: Float64Array;
  /** The (w₁, w₂) box every plane view shows, symmetric about 0. */
  box: RegBox;
  /** L on a PLANE_GRID² grid over box (values[j·n + i]). */
  lossGrid: Float64Array;
  lossLevels: number[];
  region: Float64Array;
  prior: RegPrior;
  /** Posterior-mode residual at the optimum in log-density units (0 at the MAP estimate). */
  mapResidual: number;
  /** How far the log prior and the log likelihood have fallen from their peaks at the mode. */
  logPriorDrop: number;
  logLikelihoodDrop: number;
}

/** Derives the model; see RegLabModel. */
export function regLabModel(params: RegModelInputs): RegLabModel {
  const data = regData2Create({
    n: params.n,
    correlation: params.correlation,
    noise: params.noise,
    weights: params.trueWeights,
    seed: params.seed,
  });
  const stats = regStatsCreate(data.x, data.y, data.n, 2);
  const ols = regRidge(stats, 0) ?? new Float64Array(2);
  const olsPenalty = regPenalty(ols, params.alpha);
  const t = params.tFraction * olsPenalty;
  const solution = regConstrainedSolve(stats, params.alpha, t);
  // Half-width of the view: room for ŵ and w° with a margin, in steps of ½ so it rarely jumps.
  const reach = Math.max(Math.abs(ols[0]), Math.abs(ols[1]), ...params.trueWeights.map(Math.abs));
  const r = Math.max(2, Math.ceil(reach * 1.3 * 2) / 2);
  const box = { xMin: -r, xMax: r, yMin: -r, yMax: r };
  const lossAtOls = regLoss(stats, ols);
  const lambda = Number.isFinite(solution.lambda) ? solution.lambda : 0;
  const prior = regPriorFromLambda(lambda, params.alpha, params.noise, params.n);
  return {
    params,
    stats,
    ols,
    olsPenalty,
    t,
    solution,
    lossAtOptimum: regLoss(stats, solution.w),
    lossAtOls,
    gradient: regLossGradient(stats, solution.w),
    normalEdges: regNormalConeEdges(solution.w, params.alpha),
    box,
    lossGrid: regSurfaceGrid(stats, 'loss', 0, params.alpha, box, PLANE_GRID),
    lossLevels: regLossLevels(stats, lossAtOls, box, 9),
    region: regRegionBoundary(params.alpha, t, 96),
    prior,
    mapResidual: regMapResidual(stats, solution.w, params.alpha, params.noise, prior.kappa),
    logPriorDrop: prior.kappa * solution.penalty,
    logLikelihoodDrop: (params.n / params.noise ** 2) * (regLoss(stats, solution.w) - lossAtOls),
  };
}

/** The tFraction that makes the multiplier equal λ (for the linked λ slider). */
export function regTFractionForLambda(m: RegLabModel, lambda: number): number {
  if (!(m.olsPenalty > 0)) return 0;
  return regConstraintFromLambda(m.stats, m.params.alpha, lambda) / m.olsPenalty;
}
