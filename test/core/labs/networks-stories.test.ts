// The Networks lab's stories, asserted on their real numbers (seeded runs of the same trainer the
// simulation uses): the figures each story's text states must be what the run gives.
import { describe, expect, it } from 'vitest';
import { labPresetParams } from '../../../core/labs/define';
import { networksTrainerConfig } from '../../../core/labs/networks/model';
import type { NetworksParams } from '../../../core/labs/networks/params';
import { NETWORKS_DEFAULTS, NETWORKS_PRESETS } from '../../../core/labs/networks/presets';
import { NetTrainer } from '../../../core/ml/net-train';

function story(id: string, extra: Partial<NetworksParams> = {}): NetworksParams {
  const preset = NETWORKS_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(id);
  return {
    ...labPresetParams({ defaults: NETWORKS_DEFAULTS }, preset, NETWORKS_DEFAULTS),
    ...extra,
  };
}

function train(p: NetworksParams) {
  const t = new NetTrainer(networksTrainerConfig(p));
  const total = p.epochs * t.stepsPerEpoch;
  let divergedAt: number | null = null;
  while (t.steps < total) {
    const r = t.step();
    if (!Number.isFinite(r.loss) || t.paramsBroken()) {
      divergedAt = t.steps;
      break;
    }
  }
  return { t, m: t.evaluate(), divergedAt };
}

const text = (id: string) => NETWORKS_PRESETS.find((p) => p.id === id)?.story ?? '';
const pct = (v: number, digits = 0) => `${(100 * v).toFixed(digits)} %`;

describe('networks stories', () => {
  it('the default net (Playground’s) learns the circle', () => {
    const { m } = train(story('playground'));
    expect(m.testAcc).toBe(1);
  });

  it('XOR: no hidden layer stays near two thirds; one hidden layer of 4 solves it', () => {
    const lin = train(story('xor-linear')).m;
    const hid = train(story('xor-hidden')).m;
    expect(lin.testAcc).toBeLessThan(0.7);
    expect(hid.testAcc).toBeGreaterThan(0.9);
    expect(text('xor-linear')).toContain(pct(lin.testAcc));
    expect(text('xor-hidden')).toContain(pct(hid.testAcc));
    // More training does not rescue the linear model.
    expect(train(story('xor-linear', { epochs: 400 })).m.testAcc).toBeLessThan(0.7);
  });

  it('spiral: linear stays near a coin toss; depth and sin features solve it', () => {
    const lin = train(story('spiral-linear')).m;
    expect(lin.testAcc).toBeLessThan(0.7);
    expect(text('spiral-linear')).toContain(pct(lin.testAcc));
    const deep = train(story('spiral-deep')).m;
    expect(deep.testAcc).toBe(1);
    expect(text('spiral-deep')).toContain('every test point');
  });

  it('too high a learning rate diverges, and the step is known', () => {
    const r = train(story('lr-too-high'));
    expect(r.divergedAt).toBe(6);
    expect(text('lr-too-high')).toContain('after 6 steps');
    // A hundredth of it trains.
    const ok = train(story('lr-too-high', { lr: 0.03 }));
    expect(ok.divergedAt).toBeNull();
    expect(ok.m.testLoss).toBeLessThan(0.01);
  });

  it('zero init: every neuron of a layer stays identical and the net is stuck', () => {
    const { t, m } = train(story('zero-init'));
    for (const layer of t.net.mlp.layers.slice(0, -1)) {
      const { w, b, fanIn, fanOut } = layer;
      for (let j = 1; j < fanOut; j++) {
        expect(b[j]).toBe(b[0]);
        for (let i = 0; i < fanIn; i++) expect(w[i * fanOut + j]).toBe(w[i * fanOut]);
      }
    }
    // Sigmoid neurons did move (0.5 ≠ 0), together.
    expect(Math.abs(t.net.mlp.layers[1].w[0])).toBeGreaterThan(0);
    expect(text('zero-init')).toContain(pct(m.testAcc));
    expect(m.testAcc).toBeLessThan(0.6);
  });

  it('L2 on a noisy small training set: the test loss falls', () => {
    const on = train(story('l2-smooths')).m;
    const off = train(story('l2-smooths', { l2: 0 })).m;
    expect(off.trainAcc).toBe(1);
    expect(off.testLoss).toBeGreaterThan(3 * on.testLoss);
    expect(text('l2-smooths')).toContain(`test loss reaches ${off.testLoss.toFixed(1)}`);
    expect(text('l2-smooths')).toContain(`stays at ${on.testLoss.toFixed(2)}`);
    expect(text('l2-smooths')).toContain(`${Math.round(200 * 0.2)} noisy`.replace('40', 'Forty'));
  });

  it('dropout on the overfit net: the test loss ends far lower than without', () => {
    const on = train(story('dropout-overfit')).m;
    const off = train(
      story('dropout-overfit', {
        layers: story('dropout-overfit').layers.map((l) => ({ ...l, dropout: 0 })),
      }),
    ).m;
    expect(off.trainAcc).toBe(1);
    expect(off.testLoss).toBeGreaterThan(3 * on.testLoss);
    // The same net and data as the L2 story without its penalty.
    expect(off.testLoss).toBe(train(story('l2-smooths', { l2: 0 })).m.testLoss);
    expect(text('dropout-overfit')).toContain(
      `without dropout it reaches ${off.testLoss.toFixed(1)}`,
    );
    expect(text('dropout-overfit')).toContain(`ends at ${on.testLoss.toFixed(2)}`);
    expect(text('dropout-overfit')).toContain('p = 0.3');
    expect(on.trainAcc).toBeLessThan(1);
    expect(text('dropout-overfit')).toContain(`fits ${pct(on.trainAcc)} of the training points`);
  });

  it('batch norm lets a deep sigmoid net learn in 50 epochs; without it the net stays stuck', () => {
    const p = story('batch-norm-deep');
    const on = train(p).m;
    const off = train({ ...p, layers: p.layers.map((l) => ({ ...l, batchNorm: false })) }).m;
    expect(off.testAcc).toBeLessThan(0.6);
    expect(on.testAcc).toBeGreaterThan(0.9);
    expect(text('batch-norm-deep')).toContain(`still at ${pct(off.testAcc)} test accuracy`);
    expect(text('batch-norm-deep')).toContain(`it reaches ${pct(on.testAcc)}`);
    expect(p.layers).toHaveLength(5);
    expect(p.epochs).toBe(50);
  });

  it('three classes with softmax: regions meet along straight lines between the clusters', () => {
    const { t, m } = train(story('three-classes'));
    expect(t.net.spec.output).toBe('softmax');
    expect(t.net.spec.outputs).toBe(3);
    expect(text('three-classes')).toContain(pct(m.testAcc, 1));
    // With no hidden layer the boundary between classes i and j is the line (w_i − w_j)·x + b_i − b_j = 0:
    // it passes between the two cluster centres (each centre on its own class's side).
    const { w, b } = t.net.mlp.layers[0];
    const centre = (c: number) => [
      3.5 * Math.cos(Math.PI / 2 + (c * 2 * Math.PI) / 3),
      3.5 * Math.sin(Math.PI / 2 + (c * 2 * Math.PI) / 3),
    ];
    const score = (c: number, [a, d]: number[]) => w[c] * a + w[3 + c] * d + b[c];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++)
        if (i !== j) expect(score(i, centre(i))).toBeGreaterThan(score(j, centre(i)));
    }
  });
});
