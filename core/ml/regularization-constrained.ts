/**
 * The constraint form of regularized least squares,
 *   minimise L(w) subject to P_α(w) ≤ t        (L, P_α as in regularization.ts),
 * solved exactly through its Lagrange multiplier.
 *
 * Why this works. For λ ≥ 0 let w(λ) minimise L + λ·P_α. The map λ ↦ P_α(w(λ)) is continuous
 * and non-increasing (if λ₁ < λ₂, optimality of each point gives
 * (λ₂ − λ₁)(P(w(λ₁)) − P(w(λ₂))) ≥ 0), and strictly decreasing wherever w(λ) ≠ 0 when A is
 * positive definite. If t ≥ P_α(ŵ), ŵ the least-squares solution, the constraint is slack and
 * λ = 0. Otherwise the λ* with P_α(w(λ*)) = t satisfies the KKT conditions of the constrained
 * problem (stationarity 0 ∈ ∇L + λ*·∂P_α, feasibility, complementary slackness λ*·(P − t) = 0),
 * which for this convex problem with a strictly feasible point (Slater, t > 0) are sufficient:
 * w(λ*) is the constrained optimum and λ* its multiplier. λ* is found by a bracketed secant
 * (Illinois) iteration with bisection as a safeguard, to |P_α(w(λ)) − t| ≤ 1e-13·max(1, t) or
 * until the bracket is a few ulps wide.
 */
import {
  regKktResidual,
  regLambdaMax,
  regPenalty,
  regRidge,
  type RegStats,
} from './regularization';
import { regPenalized } from './regularization-solve';

/** The constrained optimum and its certificate. */
export interface RegConstrained {
  /** Constrained minimiser (length p); zeros are exact. */
  readonly w: Float64Array;
  /**
   * Lagrange multiplier λ* ≥ 0: the penalized problem at λ* has the same solution. 0 when the
   * constraint is slack. At t = 0 with α > 0 the multiplier is not unique and the smallest one,
   * λ_max = ‖b‖∞/α, is returned; at t = 0 with α = 0 no finite multiplier exists (Infinity).
   */
  readonly lambda: number;
  /** True when the constraint is binding (P_α(w) = t). */
  readonly active: boolean;
  readonly t: number;
  /** P_α(w). */
  readonly penalty: number;
  /** zeros[j] is true when w_j is exactly 0. */
  readonly zeros: readonly boolean[];
  /** Root-finding iterations used. */
  readonly iterations: number;
  /** |P_α(w) − t| when active, max(0, P_α(w) − t) when slack. */
  readonly feasibility: number;
  /** KKT stationarity residual of the penalized problem at (w, λ) (regKktResidual). */
  readonly stationarity: number;
}

/** Options of regConstrainedSolve. */
export interface RegConstrainedOptions {
  /** Target |P_α(w(λ)) − t| relative to max(1, t); default 1e-13. */
  readonly tol?: number;
  /** Most root-finding iterations; default 400. */
  readonly maxIterations?: number;
}

function finish(
  s: RegStats,
  alpha: number,
  t: number,
  w: Float64Array,
  lambda: number,
  active: boolean,
  iterations: number,
): RegConstrained {
  const penalty = regPenalty(w, alpha);
  return {
    w,
    lambda,
    active,
    t,
    penalty,
    zeros: Array.from(w, (v) => v === 0),
    iterations,
    feasibility: active ? Math.abs(penalty - t) : Math.max(0, penalty - t),
    stationarity: Number.isFinite(lambda) ? regKktResidual(s, w, lambda, alpha) : 0,
  };
}

/** min L(w) s.t. P_α(w) ≤ t, with its multiplier (see the module comment for the method). */
export function regConstrainedSolve(
  s: RegStats,
  alpha: number,
  t: number,
  opts: RegConstrainedOptions = {},
): RegConstrained {
  const tolAbs = (opts.tol ?? 1e-13) * Math.max(1, t);
  const maxIt = opts.maxIterations ?? 400;
  const { p } = s;
  const ols = regRidge(s, 0) ?? regPenalized(s, 1e-12, alpha).w;
  const olsPenalty = regPenalty(ols, alpha);
  if (t >= olsPenalty) return finish(s, alpha, t, ols, 0, false, 0);
  if (t <= 0) {
    const lambdaMax = regLambdaMax(s, alpha);
    return finish(s, alpha, Math.max(0, t), new Float64Array(p), lambdaMax, true, 0);
  }
  let warm: Float64Array = ols;
  const evaluate = (lambda: number) => {
    const w = regPenalized(s, lambda, alpha, warm).w;
    warm = w;
    return { w, g: regPenalty(w, alpha) - t };
  };
  // Bracket [lo, hi] with g(lo) > 0 > g(hi).
  let lo = 0;
  let flo = olsPenalty - t;
  let hi = alpha > 0 ? regLambdaMax(s, alpha) : 1;
  let atHi = evaluate(hi);
  let iterations = 0;
  while (atHi.g >= 0 && iterations < 2000) {
    lo = hi;
    flo = atHi.g;
    hi *= 2;
    atHi = evaluate(hi);
    iterations++;
  }
  let fhi = atHi.g;
  let best =
    Math.abs(flo) < Math.abs(fhi) ? { lambda: lo, ...evaluate(lo) } : { lambda: hi, ...atHi };
  let side = 0;
  let bisectNext = false;
  for (let it = 0; it < maxIt; it++) {
    iterations++;
    const width = hi - lo;
    let mid = bisectNext ? 0.5 * (lo + hi) : hi - (fhi * (hi - lo)) / (fhi - flo);
    if (!(mid > lo && mid < hi)) mid = 0.5 * (lo + hi);
    if (!(mid > lo && mid < hi)) break; // the bracket is down to adjacent doubles
    const at = evaluate(mid);
    if (Math.abs(at.g) < Math.abs(best.g)) best = { lambda: mid, ...at };
    if (Math.abs(at.g) <= tolAbs) break;
    if (at.g > 0) {
      lo = mid;
      flo = at.g;
      if (side === 1) fhi *= 0.5;
      side = 1;
    } else {
      hi = mid;
      fhi = at.g;
      if (side === -1) flo *= 0.5;
      side = -1;
    }
    bisectNext = hi - lo > 0.5 * width;
  }
  return finish(s, alpha, t, best.w, best.lambda, true, iterations);
}

/**
 * The constraint level t that corresponds to a penalty weight λ: t = P_α(w(λ)). Together with
 * regConstrainedSolve this links the two forms both ways (λ → t → λ returns λ whenever
 * 0 < λ < λ_max; past λ_max every λ gives t = 0).
 */
export function regConstraintFromLambda(s: RegStats, alpha: number, lambda: number): number {
  return regPenalty(regPenalized(s, lambda, alpha).w, alpha);
}
