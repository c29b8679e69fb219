/**
 * Simulation "gradient-flow": trains a deep MLP with core/sim/gradient-flow.ts and streams, per
 * training step, the minibatch loss and every weight layer's gradient norm, plus the latest
 * per-layer activation histograms.
 *
 * Slices and frames. Every slice (one `next()`) is one SGD step; a step of a large net (more
 * than `STEP_PIECE_WORK` multiply-adds) is cut into several slices, the last of which carries the
 * step, so the server's slice bound holds. A frame goes out with the first step, whenever
 * `FRAME_WORK_MS` of training has piled up since the last frame, after `FRAME_MAX_STEPS` steps,
 * at divergence and at the end — so a running training keeps its worker busy while the renderer
 * receives ≲ 30 frames a second.
 *
 * What "step" means. The protocol's `step` request advances a paused run until its next frame.
 * A slice that starts more than `IDLE_GAP_MS` after the previous one returned (the run was paused,
 * or the host stalled) emits its frame at once, so stepping a paused run advances exactly one
 * training step. Steps computed before the pause but not yet streamed ride along in that frame;
 * the progress `done` always counts every step computed.
 */
import { z } from 'zod';
import { ACTIVATIONS, type ActivationId } from '../ml/activations';
import { DATASETS, type DatasetId } from '../ml/datasets';
import { INITS, type InitId } from '../ml/init';
import type { MlpWorkMeter } from '../ml/mlp-work';
import {
  GradientFlowSim,
  type GradientFlowConfig,
  type GradientFlowMetrics,
} from './gradient-flow';
import { simClockNow } from './clock';
import { simDefine, type SimRun } from './registry';

/** Training time (ms) after which the pending steps are sent as a frame. */
export const FRAME_WORK_MS = 30;
/** Most steps in one frame (bounds a frame's size: FRAME_MAX_STEPS × (depth + 1) norms). */
export const FRAME_MAX_STEPS = 250;
/** A gap this long (ms) between slices means the run was paused: stream the next step at once. */
export const IDLE_GAP_MS = 100;
/**
 * Work (≈ multiply-adds) after which a training step pauses for the server: about a millisecond
 * here. Steps of small nets never pause, so for them a slice stays exactly one step.
 */
export const STEP_PIECE_WORK = 2 ** 19;

const activationIds = Object.keys(ACTIVATIONS) as [ActivationId, ...ActivationId[]];
const initIds = Object.keys(INITS) as [InitId, ...InitId[]];
const datasetIds = Object.keys(DATASETS) as [DatasetId, ...DatasetId[]];

export const gradientFlowParams = z.object({
  /** Hidden layers, each dense → [batch norm] → activation. */
  depth: z.number().int().min(2).max(50),
  /** Units per hidden layer. */
  width: z.number().int().min(2).max(128),
  /** Minibatch size. */
  batchSize: z.number().int().min(1).max(256),
  /** SGD steps to run. */
  steps: z.number().int().min(1).max(5000),
  /** SGD learning rate η. */
  lr: z.number().positive().max(10),
  activation: z.enum(activationIds),
  init: z.enum(initIds),
  batchNorm: z.boolean(),
  /** Skip connections on hidden layers 2…depth. */
  residual: z.boolean(),
  /** Clip the global gradient norm to this value; 0 = no clipping. */
  clipNorm: z.number().min(0).max(1e6),
  dataset: z.enum(datasetIds),
  /** Seed of the data, the initial weights and the minibatch order. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  /** Histogram bins per hidden layer. */
  bins: z.number().int().min(4).max(64),
});
export type GradientFlowParams = z.infer<typeof gradientFlowParams>;

/** The steps finished since the previous frame. */
export interface GradientFlowFrame {
  /** 1-based number of this frame's first step. */
  from: number;
  /** Steps in this frame (≥ 1). */
  count: number;
  /** Weight layers per step: depth + 1 (input side first, output layer last). */
  layers: number;
  /** Minibatch loss of each step before its update, length count. */
  losses: Float64Array;
  /** ‖∂L/∂W_l‖_F before clipping: step i, layer l at gradNorms[i·layers + l]. */
  gradNorms: Float64Array;
  /** Global gradient norm before clipping, per step. */
  globalNorms: Float64Array;
  /** Clipping factor per step (1 = not clipped). */
  clipScales: Float64Array;
  /**
   * Post-activation histograms of step `histStep`: hidden layer l, bin k at l·bins + k. That is
   * the frame's last step, or at divergence the last step whose loss was still finite.
   */
  histograms: Float64Array;
  histStep: number;
  bins: number;
  /** Value range the histogram bins cover. */
  histLo: number;
  histHi: number;
}

export interface GradientFlowResult {
  /** Steps completed (including a diverging one). */
  steps: number;
  /** Step whose loss or gradient norm was NaN/±∞, or null. The run stops there. */
  divergedAtStep: number | null;
  finalLoss: number;
}

/** The core configuration for validated params (clipNorm 0 → no clipping). */
export function gradientFlowConfig(p: GradientFlowParams): GradientFlowConfig {
  return {
    depth: p.depth,
    width: p.width,
    activation: p.activation,
    init: p.init,
    batchNorm: p.batchNorm,
    residual: p.residual,
    clipNorm: p.clipNorm > 0 ? p.clipNorm : null,
    lr: p.lr,
    batchSize: p.batchSize,
    seed: p.seed,
    dataset: p.dataset,
    bins: p.bins,
  };
}

/**
 * The run as a generator of one-step slices. `now` is the clock (ms) that decides when pending
 * steps become a frame; it changes only how steps are grouped, never their values.
 */
export function* gradientFlowSlices(
  p: GradientFlowParams,
  now: () => number = simClockNow,
): SimRun<GradientFlowFrame, GradientFlowResult> {
  const meter: MlpWorkMeter = { piece: STEP_PIECE_WORK, done: 0 };
  // A large net takes tens of ms to draw its weights and allocate its scratch: in pieces too.
  const building = GradientFlowSim.createSlices(gradientFlowConfig(p), meter);
  let built = building.next();
  while (!built.done) {
    yield { done: 0, total: p.steps };
    built = building.next();
  }
  const sim = built.value;
  const layers = p.depth + 1;
  let pending: GradientFlowMetrics[] = [];
  let lastFinite: GradientFlowMetrics | null = null;
  let work = 0;
  let lastReturn = -Infinity;
  let finalLoss = NaN;
  let divergedAtStep: number | null = null;

  const flush = (): GradientFlowFrame => {
    const count = pending.length;
    const last = pending[count - 1];
    const hist = Number.isFinite(last.loss) ? last : (lastFinite ?? last);
    const frame: GradientFlowFrame = {
      from: pending[0].step,
      count,
      layers,
      losses: new Float64Array(count),
      gradNorms: new Float64Array(count * layers),
      globalNorms: new Float64Array(count),
      clipScales: new Float64Array(count),
      // A copy: the frame's arrays are transferred, and `lastFinite` may be sent again later.
      histograms: hist.histograms.slice(),
      histStep: hist.step,
      bins: hist.bins,
      histLo: hist.histLo,
      histHi: hist.histHi,
    };
    pending.forEach((m, i) => {
      frame.losses[i] = m.loss;
      frame.gradNorms.set(m.gradNorms, i * layers);
      frame.globalNorms[i] = m.gradNorm;
      frame.clipScales[i] = m.clipScale;
    });
    pending = [];
    work = 0;
    return frame;
  };

  while (sim.stepCount < p.steps) {
    let t0 = now();
    let resumed = t0 - lastReturn >= IDLE_GAP_MS;
    meter.done = 0;
    const stepping = sim.stepSlices(meter);
    let next = stepping.next();
    while (!next.done) {
      // A large net pauses inside its step: the time away is neither work nor a reason to stream.
      work += now() - t0;
      lastReturn = now();
      yield { done: sim.stepCount, total: p.steps };
      t0 = now();
      resumed ||= t0 - lastReturn >= IDLE_GAP_MS;
      next = stepping.next();
    }
    const m = next.value;
    const t1 = now();
    work += t1 - t0;
    pending.push(m);
    if (Number.isFinite(m.loss)) lastFinite = m;
    finalLoss = m.loss;
    if (!Number.isFinite(m.loss) || !Number.isFinite(m.gradNorm)) divergedAtStep = m.step;
    const due =
      resumed ||
      work >= FRAME_WORK_MS ||
      pending.length >= FRAME_MAX_STEPS ||
      divergedAtStep !== null ||
      m.step === p.steps;
    const slice = due
      ? { done: m.step, total: p.steps, frame: flush() }
      : { done: m.step, total: p.steps };
    lastReturn = now();
    yield slice;
    if (divergedAtStep !== null) break;
  }
  return { steps: sim.stepCount, divergedAtStep, finalLoss };
}

export const gradientFlowSim = simDefine({
  name: 'gradient-flow',
  // Shown while it runs: frames are paced.
  delivery: 'stream',
  params: gradientFlowParams,
  start(p: GradientFlowParams): SimRun<GradientFlowFrame, GradientFlowResult> {
    return gradientFlowSlices(p);
  },
  outcome: (r: GradientFlowResult) =>
    r.divergedAtStep === null
      ? { kind: 'completed' }
      : { kind: 'diverged', atStep: r.divergedAtStep },
});
