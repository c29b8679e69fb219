/**
 * Gradient flow through depth: trains a deep MLP one minibatch at a time and reports, per step,
 * the loss, every layer's weight-gradient norm and a histogram of every hidden layer's
 * activations, so the lab can show gradients vanishing (sigmoid), flowing (ReLU + He, batch norm,
 * residuals) or exploding (large init), and clipping taming them.
 *
 * Pure computation: the caller (a worker) drives it with step() or the generator and may stop at
 * any point. Also holds the scalar chain ∂h_n/∂h_0 = Π w·f′(z_k) and its sigmoid bound (|w|/4)ⁿ.
 */
import { ACTIVATIONS, type Activation, type ActivationId } from '../ml/activations';
import { datasetCreate, DATASETS, type Dataset, type DatasetId } from '../ml/datasets';
import type { InitId } from '../ml/init';
import { mlpCreateSlices, type Mlp } from '../ml/mlp';
import { mlpDrain, mlpWorkAdd, mlpWorkWhole, type MlpWorkMeter } from '../ml/mlp-work';
import { histogramFill, mlpActivationValues, mlpTrainStepSlices } from '../ml/mlp-train';
import { rngCreate, type Rng } from '../math/rng';

/** Work of binning one activation value, in multiply-adds (see MlpWorkMeter). */
const HISTOGRAM_WORK = 4;

/** Settings of a gradient-flow run. */
export interface GradientFlowConfig {
  /** Number of hidden layers (each: dense → [batch norm] → activation), 2–50. */
  readonly depth: number;
  /**
   * Width of every hidden layer, 1–128. A step costs ∝ depth·width²·batchSize; measured at batch
   * 32, depth 50: width 16 ≈ 1.5 ms, 64 ≈ 18 ms, 128 ≈ 70 ms per step (one busy 2-core machine).
   */
  readonly width: number;
  readonly activation: ActivationId;
  readonly init: InitId;
  readonly batchNorm: boolean;
  /** Skip connections h_{l+1} = h_l + act(…) on hidden layers 2…depth. */
  readonly residual: boolean;
  /** Clip the global gradient norm to this value; null for no clipping. */
  readonly clipNorm: number | null;
  /** SGD learning rate. */
  readonly lr: number;
  /** SGD momentum (default 0). */
  readonly momentum?: number;
  /** Minibatch size, 1–256. */
  readonly batchSize: number;
  /** Seed of the data, the initialization and the minibatch order. */
  readonly seed: number;
  /** Classification sets train with BCE on logits, regression with MSE. */
  readonly dataset: DatasetId;
  /** Dataset size (default 256). */
  readonly datasetSize?: number;
  /** Histogram bins per layer (default 20). */
  readonly bins?: number;
}

/** Everything measured in one step. Arrays are fresh per step (safe to transfer). */
export interface GradientFlowMetrics {
  /** Steps completed, 1-based. */
  readonly step: number;
  /** Minibatch loss before this step's update. */
  readonly loss: number;
  /** ‖∂L/∂W_l‖_F for the depth + 1 weight layers (input side first), before clipping. */
  readonly gradNorms: Float64Array;
  /** Global ‖∂L/∂θ‖₂ before clipping. */
  readonly gradNorm: number;
  /** Factor applied by clipping (1 when not clipped). */
  readonly clipScale: number;
  /** Post-activation histograms act(u) per hidden layer (before any residual add), depth×bins. */
  readonly histograms: Float64Array;
  readonly bins: number;
  /** Histogram range: the activation's finite bounds, else this step's min/max over all layers. */
  readonly histLo: number;
  readonly histHi: number;
}

/** Checks a configuration and builds its dataset and network (see GradientFlowSim). */
function* gradientFlowParts(
  config: GradientFlowConfig,
  meter: MlpWorkMeter,
): Generator<void, { data: Dataset; net: Mlp }, void> {
  if (!Number.isInteger(config.depth) || config.depth < 2 || config.depth > 50) {
    throw new RangeError(`gradient flow: depth must be an integer in [2, 50], got ${config.depth}`);
  }
  if (!Number.isInteger(config.width) || config.width < 1 || config.width > 128) {
    throw new RangeError(
      `gradient flow: width must be an integer in [1, 128], got ${config.width}`,
    );
  }
  if (!Number.isInteger(config.batchSize) || config.batchSize < 1 || config.batchSize > 256) {
    throw new RangeError(`gradient flow: batchSize must be an integer in [1, 256]`);
  }
  // Data, weights and batch order each get their own stream: with one shared seed, the weights
  // would be drawn from the very numbers that placed the data points.
  const data = datasetCreate(config.dataset, {
    n: config.datasetSize ?? 256,
    seed: (config.seed ^ 0x5bd1e995) >>> 0,
  });
  const sizes = [data.dim, ...new Array<number>(config.depth).fill(config.width), 1];
  const net = yield* mlpCreateSlices(
    {
      sizes,
      activation: config.activation,
      loss: DATASETS[config.dataset].task === 'regression' ? 'mse' : 'bce-logits',
      batchNorm: config.batchNorm,
      residual: config.residual,
      init: config.init,
      seed: config.seed,
    },
    config.batchSize,
    meter,
  );
  return { data, net };
}

/** A gradient-flow run advanced one SGD step per call to step(). */
export class GradientFlowSim {
  readonly config: GradientFlowConfig;
  readonly net: Mlp;
  readonly data: Dataset;
  private readonly rng: Rng;
  private readonly order: Uint32Array;
  private cursor: number;
  private readonly xb: Float64Array;
  private readonly yb: Float64Array;
  private steps = 0;

  /**
   * A run with fresh weights. `built` (from `GradientFlowSim.createSlices`) hands over data and
   * a network made a piece at a time; without it they are made here.
   */
  constructor(config: GradientFlowConfig, built?: { data: Dataset; net: Mlp }) {
    const parts = built ?? mlpDrain(gradientFlowParts(config, mlpWorkWhole()));
    this.config = config;
    this.data = parts.data;
    this.net = parts.net;
    this.rng = rngCreate((config.seed ^ 0x9e3779b9) >>> 0);
    this.order = Uint32Array.from({ length: this.data.n }, (_, i) => i);
    this.cursor = this.data.n;
    this.xb = new Float64Array(config.batchSize * this.data.dim);
    this.yb = new Float64Array(config.batchSize);
  }

  /** `new GradientFlowSim(config)`, pausing as `meter` says while the network is built. */
  static *createSlices(
    config: GradientFlowConfig,
    meter: MlpWorkMeter,
  ): Generator<void, GradientFlowSim, void> {
    return new GradientFlowSim(config, yield* gradientFlowParts(config, meter));
  }

  /** Steps completed so far. */
  get stepCount(): number {
    return this.steps;
  }

  /** Fills the minibatch buffers; samples without replacement, reshuffling every epoch. */
  private nextBatch(): void {
    const { dim, x, y, n } = this.data;
    for (let s = 0; s < this.config.batchSize; s++) {
      if (this.cursor >= n) {
        for (let i = n - 1; i > 0; i--) {
          const j = this.rng.int(i + 1);
          const t = this.order[i];
          this.order[i] = this.order[j];
          this.order[j] = t;
        }
        this.cursor = 0;
      }
      const idx = this.order[this.cursor++];
      for (let d = 0; d < dim; d++) this.xb[s * dim + d] = x[idx * dim + d];
      this.yb[s] = y[idx];
    }
  }

  /** One SGD step (forward, backward, optional clipping, update) and its metrics. */
  step(): GradientFlowMetrics {
    return mlpDrain(this.stepSlices(mlpWorkWhole()));
  }

  /**
   * `step()` in pieces: pauses (yields) whenever `meter` has counted a piece of work, so a wide,
   * deep net on a large batch — a second of arithmetic per step — can share its thread. The
   * numbers are those of `step()`.
   */
  *stepSlices(meter: MlpWorkMeter): Generator<void, GradientFlowMetrics, void> {
    const cfg = this.config;
    this.nextBatch();
    const r = yield* mlpTrainStepSlices(
      this.net,
      this.xb,
      this.yb,
      cfg.batchSize,
      { lr: cfg.lr, momentum: cfg.momentum ?? 0, clipNorm: cfg.clipNorm },
      meter,
    );
    this.steps++;
    const bins = cfg.bins ?? 20;
    const [lo, hi] = yield* this.histogramRange(meter);
    const histograms = new Float64Array(cfg.depth * bins);
    for (let l = 0; l < cfg.depth; l++) {
      const values = mlpActivationValues(this.net, l, 'post');
      histogramFill(values, lo, hi, bins, histograms, l * bins);
      if (mlpWorkAdd(meter, values.length * HISTOGRAM_WORK)) yield;
    }
    return {
      step: this.steps,
      loss: r.loss,
      gradNorms: Float64Array.from(this.net.gradNorms),
      gradNorm: r.gradNorm,
      clipScale: r.clipScale,
      histograms,
      bins,
      histLo: lo,
      histHi: hi,
    };
  }

  private *histogramRange(meter: MlpWorkMeter): Generator<void, [number, number], void> {
    const [rangeLo, rangeHi] = ACTIVATIONS[this.config.activation].range;
    let lo = Infinity;
    let hi = -Infinity;
    if (!Number.isFinite(rangeLo) || !Number.isFinite(rangeHi)) {
      for (let l = 0; l < this.config.depth; l++) {
        const v = mlpActivationValues(this.net, l, 'post');
        for (let k = 0; k < v.length; k++) {
          if (v[k] < lo) lo = v[k];
          if (v[k] > hi) hi = v[k];
        }
        if (mlpWorkAdd(meter, v.length * HISTOGRAM_WORK)) yield;
      }
    }
    lo = Number.isFinite(rangeLo) ? rangeLo : lo;
    hi = Number.isFinite(rangeHi) ? rangeHi : hi;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [-1, 1];
    return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
  }
}

/** Runs `steps` steps of a new GradientFlowSim lazily, yielding each step's metrics. */
export function* gradientFlowRun(
  config: GradientFlowConfig,
  steps: number,
): Generator<GradientFlowMetrics, void, void> {
  const sim = new GradientFlowSim(config);
  for (let i = 0; i < steps; i++) yield sim.step();
}

/** A scalar chain h_k = f(w·h_{k−1} + b), k = 1…n, from h_0 = x0. */
export interface GradientChain {
  /** Pre-activations z_k = w·h_{k−1} + b, length n. */
  readonly z: Float64Array;
  /** Local derivatives f′(z_k), length n. */
  readonly derivatives: Float64Array;
  /** Running products ∂h_k/∂h_0 = Π_{i≤k} w·f′(z_i), length n. */
  readonly products: Float64Array;
}

/** Evaluates the chain h_k = f(w·h_{k−1} + b) for n layers and the chain-rule products. */
export function gradientChainProduct(
  activation: Activation | ActivationId,
  n: number,
  x0: number,
  weight = 1,
  bias = 0,
): GradientChain {
  const act = typeof activation === 'string' ? ACTIVATIONS[activation] : activation;
  const z = new Float64Array(n);
  const derivatives = new Float64Array(n);
  const products = new Float64Array(n);
  let h = x0;
  let p = 1;
  for (let k = 0; k < n; k++) {
    z[k] = weight * h + bias;
    derivatives[k] = act.df(z[k]);
    p *= weight * derivatives[k];
    products[k] = p;
    h = act.f(z[k]);
  }
  return { z, derivatives, products };
}

/** Bound on |∂h_n/∂h_0| for an n-layer sigmoid chain with weight w: (|w|/4)ⁿ, since σ′ ≤ ¼. */
export function gradientChainSigmoidBound(n: number, weight = 1): number {
  return (Math.abs(weight) / 4) ** n;
}
