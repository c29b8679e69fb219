/**
 * The SVM view's numbers: the dual solution (α, w = Σαᵢyᵢxᵢ, b, the margin 2/‖w‖), each point's
 * margin value yᵢ(w·xᵢ + b) and the product αᵢ(yᵢ(w·xᵢ + b) − 1) that complementary slackness
 * sets to 0, and the primal found by the independent angle search, to set beside the dual.
 */
import {
  svmDualSolve,
  svmPrimalByAngle,
  type SvmFailure,
  type SvmSolution,
} from '../../math/calc-svm';
import type { CalculusParams } from './params';

export interface SvmModel {
  readonly solution: SvmSolution | SvmFailure;
  /** The primal by the angle search (only when the dual was solved). */
  readonly check: ReturnType<typeof svmPrimalByAngle> | null;
  /** αᵢ(yᵢ(w·xᵢ + b) − 1) for each point. */
  readonly products: Float64Array;
}

export function svmModel(p: CalculusParams['svm']): SvmModel {
  const solution = svmDualSolve(p.points);
  if (!solution.ok) return { solution, check: null, products: new Float64Array(0) };
  const products = solution.alpha.map((a, i) => a * solution.slack[i]);
  return { solution, check: svmPrimalByAngle(p.points), products };
}

/** The index of the point nearest (x, y), to move by a drag. */
export function svmNearest(points: CalculusParams['svm']['points'], x: number, y: number): number {
  let best = 0;
  for (let i = 1; i < points.length; i++)
    if (
      Math.hypot(points[i].x - x, points[i].y - y) <
      Math.hypot(points[best].x - x, points[best].y - y)
    )
      best = i;
  return best;
}
