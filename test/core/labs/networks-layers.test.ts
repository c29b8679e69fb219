// The Networks lab's per-layer batch norm and dropout in its params: an old scene's top-level
// batchNorm: true still opens and puts batch norm on every hidden layer; a layer without the new
// fields has neither; rates above the bound are refused with the field named.
import { describe, expect, it } from 'vitest';
import { issueText } from '../../../core/labs/define';
import {
  networksLayers,
  networksParamCount,
  networksRunningCount,
  networksTrainerConfig,
} from '../../../core/labs/networks/model';
import { networksParamsSchema } from '../../../core/labs/networks/params';
import { NETWORKS_DEFAULTS } from '../../../core/labs/networks/presets';
import { networksRun, type NetworksFrame } from '../../../core/labs/networks/sim';
import { NetTrainer } from '../../../core/ml/net-train';

describe('networks params: batch norm and dropout per layer', () => {
  it('an old scene with batchNorm: true opens with batch norm on every hidden layer', () => {
    const old = networksParamsSchema.parse({ ...NETWORKS_DEFAULTS, batchNorm: true });
    expect(networksLayers(old).map((l) => [l.batchNorm, l.dropout])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    // 2-4-2-1: W 8 + γβ 8, W 8 + γβ 4, W 2 + b 1.
    expect(networksParamCount(old, 2)).toBe(31);
    expect(networksRunningCount(old)).toBe(12);
    const t = new NetTrainer(networksTrainerConfig(old));
    expect(t.net.mlp.layers.map((l) => l.batchNorm)).toEqual([true, true, false]);
    expect(t.net.mlp.params.length).toBe(31);
    expect(t.weightsWithRunning().length).toBe(31 + 12);
  });

  it('layers without the new fields have neither; the defaults run on the fast path', () => {
    expect(networksLayers(NETWORKS_DEFAULTS).every((l) => !l.batchNorm && l.dropout === 0)).toBe(
      true,
    );
    // 2-4-2-1: W 8 + b 4, W 8 + b 2, W 2 + b 1.
    expect(networksParamCount(NETWORKS_DEFAULTS, 2)).toBe(25);
    const t = new NetTrainer(networksTrainerConfig(NETWORKS_DEFAULTS));
    expect(t.net.mlp.anyBatchNorm || t.net.mlp.anyDropout).toBe(false);
  });

  it('per-layer settings reach the net; a rate above 0.9 is refused with its field named', () => {
    const p = networksParamsSchema.parse({
      ...NETWORKS_DEFAULTS,
      layers: [
        { units: 3, activation: 'relu', dropout: 0.5 },
        { units: 2, activation: 'tanh', batchNorm: true },
      ],
    });
    const t = new NetTrainer(networksTrainerConfig(p));
    expect(t.net.mlp.layers.map((l) => [l.batchNorm, l.dropout])).toEqual([
      [false, 0.5],
      [true, 0],
      [false, 0],
    ]);
    const bad = networksParamsSchema.safeParse({
      ...NETWORKS_DEFAULTS,
      layers: [{ units: 3, activation: 'relu', dropout: 0.95 }],
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(issueText(bad.error)).toMatch(/^layers\.0\.dropout: /);
  });

  it('a run’s frames carry θ with the running averages, and per neuron what dropout zeroed', () => {
    const p = networksParamsSchema.parse({
      ...NETWORKS_DEFAULTS,
      epochs: 3,
      layers: [
        { units: 4, activation: 'tanh', batchNorm: true },
        { units: 3, activation: 'tanh', dropout: 0.5 },
      ],
    });
    const gen = networksRun(p);
    let last: NetworksFrame | null = null;
    for (let r = gen.next(); !r.done; r = gen.next()) if (r.value.frame) last = r.value.frame;
    if (!last) throw new Error('no frame');
    // 2-4-3-1: W 8 + γβ 8, W 12 + b 3, W 3 + b 1 = 35, then μ̄ and σ̄² of the 4 batch-norm neurons.
    expect(networksParamCount(p, 2)).toBe(35);
    expect(last.params.length).toBe(35 + 8);
    expect(last.params.slice(35, 39).some((v) => v !== 0)).toBe(true);
    expect(last.params.slice(39).every((v) => v > 0)).toBe(true);
    // The last minibatch: 10 samples; layer 1 drops nothing, layer 2 about half of 30.
    expect(last.batchRows).toBe(10);
    const d = Array.from(last.dropped);
    expect(d.slice(0, 4)).toEqual([0, 0, 0, 0]);
    const zeros = d.slice(4).reduce((a, b) => a + b, 0);
    expect(zeros).toBeGreaterThan(5);
    expect(zeros).toBeLessThan(25);
    // A trainer started from those weights evaluates as the run's last history row says.
    const t = new NetTrainer({ ...networksTrainerConfig(p), initialWeights: last.params });
    expect(t.evaluate().testLoss).toBe(last.history[last.history.length - 3]);
  });
});
