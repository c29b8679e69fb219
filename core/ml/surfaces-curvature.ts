/**
 * What the Hessian at a point says about gradient descent there. Only where the Hessian is
 * positive definite does the local quadratic have a minimum that fixed steps η < 2/λmax approach;
 * at a saddle, a cap or a flat direction there is no such bound, and the verdict says so.
 */
import { sym2Classify, sym2Eigen } from '../math/linalg2';

export type CurvatureShape = 'bowl' | 'saddle' | 'cap' | 'flat';

export interface CurvatureVerdict {
  /** Eigenvalues of ∇²f, λmax ≥ λmin. */
  lambdaMax: number;
  lambdaMin: number;
  /** bowl: positive definite; saddle: indefinite; cap: negative definite; flat: singular (semi-definite). */
  shape: CurvatureShape;
  /** λmax/λmin where the Hessian is positive definite; null elsewhere (κ is not defined there). */
  kappa: number | null;
  /** The largest stable gradient-descent step 2/λmax, only where the Hessian is positive definite. */
  stableStep: number | null;
}

const SHAPE = { minimum: 'bowl', maximum: 'cap', saddle: 'saddle', degenerate: 'flat' } as const;

/**
 * Reads the packed Hessian [fxx, fxy, fyy] with the same test that classifies critical points
 * (`sym2Classify`): an eigenvalue within a relative 1e-9 of zero (of the larger magnitude) counts
 * as zero, so round-off never turns a flat direction into a bowl.
 */
export function curvatureVerdict(h: ArrayLike<number>): CurvatureVerdict {
  const { lambda1, lambda2 } = sym2Eigen(h[0], h[1], h[2]);
  const shape: CurvatureShape = SHAPE[sym2Classify(h[0], h[1], h[2], 1e-9)];
  const pd = shape === 'bowl';
  return {
    lambdaMax: lambda1,
    lambdaMin: lambda2,
    shape,
    kappa: pd ? lambda1 / lambda2 : null,
    stableStep: pd ? 2 / lambda1 : null,
  };
}
