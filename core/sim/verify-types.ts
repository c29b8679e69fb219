/**
 * The app's own checks, run live ("How we know it's right"): each compares an analytic result with
 * an independent computation (a central difference, a closed form, an invariant) and reports the
 * largest error it measured against its tolerance. Nothing here is stored: every number is
 * computed when the check runs.
 */

/** How the error of a check is measured. */
export type VerifyMeasure = 'relative' | 'absolute';

/** What a check measured. */
export interface VerifyMeasured {
  /** Largest error over every point compared. */
  readonly error: number;
  /** How many numbers were compared. */
  readonly count: number;
}

/** Test-only options of a run: a planted wrong derivative proves a check can fail. */
export interface VerifyOptions {
  /**
   * The id of one check whose analytic derivative is moved by 1e-3·max(1, |a|) before it is
   * compared (only derivative checks honour it).
   */
  readonly plant?: string;
}

/** One check of the catalog. */
export interface VerifyCheck {
  /** Stable kebab-case id (a formula links to it). */
  readonly id: string;
  /** The lab whose math it checks (the page groups by it and links back). */
  readonly lab: string;
  readonly name: string;
  /** What is compared with what, in words. */
  readonly compares: string;
  readonly measure: VerifyMeasure;
  readonly tolerance: number;
  /** Formulas of the labs this check backs, as `labId/formulaId`. */
  readonly formulas?: readonly string[];
  run(planted: boolean): VerifyMeasured;
}

/** The outcome of one check, as the page shows it. */
export interface VerifyRow {
  readonly id: string;
  readonly lab: string;
  readonly name: string;
  readonly compares: string;
  readonly measure: VerifyMeasure;
  readonly tolerance: number;
  readonly error: number;
  readonly count: number;
  readonly pass: boolean;
  /** Time the check took on this machine (ms). */
  readonly ms: number;
}

/** The planted perturbation: a + 1e-3·max(1, |a|). */
export const verifyPlanted = (a: number, planted: boolean): number =>
  planted ? a + 1e-3 * Math.max(1, Math.abs(a)) : a;

/** |a − n| / max(1, |a|, |n|): relative for large values, absolute below 1. */
export const verifyError = (a: number, n: number): number =>
  Math.abs(a - n) / Math.max(1, Math.abs(a), Math.abs(n));

/** Central difference (f(x + h) − f(x − h)) / 2h with h = 1e-5·max(1, |x|). */
export function centralDifference(f: (x: number) => number, x: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** n evenly spaced points from lo to hi. */
export function verifyGrid(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

/** Compares df with the central difference of f at xs (skipping points within 0.01 of a kink). */
export function scalarDerivativeCheck(
  f: (x: number) => number,
  df: (x: number) => number,
  xs: readonly number[],
  kinks: readonly number[],
  planted: boolean,
): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const x of xs) {
    if (kinks.some((k) => Math.abs(x - k) < 0.01)) continue;
    error = Math.max(error, verifyError(verifyPlanted(df(x), planted), centralDifference(f, x)));
    count++;
  }
  return { error, count };
}

/**
 * Compares a gradient with central differences of f at θ, coordinate by coordinate; the first
 * coordinate's analytic value carries the plant.
 */
export function vectorGradientCheck(
  f: (theta: Float64Array) => number,
  theta: ArrayLike<number>,
  analytic: ArrayLike<number>,
  planted: boolean,
): VerifyMeasured {
  const probe = Float64Array.from(theta);
  let error = 0;
  for (let i = 0; i < probe.length; i++) {
    const t = probe[i];
    const h = 1e-5 * Math.max(1, Math.abs(t));
    probe[i] = t + h;
    const up = f(probe);
    probe[i] = t - h;
    const down = f(probe);
    probe[i] = t;
    const a = verifyPlanted(analytic[i], planted && i === 0);
    error = Math.max(error, verifyError(a, (up - down) / (2 * h)));
  }
  return { error, count: probe.length };
}

/** The worse of two measurements, with their counts added. */
export const verifyWorst = (a: VerifyMeasured, b: VerifyMeasured): VerifyMeasured => ({
  error: Math.max(a.error, b.error),
  count: a.count + b.count,
});
