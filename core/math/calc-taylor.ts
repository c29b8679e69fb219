/**
 * Taylor polynomials of one variable: coefficients from derivatives at the centre, evaluation, and
 * an estimate of the radius of convergence from the coefficients.
 *
 * Tₙ(x) = Σₖ₌₀ⁿ cₖ (x − a)ᵏ with cₖ = f⁽ᵏ⁾(a) / k!.
 */

/** k! as a float64 (exact up to 22!). */
export function calcFactorial(k: number): number {
  let out = 1;
  for (let i = 2; i <= k; i++) out *= i;
  return out;
}

/** cₖ = f⁽ᵏ⁾(a)/k! from derivs[k] = f⁽ᵏ⁾(a). */
export function calcTaylorCoefficients(derivs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(derivs.length);
  for (let k = 0; k < derivs.length; k++) out[k] = derivs[k] / calcFactorial(k);
  return out;
}

/** Tₙ(x) about a by Horner's rule in (x − a), using coefficients c₀…cₙ. */
export function calcTaylorEval(coeffs: ArrayLike<number>, n: number, a: number, x: number): number {
  const t = x - a;
  let out = 0;
  for (let k = Math.min(n, coeffs.length - 1); k >= 0; k--) out = out * t + coeffs[k];
  return out;
}

/** What the coefficients say about the radius of convergence R. */
export interface CalcRadiusEstimate {
  /** R ≈ |cₘ / cₙ|^{1/(n−m)} from the last two non-zero coefficients m < n; NaN if fewer than two. */
  readonly ratio: number;
  /** The orders m and n used. */
  readonly from: readonly [number, number] | null;
  /** Whether the estimate grew across the last pairs (a sign that R is infinite). */
  readonly growing: boolean;
}

/** Non-zero means above a tiny fraction of the largest coefficient (round-off leaves dust). */
function nonZeroOrders(coeffs: ArrayLike<number>): number[] {
  let scale = 0;
  for (let k = 0; k < coeffs.length; k++)
    if (Number.isFinite(coeffs[k])) scale = Math.max(scale, Math.abs(coeffs[k]));
  const out: number[] = [];
  for (let k = 1; k < coeffs.length; k++) {
    const c = coeffs[k];
    if (Number.isFinite(c) && Math.abs(c) > 1e-13 * scale) out.push(k);
  }
  return out;
}

const pairRatio = (c: ArrayLike<number>, m: number, n: number) =>
  Math.abs(c[m] / c[n]) ** (1 / (n - m));

/**
 * The ratio-test estimate of the radius from the highest two non-zero coefficients (so that series
 * with only odd or only even terms work), and whether it is still growing, which is what an
 * infinite radius (eˣ, sin) looks like at finite order.
 */
export function calcRadiusEstimate(coeffs: ArrayLike<number>): CalcRadiusEstimate {
  const ks = nonZeroOrders(coeffs);
  if (ks.length < 2) return { ratio: NaN, from: null, growing: false };
  const m = ks[ks.length - 2];
  const n = ks[ks.length - 1];
  const ratio = pairRatio(coeffs, m, n);
  let growing = false;
  if (ks.length >= 4) {
    const earlier = pairRatio(coeffs, ks[ks.length - 4], ks[ks.length - 3]);
    growing = ratio > 1.15 * earlier;
  }
  return { ratio, from: [m, n], growing };
}
