/**
 * Central finite differences, the independent reference every analytic derivative is tested against.
 * Step h defaults to 1e-6·max(1, |x|); the truncation error is O(h²).
 */

/** d f / d x at x by the central difference (f(x+h) − f(x−h)) / 2h. */
export function finiteDiffScalar(f: (x: number) => number, x: number, h?: number): number {
  const step = h ?? 1e-6 * Math.max(1, Math.abs(x));
  return (f(x + step) - f(x - step)) / (2 * step);
}

/** Gradient of f: ℝⁿ → ℝ at x (length n) by central differences, one coordinate at a time. */
export function finiteDiffGradient(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h?: number,
): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const probe = Float64Array.from(x);
  for (let i = 0; i < n; i++) {
    const xi = probe[i];
    const step = h ?? 1e-6 * Math.max(1, Math.abs(xi));
    probe[i] = xi + step;
    const up = f(probe);
    probe[i] = xi - step;
    const down = f(probe);
    probe[i] = xi;
    g[i] = (up - down) / (2 * step);
  }
  return g;
}

/** Largest relative error max|a−b| / max(1e-12, max(|a|,|b|)) over two vectors (0 when equal). */
export function relativeErrorMax(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(1e-12, Math.abs(a[i]), Math.abs(b[i]));
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
  }
  return worst;
}
