/**
 * Scalar activation functions f: ℝ → ℝ with their derivatives f′, TeX formulas and a saturation
 * descriptor for the "Activations & gradient flow" lab.
 *
 * Stability: every f and f′ is finite for all finite x (checked at ±1000). Exponentials are only
 * ever taken of −|x|, so they underflow to 0 instead of overflowing.
 *
 * NaN in gives NaN out for every f and f′, so a diverged run stays visibly diverged.
 *
 * Kinks: at a point where f is not differentiable (ReLU and leaky ReLU at 0, ELU at 0 when α ≠ 1)
 * f′ returns the LEFT derivative, so ReLU′(0) = 0, leakyReLU′(0) = slope, ELU′(0) = α.
 */

import { logisticSigmoid, logisticSigmoidDerivative, logisticSoftplus } from '../math/logistic';
import { normalCdf, sech2 } from './activations-special';

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const GELU_TANH_C = Math.sqrt(2 / Math.PI);
const GELU_TANH_K = 0.044715;

export { erf, erfc } from './activations-special';

/** Identifier of a registered activation. */
export type ActivationId =
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky-relu'
  | 'elu'
  | 'gelu'
  | 'gelu-tanh'
  | 'swish'
  | 'softplus'
  | 'mish'
  | 'linear';

/**
 * Where an activation saturates: the x-intervals on which |f′(x)| < threshold (the UI shades them).
 * Ends are ±Infinity for a tail that stays saturated. Computed numerically
 * (see activationSaturation).
 */
export interface ActivationSaturation {
  readonly threshold: number;
  readonly intervals: ReadonlyArray<readonly [number, number]>;
}

/** A scalar activation with its derivative, formulas (TeX) and descriptors. */
export interface Activation {
  readonly id: ActivationId;
  /** Human-readable name. */
  readonly label: string;
  /** f(x), dimensionless in and out. */
  readonly f: (x: number) => number;
  /** f′(x); the left derivative at kinks. */
  readonly df: (x: number) => number;
  /** TeX of f(x). */
  readonly texF: string;
  /** TeX of f′(x). */
  readonly texDf: string;
  /** x-locations where f is not differentiable (f′ there is the left derivative). */
  readonly kinks: readonly number[];
  /** A closed interval containing the image of f; finite ends only where they are elementary. */
  readonly range: readonly [number, number];
  /** Intervals where |f′| < 0.01. */
  readonly saturation: ActivationSaturation;
}

/**
 * Saturation intervals {x : |f′(x)| < threshold}: scan a uniform grid on [lo, hi] (step 0.01),
 * refine every boundary by 60 bisections, and report a run that reaches lo or hi as extending to
 * ∓∞. That extension holds for every registered activation because each f′ is monotone for
 * |x| > 10 (it tends to 0 or to a constant in each tail).
 */
export function activationSaturation(
  df: (x: number) => number,
  threshold = 0.01,
  lo = -50,
  hi = 50,
): ActivationSaturation {
  const n = Math.round((hi - lo) / 0.01);
  const at = (i: number): number => lo + ((hi - lo) * i) / n;
  const inside = (x: number): boolean => Math.abs(df(x)) < threshold;
  const edge = (a: number, b: number): number => {
    const aIn = inside(a);
    for (let k = 0; k < 60; k++) {
      const m = 0.5 * (a + b);
      if (inside(m) === aIn) a = m;
      else b = m;
    }
    const x = 0.5 * (a + b);
    return Math.abs(x) < 1e-12 ? 0 : x;
  };
  const intervals: Array<readonly [number, number]> = [];
  let start: number | null = inside(lo) ? -Infinity : null;
  for (let i = 1; i <= n; i++) {
    const was = inside(at(i - 1));
    const now = inside(at(i));
    if (!was && now) start = edge(at(i - 1), at(i));
    if (was && !now && start !== null) {
      intervals.push([start, edge(at(i - 1), at(i))]);
      start = null;
    }
  }
  if (start !== null) intervals.push([start, Infinity]);
  return { threshold, intervals };
}

type ActivationParts = Omit<Activation, 'saturation'>;

function activationMake(parts: ActivationParts): Activation {
  return { ...parts, saturation: activationSaturation(parts.df) };
}

/** Logistic sigmoid σ(x) = 1/(1+e^{−x}); σ′ = σ(1−σ) ≤ 1/4 with equality only at 0. */
export const activationSigmoid: Activation = activationMake({
  id: 'sigmoid',
  label: 'Sigmoid',
  f: logisticSigmoid,
  df: logisticSigmoidDerivative,
  texF: '\\sigma(x) = \\frac{1}{1+e^{-x}}',
  texDf: "\\sigma'(x) = \\sigma(x)\\,(1-\\sigma(x))",
  kinks: [],
  range: [0, 1],
});

/** Hyperbolic tangent tanh(x); tanh′ = 1 − tanh² = sech² ≤ 1. */
export const activationTanh: Activation = activationMake({
  id: 'tanh',
  label: 'Tanh',
  f: Math.tanh,
  df: sech2,
  texF: '\\tanh(x) = \\frac{e^{x}-e^{-x}}{e^{x}+e^{-x}}',
  texDf: "\\tanh'(x) = 1-\\tanh^2(x)",
  kinks: [],
  range: [-1, 1],
});

/** ReLU(x) = max(0, x); ReLU′(x) = 1 for x > 0, 0 for x ≤ 0 (ReLU′(0) := 0). */
export const activationRelu: Activation = activationMake({
  id: 'relu',
  label: 'ReLU',
  // Written so NaN propagates (a diverged run must not look healthy): NaN < 0, NaN ≤ 0 are false.
  f: (x) => (x < 0 ? 0 : x),
  df: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
  texF: '\\operatorname{ReLU}(x) = \\max(0, x)',
  texDf: "\\operatorname{ReLU}'(x) = \\begin{cases}1 & x>0\\\\0 & x\\le 0\\end{cases}",
  kinks: [0],
  range: [0, Infinity],
});

/** Leaky ReLU f(x) = x for x > 0, slope·x otherwise; f′(0) := slope. `slope` ≥ 0, default 0.01. */
export function activationLeakyRelu(slope = 0.01): Activation {
  return activationMake({
    id: 'leaky-relu',
    label: `Leaky ReLU (${slope})`,
    f: (x) => (x > 0 ? x : slope * x),
    df: (x) => (x > 0 ? 1 : x <= 0 ? slope : NaN),
    texF: `f(x) = \\begin{cases}x & x>0\\\\${slope}\\,x & x\\le 0\\end{cases}`,
    texDf: `f'(x) = \\begin{cases}1 & x>0\\\\${slope} & x\\le 0\\end{cases}`,
    kinks: [0],
    range: [-Infinity, Infinity],
  });
}

/** ELU f(x) = x for x > 0, α(eˣ−1) otherwise; f′ = 1 or αeˣ, f′(0) := α. `alpha` > 0, default 1. */
export function activationElu(alpha = 1): Activation {
  return activationMake({
    id: 'elu',
    label: `ELU (α=${alpha})`,
    f: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    df: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
    texF: `f(x) = \\begin{cases}x & x>0\\\\${alpha}\\,(e^{x}-1) & x\\le 0\\end{cases}`,
    texDf: `f'(x) = \\begin{cases}1 & x>0\\\\${alpha}\\,e^{x} & x\\le 0\\end{cases}`,
    kinks: alpha === 1 ? [] : [0],
    range: [-alpha, Infinity],
  });
}

/** Exact GELU f(x) = x·Φ(x) with Φ the standard normal CDF; f′ = Φ(x) + x·φ(x). */
export const activationGelu: Activation = activationMake({
  id: 'gelu',
  label: 'GELU',
  f: (x) => x * normalCdf(x),
  df: (x) => normalCdf(x) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x),
  texF: '\\operatorname{GELU}(x) = x\\,\\Phi(x) = \\tfrac{x}{2}\\left(1+\\operatorname{erf}(x/\\sqrt{2})\\right)',
  texDf: "\\operatorname{GELU}'(x) = \\Phi(x) + x\\,\\varphi(x)",
  kinks: [],
  range: [-Infinity, Infinity],
});

/**
 * GELU, tanh approximation: f(x) = ½x(1+tanh u), u = √(2/π)(x + 0.044715x³), evaluated as x·σ(2u)
 * (identical, since ½(1+tanh u) = σ(2u)); f′ = σ(2u) + 2x·σ′(2u)·u′, u′ = √(2/π)(1 + 3·0.044715x²).
 */
export const activationGeluTanh: Activation = activationMake({
  id: 'gelu-tanh',
  label: 'GELU (tanh approx.)',
  f: (x) => x * logisticSigmoid(2 * GELU_TANH_C * (x + GELU_TANH_K * x * x * x)),
  df: (x) => {
    const t = 2 * GELU_TANH_C * (x + GELU_TANH_K * x * x * x);
    const du = GELU_TANH_C * (1 + 3 * GELU_TANH_K * x * x);
    return logisticSigmoid(t) + 2 * x * logisticSigmoidDerivative(t) * du;
  },
  texF: '\\tfrac{x}{2}\\left(1+\\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x+0.044715\\,x^3)\\right)\\right)',
  texDf:
    "f'(x) = \\tfrac12(1+\\tanh u) + \\tfrac{x}{2}\\operatorname{sech}^2(u)\\,\\sqrt{2/\\pi}\\,(1+0.134145\\,x^2)",
  kinks: [],
  range: [-Infinity, Infinity],
});

/** Swish / SiLU f(x) = x·σ(x); f′ = σ(x) + x·σ(x)(1−σ(x)). */
export const activationSwish: Activation = activationMake({
  id: 'swish',
  label: 'Swish / SiLU',
  f: (x) => x * logisticSigmoid(x),
  df: (x) => logisticSigmoid(x) + x * logisticSigmoidDerivative(x),
  texF: '\\operatorname{SiLU}(x) = x\\,\\sigma(x)',
  texDf: "\\operatorname{SiLU}'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1-\\sigma(x))\\bigr)",
  kinks: [],
  range: [-Infinity, Infinity],
});

/** Softplus f(x) = log(1+eˣ) = max(x,0) + log1p(e^{−|x|}); f′ = σ(x). */
export const activationSoftplus: Activation = activationMake({
  id: 'softplus',
  label: 'Softplus',
  f: logisticSoftplus,
  df: logisticSigmoid,
  texF: '\\operatorname{softplus}(x) = \\log(1+e^{x})',
  texDf: "\\operatorname{softplus}'(x) = \\sigma(x)",
  kinks: [],
  range: [0, Infinity],
});

/** Mish f(x) = x·tanh(softplus(x)); f′ = tanh(s) + x·sech²(s)·σ(x), s = softplus(x). */
export const activationMish: Activation = activationMake({
  id: 'mish',
  label: 'Mish',
  f: (x) => x * Math.tanh(logisticSoftplus(x)),
  df: (x) => {
    const s = logisticSoftplus(x);
    return Math.tanh(s) + x * sech2(s) * logisticSigmoid(x);
  },
  texF: '\\operatorname{Mish}(x) = x\\,\\tanh(\\operatorname{softplus}(x))',
  texDf:
    "\\operatorname{Mish}'(x) = \\tanh(s) + x\\,\\operatorname{sech}^2(s)\\,\\sigma(x),\\; s=\\operatorname{softplus}(x)",
  kinks: [],
  range: [-Infinity, Infinity],
});

/** Identity f(x) = x; f′ = 1. Used for output layers. */
export const activationLinear: Activation = activationMake({
  id: 'linear',
  label: 'Linear',
  f: (x) => x,
  df: (x) => (Number.isNaN(x) ? NaN : 1),
  texF: 'f(x) = x',
  texDf: "f'(x) = 1",
  kinks: [],
  range: [-Infinity, Infinity],
});

/** Every activation by id; leaky ReLU with slope 0.01 and ELU with α = 1. */
export const ACTIVATIONS: Readonly<Record<ActivationId, Activation>> = {
  sigmoid: activationSigmoid,
  tanh: activationTanh,
  relu: activationRelu,
  'leaky-relu': activationLeakyRelu(),
  elu: activationElu(),
  gelu: activationGelu,
  'gelu-tanh': activationGeluTanh,
  swish: activationSwish,
  softplus: activationSoftplus,
  mish: activationMish,
  linear: activationLinear,
};
