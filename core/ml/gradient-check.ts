/**
 * Gradient checking: each analytic partial derivative beside the central difference
 *   (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h,  h = 1e-5 · max(1, |θᵢ|),
 * and their relative error |a − n| / max(|a|, |n|, 1e-6). The floor keeps a correct gradient that is
 * almost zero from reading as a large relative error; above it the error is truly relative.
 * A partial derivative passes when its relative error is below GRADIENT_CHECK_TOLERANCE.
 */

/** Relative error above which a partial derivative is reported wrong. */
export const GRADIENT_CHECK_TOLERANCE = 1e-5;

/** One row of a gradient check. */
export interface GradientCheckRow {
  readonly analytic: number;
  /** Central difference. */
  readonly numeric: number;
  /** Step used for this coordinate. */
  readonly h: number;
  readonly relError: number;
  readonly ok: boolean;
}

/** |a − n| / max(|a|, |n|, 1e-6). */
export function gradientRelError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-6);
}

/**
 * Checks `analytic` (∂f/∂θᵢ for each i) against central differences of f at θ. f receives a copy
 * of θ with one coordinate moved; θ itself is not changed.
 */
export function gradientCheck(
  f: (theta: Float64Array) => number,
  theta: ArrayLike<number>,
  analytic: ArrayLike<number>,
): GradientCheckRow[] {
  const probe = Float64Array.from(theta);
  const rows: GradientCheckRow[] = [];
  for (let i = 0; i < probe.length; i++) {
    const t = probe[i];
    const h = 1e-5 * Math.max(1, Math.abs(t));
    probe[i] = t + h;
    const up = f(probe);
    probe[i] = t - h;
    const down = f(probe);
    probe[i] = t;
    const numeric = (up - down) / (2 * h);
    const relError = gradientRelError(analytic[i], numeric);
    rows.push({
      analytic: analytic[i],
      numeric,
      h,
      relError,
      ok: relError < GRADIENT_CHECK_TOLERANCE,
    });
  }
  return rows;
}
