/**
 * The true functions of the bias–variance simulation and the polynomial basis its fits use.
 *
 * Every function lives on x ∈ [0, 1]. Fits are written in Legendre polynomials of t = 2x − 1,
 * which are orthogonal on [−1, 1] and stay of order 1 there, so a degree-15 design matrix is
 * well conditioned; the monomials 1, x, …, x¹⁵ on [0, 1] are nearly parallel columns
 * (condition number above 10¹⁰), and the normal equations would square that.
 */

export const TRUE_FUNCTION_IDS = ['sin', 'cubic', 'runge', 'step'] as const;
export type TrueFunctionId = (typeof TRUE_FUNCTION_IDS)[number];

export interface TrueFunction {
  /** The formula as KaTeX. */
  tex: string;
  /** Its name in plain words. */
  title: string;
  value(x: number): number;
}

/** The functions a dataset can be drawn from. */
export const TRUE_FUNCTIONS: Record<TrueFunctionId, TrueFunction> = {
  sin: { tex: '\\sin 2\\pi x', title: 'sin 2πx', value: (x) => Math.sin(2 * Math.PI * x) },
  /** A cubic: from degree 3 on the fits can be exact, so the bias falls to 0. */
  cubic: {
    tex: '12\\,(x-0.15)(x-0.5)(x-0.85)',
    title: 'a cubic',
    value: (x) => 12 * (x - 0.15) * (x - 0.5) * (x - 0.85),
  },
  /** Runge's function on t = 2x − 1: smooth, yet polynomials through equally spaced points swing. */
  runge: {
    tex: '\\frac{1}{1+25(2x-1)^2}',
    title: 'Runge’s bump',
    value: (x) => 1 / (1 + 25 * (2 * x - 1) ** 2),
  },
  /** A jump at x = 0.5: no polynomial gets the bias to 0. */
  step: {
    tex: '\\operatorname{sign}(x-0.5)',
    title: 'a step',
    value: (x) => (x < 0.5 ? -1 : x > 0.5 ? 1 : 0),
  },
};

/**
 * Writes P₀(t) … P_{k−1}(t), t = 2x − 1, into `out` (length ≥ k), by Bonnet's recurrence
 * (j + 1)·P_{j+1}(t) = (2j + 1)·t·P_j(t) − j·P_{j−1}(t). |P_j(t)| ≤ 1 on [−1, 1].
 */
export function legendreRow(x: number, k: number, out: Float64Array, offset = 0, stride = 1): void {
  const t = 2 * x - 1;
  let prev = 1;
  let cur = t;
  if (k > 0) out[offset] = 1;
  if (k > 1) out[offset + stride] = t;
  for (let j = 1; j + 1 < k; j++) {
    const next = ((2 * j + 1) * t * cur - j * prev) / (j + 1);
    prev = cur;
    cur = next;
    out[offset + (j + 1) * stride] = next;
  }
}

/** The midpoints (t + ½)/T, t = 0 … T − 1: where fits are compared with the truth (∫₀¹ by the midpoint rule). */
export function testGrid(count: number): Float64Array {
  return Float64Array.from({ length: count }, (_, t) => (t + 0.5) / count);
}

/** The fixed design: x_i = (i + ½)/n, equally spaced, the same for every dataset. */
export function fixedDesign(n: number): Float64Array {
  return testGrid(n);
}
