// Batch norm per hidden layer and inverted dropout in the Networks lab's net: backward passes
// against central finite differences with the dropout mask held fixed (reseeded before every
// pass), rate 0 equal to no dropout bit for bit, masks that follow their seed, evaluation without
// dropout, which nets the fast path serves, and the trainer's batch-norm details (a left-over point
// joins a batch, running statistics carried with the weights, a batch of one).
import { describe, expect, it } from 'vitest';
import { rngCreate } from '../../../core/math/rng';
import type { ActivationId } from '../../../core/ml/activations';
import { mlpDropoutReseed } from '../../../core/ml/dropout';
import { mlpCreate } from '../../../core/ml/mlp';
import { mlpForward } from '../../../core/ml/mlp-forward';
import { mlpKernelSupports } from '../../../core/ml/mlp-kernel';
import { mlpTrainStep, mlpTrainStepSlices } from '../../../core/ml/mlp-train';
import { mlpDrain } from '../../../core/ml/mlp-work';
import { netDatasetCreate } from '../../../core/ml/net-data';
import {
  netCreate,
  netHeadLoss,
  netLossAndGradient,
  netPenalty,
  type NetLayerSpec,
  type NetOutputId,
  type NetSpec,
} from '../../../core/ml/net-model';
import { NetTrainer, type NetTrainerConfig } from '../../../core/ml/net-train';

const MASK_SEED = 77;

/** L + Ω in training mode with the dropout mask of MASK_SEED. */
function totalLoss(net: ReturnType<typeof netCreate>, x: Float64Array, y: Float64Array, n: number) {
  mlpDropoutReseed(net.mlp, MASK_SEED);
  const z = mlpForward(net.mlp, x, n, 'train');
  return netHeadLoss(net.spec.output, z, y, n, net.spec.outputs) + netPenalty(net, false);
}

/** Worst relative gap between backprop and central differences over every parameter. */
function gradientGap(spec: NetSpec, seed: number, n = 6): number {
  const rng = rngCreate(seed);
  const x = Float64Array.from({ length: n * spec.inputs }, () => 2 * rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) =>
    spec.output === 'linear' ? rng.normal() : spec.output === 'softmax' ? i % spec.outputs : i % 2,
  );
  const net = netCreate(spec);
  const p = net.mlp.params;
  for (let i = 0; i < p.length; i++) p[i] = 0.8 * rng.normal();
  mlpDropoutReseed(net.mlp, MASK_SEED);
  netLossAndGradient(net, x, y, n);
  const g = net.mlp.grads.slice();
  const h = 1e-6;
  let worst = 0;
  for (let i = 0; i < p.length; i++) {
    const p0 = p[i];
    p[i] = p0 + h;
    const up = totalLoss(net, x, y, n);
    p[i] = p0 - h;
    const down = totalLoss(net, x, y, n);
    p[i] = p0;
    const fd = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
  }
  return worst;
}

function spec(layers: NetLayerSpec[], output: NetOutputId, outputs: number, seed: number): NetSpec {
  return { inputs: 3, layers, output, outputs, init: 'xavier', l1: 0.01, l2: 0.05, seed };
}

describe('backprop with batch norm in any layer and dropout with a fixed mask', () => {
  const heads: [NetOutputId, number][] = [
    ['tanh', 1],
    ['sigmoid', 1],
    ['softmax', 3],
    ['linear', 1],
  ];
  const acts: ActivationId[] = ['tanh', 'sigmoid', 'relu', 'elu', 'gelu', 'swish'];
  // Which of three hidden layers get batch norm (bit l) and which dropout rates they have.
  const plans: { bn: number; drop: [number, number, number] }[] = [
    { bn: 0b001, drop: [0, 0, 0] },
    { bn: 0b010, drop: [0, 0.5, 0] },
    { bn: 0b100, drop: [0.3, 0, 0.3] },
    { bn: 0b101, drop: [0, 0, 0.6] },
    { bn: 0b000, drop: [0.5, 0.2, 0] },
    { bn: 0b111, drop: [0.4, 0.4, 0.4] },
  ];
  for (const [output, k] of heads) {
    plans.forEach(({ bn, drop }, c) => {
      const act = acts[(c + heads.length) % acts.length];
      const name = `${output} head, ${act}, batch norm on ${bn.toString(2).padStart(3, '0')}, dropout ${drop.join('/')}`;
      it(name, () => {
        const layers = [4, 3, 5].map((units, l) => ({
          units,
          activation: acts[(c + l) % acts.length],
          batchNorm: ((bn >> l) & 1) === 1,
          dropout: drop[l],
        }));
        for (const seed of [1, 2, 3]) {
          expect(gradientGap(spec(layers, output, k, seed), 10 * seed + c)).toBeLessThan(1e-6);
        }
      });
    });
  }

  it('an evaluation pass backpropagates through the running statistics', () => {
    for (const [output, k] of heads) {
      const layers = [4, 3].map((units, l) => ({
        units,
        activation: acts[l],
        batchNorm: true,
        dropout: 0.3 * l,
      }));
      const net = netCreate(spec(layers, output, k, 6));
      const rng = rngCreate(9);
      const n = 6;
      const x = Float64Array.from({ length: n * 3 }, () => 2 * rng.normal());
      const y = Float64Array.from({ length: n }, (_, i) =>
        output === 'linear' ? rng.normal() : i % Math.max(2, k),
      );
      const p = net.mlp.params;
      for (let i = 0; i < p.length; i++) p[i] = 0.8 * rng.normal();
      // Running statistics away from 0 and 1: a few training passes on other inputs.
      for (let i = 0; i < 5; i++) {
        const xi = Float64Array.from({ length: n * 3 }, () => 3 * rng.normal() + 1);
        mlpForward(net.mlp, xi, n, 'train');
      }
      const evalLoss = () =>
        netHeadLoss(output, mlpForward(net.mlp, x, n, 'eval'), y, n, k) + netPenalty(net, false);
      netLossAndGradient(net, x, y, n, 'eval');
      const g = net.mlp.grads.slice();
      const h = 1e-6;
      let worst = 0;
      for (let i = 0; i < p.length; i++) {
        const p0 = p[i];
        p[i] = p0 + h;
        const up = evalLoss();
        p[i] = p0 - h;
        const down = evalLoss();
        p[i] = p0;
        const fd = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
      }
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it('the mask is held: some units are dropped, and reseeding gives the same loss', () => {
    const s = spec(
      [{ units: 8, activation: 'tanh', dropout: 0.5, batchNorm: true }],
      'sigmoid',
      1,
      4,
    );
    const net = netCreate(s);
    const x = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i));
    const y = Float64Array.from({ length: 10 }, (_, i) => i % 2);
    const a = totalLoss(net, x, y, 10);
    const zeros = net.mlp.layers[0].mask.subarray(0, 80).filter((m) => m === 0).length;
    expect(zeros).toBeGreaterThan(20);
    expect(zeros).toBeLessThan(60);
    for (const m of net.mlp.layers[0].mask.subarray(0, 80)) expect([0, 2]).toContain(m);
    expect(totalLoss(net, x, y, 10)).toBe(a);
  });
});

describe('dropout', () => {
  const data = netDatasetCreate('spiral', 120, 0.1, 3);
  function trainer(layers: NetLayerSpec[], seed = 2, steps = 40): NetTrainer {
    const config: NetTrainerConfig = {
      spec: { inputs: 2, layers, output: 'tanh', outputs: 1, init: 'xavier', l1: 0, l2: 0, seed },
      features: ['x1', 'x2'],
      points: data,
      trainRatio: 0.5,
      batch: 7,
      optimizer: 'adam',
      lr: 0.01,
    };
    const t = new NetTrainer(config);
    for (let i = 0; i < steps; i++) t.step();
    return t;
  }

  it('rate 0 is no dropout, bit for bit, and keeps the fast path', () => {
    const plain = trainer([
      { units: 6, activation: 'tanh' },
      { units: 5, activation: 'relu' },
    ]);
    const zero = trainer([
      { units: 6, activation: 'tanh', dropout: 0 },
      { units: 5, activation: 'relu', dropout: 0, batchNorm: false },
    ]);
    expect(mlpKernelSupports(zero.net.mlp)).toBe(true);
    expect(Array.from(zero.net.mlp.params)).toEqual(Array.from(plain.net.mlp.params));
    expect(zero.evaluate()).toEqual(plain.evaluate());
  });

  it('a different seed draws a different mask; the same seed the same one', () => {
    const masks = (dropoutSeed: number) => {
      const net = mlpCreate({
        sizes: [2, 16, 1],
        activation: 'tanh',
        loss: 'mse',
        dropout: 0.5,
        dropoutSeed,
      });
      mlpForward(
        net,
        Float64Array.from({ length: 20 }, (_, i) => i / 7),
        10,
        'train',
      );
      return Array.from(net.layers[0].mask.subarray(0, 160));
    };
    expect(masks(5)).toEqual(masks(5));
    expect(masks(6)).not.toEqual(masks(5));
    // Through the lab's spec: the seed that draws the weights also moves the masks.
    const one = trainer([{ units: 8, activation: 'tanh', dropout: 0.5 }], 1, 1);
    const two = trainer([{ units: 8, activation: 'tanh', dropout: 0.5 }], 2, 1);
    expect(Array.from(one.droppedCounts())).not.toEqual(Array.from(two.droppedCounts()));
  });

  it('evaluation drops nothing: eval output equals the same weights without dropout', () => {
    const drop = trainer([{ units: 8, activation: 'tanh', dropout: 0.5 }], 3, 30);
    const plain = netCreate({ ...drop.net.spec, layers: [{ units: 8, activation: 'tanh' }] });
    plain.mlp.params.set(drop.net.mlp.params);
    const x = drop.xTest;
    const n = drop.nTest;
    const a = Array.from(mlpForward(drop.net.mlp, x, n, 'eval'));
    expect(a).toEqual(Array.from(mlpForward(plain.mlp, x, n, 'eval')));
    // Training passes do drop: the same input gives another output.
    expect(Array.from(mlpForward(drop.net.mlp, x, n, 'train'))).not.toEqual(a);
  });

  it('a training step counts the zeros it drew, per neuron, about p of the batch', () => {
    const t = trainer([{ units: 16, activation: 'tanh', dropout: 0.25 }], 4, 1);
    const counts = Array.from(t.droppedCounts());
    const total = counts.reduce((s, c) => s + c, 0);
    expect(t.lastBatch).toBe(7);
    expect(counts.every((c) => c >= 0 && c <= 7)).toBe(true);
    expect(total).toBeGreaterThan(0.1 * 16 * 7);
    expect(total).toBeLessThan(0.4 * 16 * 7);
  });
});

describe('which nets the fast path serves', () => {
  const make = (batchNorm?: boolean | boolean[], dropout?: number | number[]) =>
    mlpCreate({ sizes: [2, 4, 3, 1], activation: 'tanh', loss: 'mse', batchNorm, dropout });
  it('plain nets only; batch norm in one layer or dropout in one layer go the generic way', () => {
    expect(mlpKernelSupports(make())).toBe(true);
    expect(mlpKernelSupports(make([false, false], [0, 0]))).toBe(true);
    expect(mlpKernelSupports(make([false, true]))).toBe(false);
    expect(mlpKernelSupports(make(true))).toBe(false);
    expect(mlpKernelSupports(make(false, [0, 0.1]))).toBe(false);
    const net = make([true, false], [0, 0.2]);
    expect(net.layers.map((l) => [l.batchNorm, l.dropout])).toEqual([
      [true, 0],
      [false, 0.2],
      [false, 0],
    ]);
    expect(net.running.length).toBe(8);
  });
  it('refuses a rate of 1 or a list of the wrong length', () => {
    expect(() => make(false, 1)).toThrow(RangeError);
    expect(() => make([true], 0)).toThrow(RangeError);
  });
  it('a step that pauses inside its layers draws the same masks: same bits as a whole step', () => {
    const a = make([false, true], [0.5, 0]);
    const b = make([false, true], [0.5, 0]);
    const x = Float64Array.from({ length: 16 }, (_, i) => Math.cos(i));
    const y = Float64Array.from({ length: 8 }, (_, i) => i % 2);
    for (let i = 0; i < 5; i++) {
      mlpTrainStep(a, x, y, 8, { lr: 0.1 });
      mlpDrain(mlpTrainStepSlices(b, x, y, 8, { lr: 0.1 }, { piece: 20, done: 0 }));
    }
    expect(Array.from(b.params)).toEqual(Array.from(a.params));
    expect(Array.from(b.layers[0].mask.subarray(0, 32))).toEqual(
      Array.from(a.layers[0].mask.subarray(0, 32)),
    );
  });
});

describe('batch norm in the trainer', () => {
  const data = netDatasetCreate('circle', 42, 0, 1);
  const config = (batch: number, bn: boolean): NetTrainerConfig => ({
    spec: {
      inputs: 2,
      layers: [{ units: 4, activation: 'tanh', batchNorm: bn }],
      output: 'tanh',
      outputs: 1,
      init: 'xavier',
      l1: 0,
      l2: 0,
      seed: 1,
    },
    features: ['x1', 'x2'],
    points: data,
    trainRatio: 0.5,
    batch,
    optimizer: 'sgd',
    lr: 0.1,
  });

  it('a single left-over point joins the epoch’s last batch (21 points, batch 10: 10 and 11)', () => {
    const t = new NetTrainer(config(10, true));
    expect(t.nTrain).toBe(21);
    expect(t.stepsPerEpoch).toBe(2);
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      t.step();
      sizes.push(t.lastBatch);
    }
    expect(sizes).toEqual([10, 11, 10, 11]);
    const plain = new NetTrainer(config(10, false));
    expect(plain.stepsPerEpoch).toBe(3);
  });

  it('weights carry the running statistics: a new trainer from them evaluates the same', () => {
    const t = new NetTrainer(config(5, true));
    for (let i = 0; i < 30; i++) t.step();
    const w = t.weightsWithRunning();
    expect(w.length).toBe(t.net.mlp.params.length + 8);
    const again = new NetTrainer({ ...config(5, true), initialWeights: w });
    expect(again.evaluate()).toEqual(t.evaluate());
    // θ alone (a scene from before) still opens, with the initial running statistics.
    const old = new NetTrainer({
      ...config(5, true),
      initialWeights: t.net.mlp.params.slice(),
    });
    expect(Array.from(old.net.mlp.params)).toEqual(Array.from(t.net.mlp.params));
    expect(Array.from(old.net.mlp.running)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('batch size 1: the neuron outputs β, nothing before it learns, running averages stay', () => {
    const t = new NetTrainer(config(1, true));
    const w0 = t.net.mlp.layers[0].w.slice();
    for (let i = 0; i < 10; i++) t.step();
    const layer = t.net.mlp.layers[0];
    expect(Array.from(layer.w)).toEqual(Array.from(w0));
    expect(Array.from(layer.gGamma)).toEqual([0, 0, 0, 0]);
    for (let i = 0; i < 3; i++) {
      mlpForward(t.net.mlp, t.xTrain.subarray(2 * i, 2 * i + 2), 1, 'train');
      expect(Array.from(layer.u.subarray(0, 4))).toEqual(Array.from(layer.beta));
    }
    expect(Array.from(t.net.mlp.running)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
  });
});
