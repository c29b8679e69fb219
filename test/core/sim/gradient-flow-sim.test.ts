import { describe, expect, it } from 'vitest';
import { portTransferList } from '../../../core/protocol/port';
import { computeServe } from '../../../core/protocol/server';
import type { ComputeEvent } from '../../../core/protocol/messages';
import { simRegistryCreate } from '../../../core/labs/registry';
import { GradientFlowSim } from '../../../core/sim/gradient-flow';
import {
  FRAME_WORK_MS,
  IDLE_GAP_MS,
  gradientFlowParams,
  gradientFlowSim,
  gradientFlowSlices,
  type GradientFlowFrame,
  type GradientFlowParams,
  type GradientFlowResult,
} from '../../../core/sim/gradient-flow-sim';
import { FLOW_PRESETS, flowSimParams } from '../../../core/labs/activations/params';
import { channelPair, eventLog, realClock } from '../../protocol/helpers';

const small: GradientFlowParams = {
  depth: 6,
  width: 8,
  batchSize: 16,
  steps: 40,
  lr: 0.1,
  activation: 'tanh',
  init: 'xavier-uniform',
  batchNorm: true,
  residual: false,
  clipNorm: 0.5,
  dataset: 'spiral',
  seed: 7,
  bins: 10,
};

/** Runs a generator to the end, collecting its frames and result. */
function drain(gen: Generator<{ frame?: GradientFlowFrame }, GradientFlowResult, void>) {
  const frames: GradientFlowFrame[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { frames, result: r.value };
    if (r.value.frame) frames.push(r.value.frame);
  }
}

/** Per-step rows [step][layer] from frames. */
function normRows(frames: readonly GradientFlowFrame[]): number[][] {
  const rows: number[][] = [];
  for (const f of frames)
    for (let i = 0; i < f.count; i++)
      rows.push(Array.from(f.gradNorms.subarray(i * f.layers, (i + 1) * f.layers)));
  return rows;
}

function presetParams(id: string): GradientFlowParams {
  const preset = FLOW_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  return flowSimParams(preset.params.flow);
}

const firstOverLast = (row: readonly number[]) => row[0] / row[row.length - 1];

describe('gradient-flow params', () => {
  it('accepts the presets and rejects out-of-range values', () => {
    for (const p of FLOW_PRESETS)
      expect(gradientFlowParams.safeParse(flowSimParams(p.params.flow)).success).toBe(true);
    const bad: Partial<Record<keyof GradientFlowParams, unknown>>[] = [
      { depth: 1 },
      { depth: 51 },
      { depth: 2.5 },
      { width: 1 },
      { width: 129 },
      { batchSize: 0 },
      { batchSize: 257 },
      { steps: 0 },
      { steps: 5001 },
      { lr: 0 },
      { lr: -0.1 },
      { lr: Infinity },
      { clipNorm: -1 },
      { activation: 'relu6' },
      { init: 'orthogonal' },
      { dataset: 'mnist' },
      { seed: -1 },
      { bins: 2 },
      { batchNorm: 'yes' },
    ];
    for (const over of bad) {
      expect(
        gradientFlowParams.safeParse({ ...small, ...over }).success,
        JSON.stringify(over),
      ).toBe(false);
    }
  });
});

describe('gradient-flow simulation', () => {
  it('streams every step once, with the norms of an independent GradientFlowSim run', () => {
    const { frames, result } = drain(gradientFlowSim.start(small));
    // The independent path: the core class configured by hand, not through the sim's mapping.
    const direct = new GradientFlowSim({
      depth: 6,
      width: 8,
      batchSize: 16,
      lr: 0.1,
      activation: 'tanh',
      init: 'xavier-uniform',
      batchNorm: true,
      residual: false,
      clipNorm: 0.5,
      dataset: 'spiral',
      seed: 7,
      bins: 10,
    });
    let step = 1;
    for (const f of frames) {
      expect(f.from).toBe(step);
      expect(f.layers).toBe(7);
      expect(f.gradNorms.length).toBe(f.count * 7);
      for (let i = 0; i < f.count; i++) {
        const m = direct.step();
        expect(Array.from(f.gradNorms.subarray(i * 7, (i + 1) * 7))).toEqual(
          Array.from(m.gradNorms),
        );
        expect(f.losses[i]).toBe(m.loss);
        expect(f.globalNorms[i]).toBe(m.gradNorm);
        expect(f.clipScales[i]).toBe(m.clipScale);
        if (i === f.count - 1) {
          expect(Array.from(f.histograms)).toEqual(Array.from(m.histograms));
          expect([f.bins, f.histLo, f.histHi]).toEqual([10, m.histLo, m.histHi]);
        }
      }
      step += f.count;
    }
    expect(step - 1).toBe(40);
    expect(result).toEqual({
      steps: 40,
      divergedAtStep: null,
      finalLoss: frames.at(-1)!.losses.at(-1),
    });
  });

  it('groups steps by work time, and streams a step at once after an idle gap', () => {
    // A fake clock that advances 0.5 ms per reading: a step measures 0.5 ms of work, so a frame
    // carries 2·FRAME_WORK_MS steps.
    let t = 0;
    const gen = gradientFlowSlices({ ...small, steps: 200 }, () => (t += 0.5));
    const sizes: number[] = [];
    for (let k = 0; k < 120; k++) {
      const r = gen.next();
      if (!r.done && r.value.frame) sizes.push(r.value.frame.count);
    }
    expect(sizes[0]).toBe(1); // the first step shows at once
    expect(sizes[1]).toBe(2 * FRAME_WORK_MS);
    // A pause: the next slice comes after a long gap and is sent as a frame by itself.
    t += IDLE_GAP_MS + 1;
    const stepped = gen.next();
    expect(stepped.done).toBe(false);
    const frame = !stepped.done ? stepped.value.frame : undefined;
    expect(frame).toBeDefined();
    expect(frame!.from + frame!.count - 1).toBe(121);
    t += IDLE_GAP_MS + 1;
    const again = gen.next();
    expect(!again.done && again.value.frame?.count).toBe(1);
  });

  it('stops at the first non-finite step and says where', () => {
    const { frames, result } = drain(gradientFlowSim.start(presetParams('large-init')));
    expect(result.divergedAtStep).toBe(3);
    expect(result.steps).toBe(3);
    expect(normRows(frames)).toHaveLength(3);
    expect(normRows(frames)[0][0]).toBeGreaterThan(1e6);
    // The histograms of the NaN step would say nothing: the last frame carries step 2's.
    const last = frames.at(-1)!;
    expect(last.histStep).toBe(2);
    expect(last.histograms.reduce((n, c) => n + c, 0)).toBe(20 * 32 * 16);
  });

  it('re-sends the last finite histograms as a copy, so transferring every frame is safe', () => {
    // Every reading is an idle gap later: each step is its own frame, as when stepping by hand.
    let t = 0;
    const gen = gradientFlowSlices(presetParams('large-init'), () => (t += IDLE_GAP_MS));
    const frames: GradientFlowFrame[] = [];
    for (let r = gen.next(); !r.done; r = gen.next()) {
      if (!r.value.frame) continue;
      // What the server does: move the frame's buffers to the other side.
      frames.push(structuredClone(r.value.frame, { transfer: portTransferList(r.value.frame) }));
    }
    expect(frames.map((f) => f.count)).toEqual([1, 1, 1]);
    expect(frames[2].histStep).toBe(2);
    expect(Array.from(frames[2].histograms)).toEqual(Array.from(frames[1].histograms));
  });
});

describe('the presets tell their stories through the simulation', () => {
  const run = (id: string, steps: number) =>
    normRows(drain(gradientFlowSim.start({ ...presetParams(id), steps })).frames);

  it('deep sigmoid: the first layer gets < 1e-4 of the last layer’s gradient', () => {
    const rows = run('deep-sigmoid', 30);
    expect(rows).toHaveLength(30);
    for (const row of rows) expect(firstOverLast(row)).toBeLessThan(1e-4);
  });

  it('ReLU + He: first and last layers within an order of magnitude', () => {
    // Seen over the first 100 steps: 0.15 … 1.8.
    for (const row of run('relu-he', 100)) {
      expect(firstOverLast(row)).toBeGreaterThan(0.1);
      expect(firstOverLast(row)).toBeLessThan(10);
    }
  });

  it('batch norm and skip connections lift the deep-sigmoid ratio by orders of magnitude', () => {
    const plain = run('deep-sigmoid', 20);
    const bn = run('sigmoid-bn', 20);
    const res = run('sigmoid-residual', 20);
    for (let i = 0; i < 20; i++) {
      expect(firstOverLast(bn[i])).toBeGreaterThan(1e6 * firstOverLast(plain[i]));
      expect(firstOverLast(res[i])).toBeGreaterThan(1e6 * firstOverLast(plain[i]));
      // The stories' numbers: BN "about the same size" (seen 0.19 … 17 over 100 steps), skip
      // connections "about 1/100" (seen 0.004 … 0.04).
      expect(firstOverLast(bn[i])).toBeGreaterThan(0.05);
      expect(firstOverLast(bn[i])).toBeLessThan(50);
      expect(firstOverLast(res[i])).toBeGreaterThan(1e-3);
      expect(firstOverLast(res[i])).toBeLessThan(0.1);
    }
  });

  it('clipping keeps the exploding large-init run finite', () => {
    const { frames, result } = drain(gradientFlowSim.start(presetParams('large-init-clipped')));
    expect(result.divergedAtStep).toBeNull();
    expect(result.steps).toBe(1500);
    const globals = frames.flatMap((f) => Array.from(f.globalNorms));
    expect(globals[0]).toBeGreaterThan(1e8);
    expect(globals.every(Number.isFinite)).toBe(true);
    expect(Math.max(...globals.slice(-100))).toBeLessThan(10);
    // What the story says: the loss falls from ~10⁹ below 1, and nearly every layer dies.
    const losses = frames.flatMap((f) => Array.from(f.losses));
    expect(losses[0]).toBeGreaterThan(1e8);
    expect(Math.max(...losses.slice(-100))).toBeLessThan(1);
    const rows = normRows(frames);
    expect(rows.at(-1)!.filter((v) => v === 0).length).toBeGreaterThanOrEqual(15);
  });
});

describe('gradient-flow over the compute server', () => {
  it('a paused run advances exactly one training step per step request', async () => {
    const { a, b } = channelPair();
    const stop = computeServe(a, simRegistryCreate(), { clock: realClock });
    const log = eventLog(b);
    const steps = () =>
      log.events
        .filter((e): e is Extract<ComputeEvent, { type: 'frame' }> => e.type === 'frame')
        .reduce((n, e) => n + (e.data as GradientFlowFrame).count, 0);
    const params = { ...presetParams('deep-sigmoid'), steps: 5000 };
    b.postMessage({ type: 'run', runId: 'g', sim: 'gradient-flow', params, paused: true });
    await log.until((ev) => ev.some((e) => e.type === 'progress' && e.state === 'paused'));
    for (let k = 1; k <= 3; k++) {
      await new Promise((r) => setTimeout(r, IDLE_GAP_MS + 20));
      b.postMessage({ type: 'step', runId: 'g' });
      await log.until(() => steps() === k);
    }
    b.postMessage({ type: 'resume', runId: 'g' });
    await log.until(() => steps() > 100);
    b.postMessage({ type: 'pause', runId: 'g' });
    await new Promise((r) => setTimeout(r, IDLE_GAP_MS + 20));
    const paused = log.events.filter((e) => e.type === 'progress').at(-1);
    expect(paused).toMatchObject({ state: 'paused' });
    const computed = paused?.type === 'progress' ? paused.done : -1;
    expect(steps()).toBeLessThanOrEqual(computed);
    b.postMessage({ type: 'step', runId: 'g' });
    await log.until((ev) => ev.some((e) => e.type === 'progress' && e.done === computed + 1));
    expect(steps()).toBe(computed + 1);
    expect(log.events.filter((e) => e.type === 'progress').at(-1)).toMatchObject({
      state: 'paused',
    });
    b.postMessage({ type: 'cancel', runId: 'g' });

    // A diverging run ends with a result (its re-sent histograms are copies, not detached buffers).
    const boom = presetParams('large-init');
    b.postMessage({ type: 'run', runId: 'x', sim: 'gradient-flow', params: boom });
    await log.until((ev) => ev.some((e) => e.type === 'result' || e.type === 'error'));
    expect(log.events.find((e) => e.runId === 'x' && e.type === 'result')).toMatchObject({
      data: { steps: 3, divergedAtStep: 3 },
    });
    stop();
    a.close();
    b.close();
  });
});
