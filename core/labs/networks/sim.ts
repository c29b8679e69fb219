/**
 * Simulation "networks-train": trains the lab's network on its points and streams what the views
 * draw — the loss and accuracy history (one row per epoch), the output over the plane on a
 * REGION_RES² grid, every neuron's output on a NEURON_RES² grid, and the parameters with their
 * last gradient and update.
 *
 * Slices: a slice runs minibatch steps until SIM_SLICE_MS have passed; a frame is built once
 * FRAME_WORK_MS of training has piled up (evaluating the grids in row pieces, a slice each when
 * they are large), so frames come at a bounded rate and the server paces them. A slice that
 * starts IDLE_GAP_MS after the previous one (the run was paused and is being stepped) runs exactly
 * one minibatch and builds its frame, so `step` advances one minibatch.
 */
import { mlpForward } from '../../ml/mlp-forward';
import { mlpActivationValues } from '../../ml/mlp-train';
import { NET_PLANE } from '../../ml/net-data';
import { netFeaturesFill } from '../../ml/net-features';
import { netHead } from '../../ml/net-model';
import { NetTrainer, type NetMetrics } from '../../ml/net-train';
import { simClockNow } from '../../sim/clock';
import { simDefine, type RunOutcome, type SimRun } from '../../sim/registry';
import { sliceTimerCreate, type SliceTimer } from '../../sim/slices';
import { networksTrainerConfig } from './model';
import { networksParamsSchema, type NetworksParams } from './params';

/** Cells per side of the decision-region grid and of each neuron's heat map. */
export const REGION_RES = 100;
export const NEURON_RES = 24;
/** Training time (ms) after which a frame is built. */
export const NET_FRAME_WORK_MS = 40;
/** Work (≈ multiply-adds) of one piece of the region grid: about half a millisecond. */
export const NET_PIECE_WORK = 2 ** 18;
/** A gap this long (ms) between slices means the run was paused: one minibatch, then a frame. */
export const NET_IDLE_GAP_MS = 100;
/** Columns of a history row: epoch, train loss, test loss, train accuracy, test accuracy. */
export const HISTORY_COLS = 5;

export interface NetworksFrame {
  /** Minibatch steps taken and steps per epoch. */
  step: number;
  stepsPerEpoch: number;
  /** History rows recorded since the previous frame (HISTORY_COLS each). */
  history: Float64Array;
  /** Head output on the grid: row 0 is the top (x₂ = 6), column 0 the left (x₁ = −6); outDim per cell. */
  regions: Float32Array;
  regionRes: number;
  outDim: number;
  /** Each neuron's output (hidden: activation, output: head), layer by layer, NEURON_RES² each. */
  neurons: Float32Array;
  neuronRes: number;
  /**
   * θ followed by batch norm's running statistics (μ̄ then σ̄² per batch-norm layer; none without
   * batch norm), the last step's ∂(L + Ω)/∂θ and its change Δθ (layout of core/ml/mlp.ts).
   */
  params: Float64Array;
  grads: Float64Array;
  delta: Float64Array;
  /** Data loss and penalty of the last minibatch (NaN before the first step). */
  loss: number;
  penalty: number;
  /** Samples in the last minibatch (0 before the first step). */
  batchRows: number;
  /**
   * Per hidden neuron, layer by layer: of the last minibatch's samples, for how many dropout
   * zeroed its output (0 on layers without dropout).
   */
  dropped: Float64Array;
}

export interface NetworksResult {
  steps: number;
  /** Step whose loss or parameters became NaN or infinite (the run stopped there), or null. */
  divergedAtStep: number | null;
  metrics: NetMetrics;
}

/** Plane coordinate of cell c of a res-cell axis (cell centres). */
export function gridCoord(c: number, res: number): number {
  return -NET_PLANE + ((c + 0.5) * 2 * NET_PLANE) / res;
}

function gridPoints(res: number, row0: number, rows: number): Float64Array {
  const xy = new Float64Array(2 * res * rows);
  for (let r = 0; r < rows; r++) {
    const b = -gridCoord(row0 + r, res);
    for (let c = 0; c < res; c++) {
      xy[2 * (r * res + c)] = gridCoord(c, res);
      xy[2 * (r * res + c) + 1] = b;
    }
  }
  return xy;
}

/** Output over the plane, REGION_RES rows at a time in pieces of `rowsPer` rows. */
function* regionsBuild(
  trainer: NetTrainer,
  timer: SliceTimer,
): Generator<void, Float32Array, void> {
  const { spec } = trainer.net;
  const features = trainer.config.features;
  const k = spec.outputs;
  const out = new Float32Array(REGION_RES * REGION_RES * k);
  // About NET_PIECE_WORK multiply-adds per piece (activations count 16 each).
  const perPoint = trainer.net.mlp.layers.reduce(
    (w, l) => w + l.fanIn * l.fanOut + 16 * l.fanOut,
    0,
  );
  const rowsPer = Math.max(
    1,
    Math.min(REGION_RES, Math.floor(NET_PIECE_WORK / (perPoint * REGION_RES))),
  );
  const head = new Float64Array(rowsPer * REGION_RES * k);
  for (let row0 = 0; row0 < REGION_RES; row0 += rowsPer) {
    const rows = Math.min(rowsPer, REGION_RES - row0);
    const n = rows * REGION_RES;
    const x = netFeaturesFill(features, gridPoints(REGION_RES, row0, rows), n);
    const z = mlpForward(trainer.net.mlp, x, n, 'eval');
    netHead(spec.output, z, n, k, head);
    out.set(head.subarray(0, n * k), row0 * REGION_RES * k);
    if (timer.due()) {
      yield;
      timer.restart();
    }
  }
  return out;
}

/** Every neuron's output on the NEURON_RES² grid (one forward pass). */
function neuronsBuild(trainer: NetTrainer): Float32Array {
  const { spec, mlp } = trainer.net;
  const n = NEURON_RES * NEURON_RES;
  const x = netFeaturesFill(trainer.config.features, gridPoints(NEURON_RES, 0, NEURON_RES), n);
  const z = mlpForward(mlp, x, n, 'eval');
  const units = mlp.layers.reduce((s, l) => s + l.fanOut, 0);
  const out = new Float32Array(units * n);
  let u = 0;
  mlp.layers.forEach((layer, l) => {
    const w = layer.fanOut;
    const src = layer.activation
      ? mlpActivationValues(mlp, l, 'post')
      : netHead(spec.output, z, n, w, new Float64Array(n * w));
    for (let j = 0; j < w; j++, u++) for (let s = 0; s < n; s++) out[u * n + s] = src[s * w + j];
  });
  return out;
}

/** The run: an initial frame, then training with frames at a bounded rate. */
export function* networksRun(
  p: NetworksParams,
  now: () => number = simClockNow,
): SimRun<NetworksFrame, NetworksResult> {
  const trainer = new NetTrainer(networksTrainerConfig(p));
  const total = p.epochs * trainer.stepsPerEpoch;
  // Building the net and its data sets is a slice of its own.
  yield { done: 0, total };
  const timer = sliceTimerCreate(undefined, now);
  let history: number[] = [];
  let loss = NaN;
  let penalty = NaN;
  let divergedAtStep: number | null = null;
  let metrics: NetMetrics = { trainLoss: NaN, testLoss: NaN, trainAcc: NaN, testAcc: NaN };
  let recordedAt = -1;
  const pause = () => {
    if (!timer.due()) return false;
    timer.restart();
    return true;
  };
  /** Evaluates both sets (yielding between pieces when a slice is used up) and adds a history row. */
  function* record(): Generator<{ done: number; total: number }, void, void> {
    recordedAt = trainer.steps;
    const gen = trainer.evaluateSlices(pause);
    for (;;) {
      const r = gen.next();
      if (r.done) {
        metrics = r.value;
        break;
      }
      yield { done: trainer.steps, total };
    }
    history.push(
      trainer.epoch,
      metrics.trainLoss,
      metrics.testLoss,
      metrics.trainAcc,
      metrics.testAcc,
    );
  }
  timer.restart();
  yield* record();

  function* frameBuild(): Generator<{ done: number; total: number }, NetworksFrame, void> {
    const regions = yield* regionsPieces();
    const frame: NetworksFrame = {
      step: trainer.steps,
      stepsPerEpoch: trainer.stepsPerEpoch,
      history: Float64Array.from(history),
      regions,
      regionRes: REGION_RES,
      outDim: trainer.net.spec.outputs,
      neurons: neuronsBuild(trainer),
      neuronRes: NEURON_RES,
      params: trainer.weightsWithRunning(),
      grads: trainer.net.mlp.grads.slice(),
      delta: trainer.lastDelta.slice(),
      loss,
      penalty,
      batchRows: trainer.lastBatch,
      dropped: trainer.droppedCounts(),
    };
    history = [];
    return frame;
  }
  function* regionsPieces(): Generator<{ done: number; total: number }, Float32Array, void> {
    const gen = regionsBuild(trainer, timer);
    for (;;) {
      const r = gen.next();
      if (r.done) return r.value;
      yield { done: trainer.steps, total };
    }
  }

  timer.restart();
  let frame = yield* frameBuild();
  let lastReturn = now();
  yield { done: 0, total, frame };
  let work = 0;
  while (trainer.steps < total) {
    const t0 = now();
    const resumed = t0 - lastReturn >= NET_IDLE_GAP_MS;
    timer.restart();
    do {
      const r = trainer.step();
      loss = r.loss;
      penalty = r.penalty;
      if (trainer.steps % trainer.stepsPerEpoch === 0 || trainer.steps === total) yield* record();
      if (!Number.isFinite(loss) || !Number.isFinite(penalty) || trainer.paramsBroken()) {
        divergedAtStep = trainer.steps;
        if (recordedAt !== trainer.steps) yield* record();
        break;
      }
    } while (!resumed && trainer.steps < total && !timer.due());
    work += now() - t0;
    const due =
      resumed || work >= NET_FRAME_WORK_MS || divergedAtStep !== null || trainer.steps === total;
    if (due) {
      timer.restart();
      frame = yield* frameBuild();
      work = 0;
      lastReturn = now();
      yield { done: trainer.steps, total, frame };
    } else {
      lastReturn = now();
      yield { done: trainer.steps, total };
    }
    if (divergedAtStep !== null) break;
  }
  return { steps: trainer.steps, divergedAtStep, metrics };
}

/**
 * Declared before simDefine sees it, so it type-checks whether or not SimDefinition has its
 * `delivery` field yet (another change adds it); shown while it trains, so frames are paced.
 */
const networksSimDef = {
  name: 'networks-train' as const,
  delivery: 'stream' as const,
  params: networksParamsSchema,
  start(p: NetworksParams): SimRun<NetworksFrame, NetworksResult> {
    return networksRun(p);
  },
  outcome: (r: NetworksResult): RunOutcome =>
    r.divergedAtStep === null
      ? { kind: 'completed' }
      : { kind: 'diverged', atStep: r.divergedAtStep },
};

export const networksSim = simDefine(networksSimDef);
