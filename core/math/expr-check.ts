/**
 * Domain sanity check for a custom f(x, y): sample the lab's view box and tell the user when f is
 * undefined (NaN) or infinite there — everywhere (an error: nothing to draw or descend) or on part
 * of the box (a warning with the fraction, e.g. sqrt(x) on a box that crosses x = 0).
 */
import { exprEvalGrid, type ExprCompiled } from './expr-compile';

/** An axis-aligned box xMin ≤ x ≤ xMax, yMin ≤ y ≤ yMax (same units as x and y). */
export interface ExprDomain {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/**
 * Outcome of sampling. `ok` is false when f is non-finite at every sample (or the box is invalid).
 * Fractions are in [0, 1] over the sample grid; `message` is set for errors and warnings.
 */
export interface ExprDomainReport {
  readonly ok: boolean;
  readonly sampleCount: number;
  readonly valueBadFraction: number;
  readonly gradientBadFraction: number;
  readonly message?: string;
}

/**
 * Row-major grid of nx × ny points covering the box, edges included: point i = iy·nx + ix is
 * (xMin + ix·(xMax−xMin)/(nx−1), yMin + iy·(yMax−yMin)/(ny−1)). Needs nx, ny ≥ 2.
 */
export function exprGridPoints(
  domain: ExprDomain,
  nx: number,
  ny: number,
): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(nx * ny);
  const ys = new Float64Array(nx * ny);
  const dx = (domain.xMax - domain.xMin) / (nx - 1);
  const dy = (domain.yMax - domain.yMin) / (ny - 1);
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      xs[iy * nx + ix] = ix === nx - 1 ? domain.xMax : domain.xMin + ix * dx;
      ys[iy * nx + ix] = iy === ny - 1 ? domain.yMax : domain.yMin + iy * dy;
    }
  }
  return { xs, ys };
}

const percent = (fraction: number): string =>
  fraction < 0.01 ? 'under 1%' : `${Math.round(fraction * 100)}%`;

/**
 * Samples f and ∇f on a samplesPerAxis² grid over the domain (default 41² = 1681 points).
 * Error when f is NaN/±∞ at every sample; warning when f or its gradient is non-finite at some.
 */
export function exprSampleCheck(
  compiled: ExprCompiled,
  domain: ExprDomain,
  samplesPerAxis = 41,
): ExprDomainReport {
  const { xMin, xMax, yMin, yMax } = domain;
  if (![xMin, xMax, yMin, yMax].every(Number.isFinite) || !(xMin < xMax) || !(yMin < yMax)) {
    return {
      ok: false,
      sampleCount: 0,
      valueBadFraction: 1,
      gradientBadFraction: 1,
      message: 'The domain must be a box with finite bounds and min < max on both axes.',
    };
  }
  const n = Math.max(2, Math.floor(samplesPerAxis));
  const { xs, ys } = exprGridPoints(domain, n, n);
  const f = new Float64Array(n * n);
  const fx = new Float64Array(n * n);
  const fy = new Float64Array(n * n);
  exprEvalGrid(compiled, xs, ys, { f, fx, fy });
  let badValue = 0;
  let badGradient = 0;
  for (let i = 0; i < f.length; i++) {
    if (!Number.isFinite(f[i])) badValue++;
    else if (!Number.isFinite(fx[i]) || !Number.isFinite(fy[i])) badGradient++;
  }
  const sampleCount = f.length;
  const valueBadFraction = badValue / sampleCount;
  const gradientBadFraction = badGradient / sampleCount;
  const report = { sampleCount, valueBadFraction, gradientBadFraction };
  const box = `[${xMin}, ${xMax}] × [${yMin}, ${yMax}]`;
  if (badValue === sampleCount) {
    return {
      ok: false,
      ...report,
      message: `f is undefined or infinite everywhere on ${box} (e.g. log or sqrt of a negative number); change f or the domain.`,
    };
  }
  const parts: string[] = [];
  if (badValue > 0)
    parts.push(`f is undefined or infinite on ${percent(valueBadFraction)} of ${box}`);
  if (badGradient > 0) {
    parts.push(`the gradient is undefined or infinite on ${percent(gradientBadFraction)} more`);
  }
  if (parts.length === 0) return { ok: true, ...report };
  const joined = parts.join('; ');
  return {
    ok: true,
    ...report,
    message: `Warning: ${joined}. Descent stops if it walks there.`,
  };
}
