// The "networks-train" simulation: an initial frame at step 0, then frames at a bounded rate with
// the history, the 100×100 regions and every neuron's map; a stepped (paused) run advances one
// minibatch per frame; divergence stops the run and is reported with its step.
import { describe, expect, it } from 'vitest';
import { networksLab } from '../../../core/labs/networks/lab';
import {
  HISTORY_COLS,
  NEURON_RES,
  REGION_RES,
  networksRun,
  networksSim,
  type NetworksFrame,
} from '../../../core/labs/networks/sim';
import { NETWORKS_DEFAULTS, NETWORKS_PRESETS } from '../../../core/labs/networks/presets';
import { labPresetParams } from '../../../core/labs/define';
import type { NetworksParams } from '../../../core/labs/networks/params';
import { networksParamCount } from '../../../core/labs/networks/model';

const small: NetworksParams = { ...NETWORKS_DEFAULTS, epochs: 5 };

function drain(p: NetworksParams, now?: () => number) {
  const gen = networksRun(p, now);
  const frames: NetworksFrame[] = [];
  for (;;) {
    const r = gen.next();
    if (r.done) return { frames, result: r.value };
    if (r.value.frame) frames.push(r.value.frame);
  }
}

describe('networks-train simulation', () => {
  it('is listed by the lab', () => {
    expect(networksLab.sims).toContain(networksSim);
  });

  it('streams an initial frame, every epoch once in the history, and shaped grids', () => {
    const { frames, result } = drain(small);
    expect(frames[0].step).toBe(0);
    const rows = frames.flatMap((f) => {
      const out: number[] = [];
      for (let i = 0; i < f.history.length; i += HISTORY_COLS) out.push(f.history[i]);
      return out;
    });
    expect(rows).toEqual([0, 1, 2, 3, 4, 5]);
    const last = frames[frames.length - 1];
    expect(last.step).toBe(result.steps);
    expect(result.steps).toBe(5 * last.stepsPerEpoch);
    expect(last.regions.length).toBe(REGION_RES * REGION_RES);
    // 4 + 2 hidden neurons and the output.
    expect(last.neurons.length).toBe(7 * NEURON_RES * NEURON_RES);
    expect(last.params.length).toBe(networksParamCount(small, 2));
    expect(last.grads.length).toBe(last.params.length);
    for (const v of last.regions) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(result.divergedAtStep).toBeNull();
    expect(networksSim.outcome?.(result)).toEqual({ kind: 'completed' });
  });

  it('a frame after an idle gap carries exactly one more minibatch', () => {
    let t = 0;
    const gen = networksRun({ ...small, epochs: 50 }, () => t);
    let first = gen.next();
    while (!first.done && !first.value.frame) first = gen.next();
    expect(first.done ? null : first.value.frame?.step).toBe(0);
    for (let k = 1; k <= 3; k++) {
      t += 500; // paused, then stepped
      let r = gen.next();
      while (!r.done && !r.value.frame) r = gen.next();
      expect(r.done).toBe(false);
      if (!r.done) expect(r.value.frame?.step).toBe(k);
    }
  });

  it('the same seed gives the same frames however the clock cuts them', () => {
    const a = drain(small);
    let t = 0;
    const b = drain(small, () => (t += 0.37));
    expect(b.result).toEqual(a.result);
    expect(b.frames[b.frames.length - 1].params).toEqual(a.frames[a.frames.length - 1].params);
  });

  it('divergence stops the run at its step and is reported', () => {
    const preset = NETWORKS_PRESETS.find((p) => p.id === 'lr-too-high');
    if (!preset) throw new Error('story');
    const p = labPresetParams(networksLab, preset, NETWORKS_DEFAULTS);
    const { frames, result } = drain(p);
    expect(result.divergedAtStep).toBe(6);
    expect(networksSim.outcome?.(result)).toEqual({ kind: 'diverged', atStep: 6 });
    expect(frames[frames.length - 1].step).toBe(6);
  });

  it('starts from a scene’s weights when they fit, and from the initialiser otherwise', () => {
    const base = drain({ ...small, epochs: 1 }).frames[0].params;
    const w = Array.from(base, (_, i) => (i % 7) / 10);
    expect([...drain({ ...small, epochs: 1, weights: w }).frames[0].params]).toEqual(w);
    expect(drain({ ...small, epochs: 1, weights: [1, 2, 3] }).frames[0].params).toEqual(base);
  });

  it('softmax regions carry one probability per class and sum to one', () => {
    const p = { ...NETWORKS_DEFAULTS, dataset: 'gauss3' as const, layers: [], epochs: 2 };
    const f = drain(p).frames.pop();
    expect(f?.outDim).toBe(3);
    if (!f) return;
    for (let c = 0; c < 50; c++)
      expect(f.regions[3 * c] + f.regions[3 * c + 1] + f.regions[3 * c + 2]).toBeCloseTo(1, 5);
  });
});
