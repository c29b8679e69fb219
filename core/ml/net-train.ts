/**
 * Training a Networks-lab net on points: features computed once for the train and test sets, the
 * minibatches of each epoch drawn without replacement from a seeded shuffle (the last batch of an
 * epoch may be smaller, so every training point is used once per epoch; with batch norm a single
 * left-over point joins the batch before it, as a batch of one has no variance to normalise by),
 * and any optimizer of core/ml/optimizers.ts updating the MLP's flat parameter vector with
 * ∂(L + Ω)/∂θ.
 */
import { rngCreate, type Rng } from '../math/rng';
import type { NetPoints } from './net-data';
import { netSplit } from './net-data';
import { netFeaturesFill, type NetFeatureId } from './net-features';
import { netCreate, netEvaluate, netLossAndGradient, type Net, type NetSpec } from './net-model';
import { optimizerById, type Objective, type OptimizerInstance } from './optimizers';

/** Optimizers that train the lab's nets (first-order, minibatch). */
export const NET_OPTIMIZER_IDS = [
  'sgd',
  'momentum',
  'nesterov',
  'adagrad',
  'rmsprop',
  'adam',
  'adamw',
] as const;
export type NetOptimizerId = (typeof NET_OPTIMIZER_IDS)[number];

export interface NetTrainerConfig {
  readonly spec: NetSpec;
  readonly features: readonly NetFeatureId[];
  readonly points: NetPoints;
  /** Fraction of the points used for training (the rest is the test set). */
  readonly trainRatio: number;
  readonly batch: number;
  readonly optimizer: NetOptimizerId;
  readonly lr: number;
  /**
   * Weights to start from instead of the initialiser's: θ, optionally followed by batch norm's
   * running statistics (mlp.running); used only if the length is one of those two.
   */
  readonly initialWeights?: ArrayLike<number> | null;
}

/** Samples per piece of an evaluation (see NetTrainer.evaluateSlices). */
export const NET_EVAL_ROWS = 128;

export interface NetMetrics {
  trainLoss: number;
  testLoss: number;
  /** Fraction correct (NaN for regression or an empty set). */
  trainAcc: number;
  testAcc: number;
}

/** Gradients are exact from backprop; optimizers that would ask the objective are not offered. */
const NO_OBJECTIVE: Objective = {
  dimension: 0,
  value: () => NaN,
  gradient: (_t, out) => out,
};

export class NetTrainer {
  readonly net: Net;
  readonly xTrain: Float64Array;
  readonly yTrain: Float64Array;
  readonly xTest: Float64Array;
  readonly yTest: Float64Array;
  readonly nTrain: number;
  readonly nTest: number;
  readonly batch: number;
  readonly stepsPerEpoch: number;
  /** Minibatch steps taken. */
  steps = 0;
  /** Samples in the last step's minibatch (0 before the first). */
  lastBatch = 0;
  /** ∂(L + Ω)/∂θ of the last step and that step's change of θ. */
  readonly lastDelta: Float64Array;
  private readonly optimizer: OptimizerInstance;
  private readonly order: Int32Array;
  private cursor = 0;
  private readonly rng: Rng;
  private readonly xb: Float64Array;
  private readonly yb: Float64Array;
  private readonly before: Float64Array;
  /** Batch norm with one point left over per epoch: it joins the epoch's last full batch. */
  private readonly mergeOne: boolean;

  constructor(readonly config: NetTrainerConfig) {
    const { points, features, spec } = config;
    this.net = netCreate(spec);
    const params = this.net.mlp.params;
    const running = this.net.mlp.running;
    const w0 = config.initialWeights;
    if (w0 && (w0.length === params.length || w0.length === params.length + running.length)) {
      for (let i = 0; i < params.length; i++) params[i] = w0[i];
      for (let i = params.length; i < w0.length; i++) running[i - params.length] = w0[i];
    }
    const split = netSplit(points.n, config.trainRatio, spec.seed);
    this.nTrain = split.train.length;
    this.nTest = split.test.length;
    this.xTrain = netFeaturesFill(features, points.x, split.train);
    this.xTest = netFeaturesFill(features, points.x, split.test);
    this.yTrain = Float64Array.from(split.train, (i) => points.y[i]);
    this.yTest = Float64Array.from(split.test, (i) => points.y[i]);
    this.batch = Math.max(1, Math.min(config.batch, this.nTrain));
    this.mergeOne = this.net.mlp.anyBatchNorm && this.batch > 1 && this.nTrain % this.batch === 1;
    this.stepsPerEpoch = Math.max(
      1,
      Math.ceil(this.nTrain / this.batch) - (this.mergeOne && this.nTrain > 1 ? 1 : 0),
    );
    const spec0 = optimizerById(config.optimizer);
    if (!spec0) throw new Error(`unknown optimizer ${config.optimizer}`);
    this.optimizer = spec0.create(params.length, { lr: config.lr });
    this.order = new Int32Array(this.nTrain);
    for (let i = 0; i < this.nTrain; i++) this.order[i] = i;
    this.cursor = this.nTrain;
    this.rng = rngCreate(spec.seed + 7919);
    this.xb = new Float64Array((this.batch + 1) * features.length);
    this.yb = new Float64Array(this.batch + 1);
    this.before = new Float64Array(params.length);
    this.lastDelta = new Float64Array(params.length);
  }

  /** Epochs completed (fractional). */
  get epoch(): number {
    return this.steps / this.stepsPerEpoch;
  }

  /** One minibatch step; returns its data loss L and penalty Ω (before the update). */
  step(): { loss: number; penalty: number } {
    const n = this.nTrain;
    if (n === 0) return { loss: NaN, penalty: NaN };
    if (this.cursor >= n) {
      for (let i = n - 1; i > 0; i--) {
        const j = this.rng.int(i + 1);
        const t = this.order[i];
        this.order[i] = this.order[j];
        this.order[j] = t;
      }
      this.cursor = 0;
    }
    let b = Math.min(this.batch, n - this.cursor);
    if (this.mergeOne && n - this.cursor - b === 1) b++;
    const d = this.config.features.length;
    for (let r = 0; r < b; r++) {
      const i = this.order[this.cursor + r];
      for (let k = 0; k < d; k++) this.xb[r * d + k] = this.xTrain[i * d + k];
      this.yb[r] = this.yTrain[i];
    }
    this.cursor += b;
    this.lastBatch = b;
    const r = netLossAndGradient(this.net, this.xb, this.yb, b);
    const params = this.net.mlp.params;
    this.before.set(params);
    this.optimizer.step(params, this.net.mlp.grads, NO_OBJECTIVE);
    for (let i = 0; i < params.length; i++) this.lastDelta[i] = params[i] - this.before[i];
    this.steps++;
    return r;
  }

  /** Loss and accuracy on the whole train and test sets (eval mode). */
  evaluate(): NetMetrics {
    const gen = this.evaluateSlices(() => false);
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
    }
  }

  /**
   * `evaluate` in pieces of NET_EVAL_ROWS samples, pausing after a piece when `pause()` says so.
   * The pieces are fixed, so the numbers do not depend on where the pauses fall.
   */
  *evaluateSlices(pause: () => boolean): Generator<void, NetMetrics, void> {
    const tr = yield* this.setSlices(this.xTrain, this.yTrain, this.nTrain, pause);
    const te = yield* this.setSlices(this.xTest, this.yTest, this.nTest, pause);
    return { trainLoss: tr.loss, testLoss: te.loss, trainAcc: tr.accuracy, testAcc: te.accuracy };
  }

  private *setSlices(
    x: Float64Array,
    y: Float64Array,
    n: number,
    pause: () => boolean,
  ): Generator<void, { loss: number; accuracy: number }, void> {
    if (n === 0) return { loss: NaN, accuracy: NaN };
    const d = this.config.features.length;
    let loss = 0;
    let right = 0;
    for (let from = 0; from < n; from += NET_EVAL_ROWS) {
      const rows = Math.min(NET_EVAL_ROWS, n - from);
      const r = netEvaluate(
        this.net,
        x.subarray(from * d, (from + rows) * d),
        y.subarray(from, from + rows),
        rows,
      );
      loss += r.loss * rows;
      right += r.accuracy * rows;
      if (from + rows < n && pause()) yield;
    }
    return { loss: loss / n, accuracy: right / n };
  }

  /** θ, then batch norm's running statistics: what `initialWeights` takes to go on from here. */
  weightsWithRunning(): Float64Array {
    const { params, running } = this.net.mlp;
    const out = new Float64Array(params.length + running.length);
    out.set(params);
    out.set(running, params.length);
    return out;
  }

  /** Per hidden neuron, layer by layer: of the last minibatch's samples, for how many dropout zeroed it. */
  droppedCounts(): Float64Array {
    const hidden = this.net.mlp.layers.slice(0, -1);
    const out = new Float64Array(hidden.reduce((s, l) => s + l.fanOut, 0));
    const rows = this.lastBatch;
    let u = 0;
    for (const { dropout, fanOut: w, mask } of hidden) {
      if (dropout > 0 && rows > 0 && mask.length >= rows * w) {
        for (let s = 0; s < rows; s++)
          for (let j = 0; j < w; j++) if (mask[s * w + j] === 0) out[u + j]++;
      }
      u += w;
    }
    return out;
  }

  /** True when a parameter is NaN or infinite. */
  paramsBroken(): boolean {
    const p = this.net.mlp.params;
    for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i])) return true;
    return false;
  }
}
