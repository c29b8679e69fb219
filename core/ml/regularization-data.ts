/**
 * Seeded linear-regression data for the regularization lab.
 *
 * Two features: x₁ = z₁, x₂ = ρ·z₁ + √(1 − ρ²)·z₂ with z ~ N(0, I), so each feature has unit
 * variance and corr(x₁, x₂) = ρ; y = x·w° + σ·ε with ε ~ N(0, 1). Wide data (p ≥ 6 features):
 * an AR(1) chain x₁ = z₁, x_j = ρ·x_{j−1} + √(1 − ρ²)·z_j, so corr(x_i, x_j) = ρ^|i−j|.
 *
 * Every column and the target are centred by the training means (the test split is centred with
 * the training means too), which makes a model without intercept equal to one with an
 * unpenalized intercept. Draws happen in a fixed order (all z and ε first), so moving the true
 * weights changes y linearly and nothing else: dragging w° moves the data smoothly.
 */
import { rngCreate } from '../math/rng';

/** Row-major design X (n×p) and target y (length n). */
export interface RegDataset {
  readonly n: number;
  readonly p: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Options of the two-feature generator. */
export interface RegData2Options {
  /** Samples n (≥ 2). */
  readonly n: number;
  /** Feature correlation ρ ∈ (−1, 1). */
  readonly correlation: number;
  /** Noise standard deviation σ ≥ 0 (units of y). */
  readonly noise: number;
  /** True weights w° = (w₁°, w₂°), which generate the data. */
  readonly weights: readonly [number, number];
  readonly seed: number;
}

function centre(x: Float64Array, y: Float64Array, n: number, p: number) {
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < n; i++) {
    yMean += y[i] / n;
    for (let j = 0; j < p; j++) xMean[j] += x[i * p + j] / n;
  }
  return { xMean, yMean };
}

function subtract(
  x: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  m: ReturnType<typeof centre>,
) {
  for (let i = 0; i < n; i++) {
    y[i] -= m.yMean;
    for (let j = 0; j < p; j++) x[i * p + j] -= m.xMean[j];
  }
}

/**
 * The lab's default two-feature problem: 60 samples, ρ = 0.7, σ = 1, w° = (1.5, 0.5), seed 7.
 * Its least-squares fit is ŵ ≈ (1.462, 0.685) and the lasso keeps only w₁ for small t.
 */
export const REG_DATA2_DEFAULTS: RegData2Options = {
  n: 60,
  correlation: 0.7,
  noise: 1,
  weights: [1.5, 0.5],
  seed: 7,
};

/** Two correlated features and a noisy linear target (see the module comment), centred. */
export function regData2Create(o: RegData2Options): RegDataset {
  const { n, correlation: rho, noise, weights } = o;
  const rng = rngCreate(o.seed);
  const z = new Float64Array(2 * n);
  const eps = new Float64Array(n);
  for (let k = 0; k < 2 * n; k++) z[k] = rng.normal();
  for (let i = 0; i < n; i++) eps[i] = rng.normal();
  const c = Math.sqrt(Math.max(0, 1 - rho * rho));
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = z[2 * i];
    const x2 = rho * z[2 * i] + c * z[2 * i + 1];
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = weights[0] * x1 + weights[1] * x2 + noise * eps[i];
  }
  subtract(x, y, n, 2, centre(x, y, n, 2));
  return { n, p: 2, x, y };
}

/** Options of the wide (p ≥ 6) generator. */
export interface RegDataWideOptions {
  readonly nTrain: number;
  readonly nTest: number;
  /** AR(1) correlation ρ between neighbouring features, ρ ∈ (−1, 1). */
  readonly correlation: number;
  /** Noise standard deviation σ ≥ 0. */
  readonly noise: number;
  /** True weights, one per feature (p = weights.length ≥ 6). */
  readonly weights: readonly number[];
  readonly seed: number;
}

/**
 * Default sparse truth for p features: 3, −2, 0, 0, 1.5, 0, 0, 0.5 repeating pattern cut to p
 * (four non-zero weights in the first eight features, a mix of large and small).
 */
export function regWideWeights(p: number): number[] {
  const pattern = [3, -2, 0, 0, 1.5, 0, 0, 0.5];
  return Array.from({ length: p }, (_, j) => pattern[j % pattern.length]);
}

/** Training and held-out sets from one AR(1) design (see the module comment). */
export function regDataWideCreate(o: RegDataWideOptions): {
  train: RegDataset;
  test: RegDataset;
} {
  const gen = regDataWideCreateSlices(o);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/** Rows drawn between two yields of `regDataWideCreateSlices` (≈ 1 ms at p = 16). */
const ROWS_PER_PIECE = 1024;

/**
 * `regDataWideCreate`, yielding every `ROWS_PER_PIECE` rows: at the largest sizes (12,000 rows) it
 * draws 200,000 normals, longer than a simulation may compute without a yield. Same numbers.
 */
export function* regDataWideCreateSlices(
  o: RegDataWideOptions,
): Generator<void, { train: RegDataset; test: RegDataset }, void> {
  const p = o.weights.length;
  if (p < 6) throw new Error('the wide dataset needs at least 6 features');
  const rng = rngCreate(o.seed);
  const c = Math.sqrt(Math.max(0, 1 - o.correlation * o.correlation));
  function* make(n: number): Generator<void, RegDataset, void> {
    const x = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let prev = 0;
      let yi = 0;
      for (let j = 0; j < p; j++) {
        const z = rng.normal();
        const v = j === 0 ? z : o.correlation * prev + c * z;
        x[i * p + j] = v;
        yi += o.weights[j] * v;
        prev = v;
      }
      y[i] = yi + o.noise * rng.normal();
      if ((i + 1) % ROWS_PER_PIECE === 0) yield;
    }
    return { n, p, x, y };
  }
  const train = yield* make(o.nTrain);
  const test = yield* make(o.nTest);
  const m = centre(train.x, train.y, train.n, p);
  subtract(train.x, train.y, train.n, p, m);
  subtract(test.x, test.y, test.n, p, m);
  return { train, test };
}
