// The fast path (core/ml/mlp-kernel.ts) against the generic sliced passes: the same bits on random
// nets (every activation, residual or not, both losses, widths and batches that leave every
// remainder of the 2 × 4 blocks, zero inputs, ReLU zeros, an infinite weight), the same training
// run, the same work on the meter; and its gradient against finite differences.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationElu, activationLeakyRelu } from '../../../core/ml/activations';
import { mlpCreate, type ActivationSpec, type Mlp, type MlpConfig } from '../../../core/ml/mlp';
import { mlpLossAndGradientSlices } from '../../../core/ml/mlp-backward';
import { mlpForwardSlices } from '../../../core/ml/mlp-forward';
import {
  mlpKernelForward,
  mlpKernelLossAndGradient,
  mlpKernelSupports,
  mlpStepWork,
} from '../../../core/ml/mlp-kernel';
import { lossEvaluate } from '../../../core/ml/mlp-loss';
import { mlpTrainStep, mlpTrainStepSlices } from '../../../core/ml/mlp-train';
import { mlpDrain, mlpWorkWhole, type MlpWorkMeter } from '../../../core/ml/mlp-work';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { rngCreate, type Rng } from '../../../core/math/rng';

/** The bytes of a Float64Array, so +0/−0 and NaN payloads count too. */
const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

const ACTS: ActivationSpec[] = [
  ...(Object.keys(ACTIVATIONS) as ActivationSpec[]),
  activationLeakyRelu(0.2),
  activationElu(0.5),
];

interface Case {
  config: MlpConfig;
  batch: number;
  x: Float64Array;
  y: Float64Array;
}

/** A random net (random biases too), batch and data; some inputs exactly 0. */
function caseRandom(rng: Rng, k: number): Case {
  const depth = 1 + rng.int(4);
  const width = [1, 2, 3, 4, 5, 8, 9, 13][rng.int(8)];
  const sizes = [1 + rng.int(5), ...new Array<number>(depth).fill(width), 1 + rng.int(3)];
  if (rng.next() < 0.5) sizes[1] = 1 + rng.int(12);
  const loss = rng.next() < 0.5 ? 'mse' : 'bce-logits';
  const config: MlpConfig = {
    sizes,
    activation: ACTS[k % ACTS.length],
    loss,
    residual: rng.next() < 0.5,
    init: 'he-normal',
    seed: 1 + rng.int(1000),
  };
  const batch = 1 + rng.int(17);
  const x = Float64Array.from({ length: batch * sizes[0] }, () =>
    rng.next() < 0.15 ? 0 : rng.normal(),
  );
  const nOut = sizes[sizes.length - 1];
  const y = Float64Array.from({ length: batch * nOut }, () =>
    loss === 'mse' ? rng.normal() : rng.int(2),
  );
  return { config, batch, x, y };
}

/** Two identical nets with random biases (so no pre-activation sits at 0 by construction). */
function netPair(c: Case, rng: Rng): [Mlp, Mlp] {
  const a = mlpCreate(c.config, 4);
  for (const layer of a.layers) for (let j = 0; j < layer.b.length; j++) layer.b[j] = rng.normal();
  const b = mlpCreate(c.config, 4);
  b.params.set(a.params);
  return [a, b];
}

/** Every value the passes leave behind: loss, gradients, and each layer's z, a and output. */
function state(net: Mlp, loss: number): number[][] {
  const n = net.batch;
  const views = net.layers.flatMap((l) =>
    [l.z, l.a, l.out].map((v) => v.subarray(0, n * l.fanOut)),
  );
  return [[loss], ...[net.grads, ...views].map((v) => bits(v))];
}

describe('the fast path gives the bits of the generic passes', () => {
  it('on 300 random nets', () => {
    const rng = rngCreate(2024);
    for (let k = 0; k < 300; k++) {
      const c = caseRandom(rng, k);
      const [fast, generic] = netPair(c, rng);
      expect(mlpKernelSupports(fast)).toBe(true);
      const lf = mlpKernelLossAndGradient(fast, c.x, c.y, c.batch);
      const lg = mlpDrain(
        mlpLossAndGradientSlices(generic, c.x, c.y, c.batch, 'train', mlpWorkWhole()),
      );
      expect(state(fast, lf), `case ${k}: ${JSON.stringify(c.config.sizes)}`).toEqual(
        state(generic, lg),
      );
    }
  });

  it('with an infinite weight behind a zero input, and NaN inputs', () => {
    const config: MlpConfig = { sizes: [3, 5, 4, 2], activation: 'relu', loss: 'mse', seed: 4 };
    const x = Float64Array.from([0, 1, -2, 0.5, 0, 3, NaN, 1, 1, -1, 2, 0]);
    const y = Float64Array.from([1, 0, 0, 1, 1, 1, 0, 0]);
    const rng = rngCreate(9);
    const [fast, generic] = netPair({ config, batch: 4, x, y }, rng);
    for (const net of [fast, generic]) net.layers[0].w[2] = Infinity; // input 0 → unit 2
    const lf = mlpKernelLossAndGradient(fast, x, y, 4);
    const lg = mlpDrain(mlpLossAndGradientSlices(generic, x, y, 4, 'train', mlpWorkWhole()));
    expect(state(fast, lf)).toEqual(state(generic, lg));
    const out = mlpDrain(mlpForwardSlices(generic, x, 4, 'eval', mlpWorkWhole()));
    expect(bits(mlpKernelForward(fast, x, 4))).toEqual(bits(out));
  });

  it('trains to the same bits as the generic step that pauses inside its layers', () => {
    const config: MlpConfig = {
      sizes: [2, 8, 8, 1],
      activation: 'tanh',
      loss: 'bce-logits',
      residual: true,
      seed: 3,
    };
    const fast = mlpCreate(config, 10);
    const sliced = mlpCreate(config, 10);
    const rng = rngCreate(5);
    const options = { lr: 0.3, momentum: 0.9, clipNorm: 0.5 };
    const meter: MlpWorkMeter = { piece: 40, done: 0 };
    for (let step = 0; step < 200; step++) {
      const x = Float64Array.from({ length: 20 }, () => rng.normal());
      const y = Float64Array.from({ length: 10 }, () => rng.int(2));
      const a = mlpTrainStep(fast, x, y, 10, options);
      let pauses = 0;
      const gen = mlpTrainStepSlices(sliced, x, y, 10, options, meter);
      let r = gen.next();
      for (; !r.done; r = gen.next()) pauses++;
      expect(pauses).toBeGreaterThan(0);
      expect(r.value).toEqual(a);
      expect(bits(sliced.gradNorms)).toEqual(bits(fast.gradNorms));
    }
    expect(bits(sliced.params)).toEqual(bits(fast.params));
    expect(bits(sliced.velocity)).toEqual(bits(fast.velocity));
  });
});

describe('the sliced step on the fast path', () => {
  const config: MlpConfig = { sizes: [3, 6, 5, 2], activation: 'gelu', loss: 'mse', seed: 8 };
  const rng = rngCreate(3);
  const x = Float64Array.from({ length: 21 }, () => rng.normal());
  const y = Float64Array.from({ length: 14 }, () => rng.normal());

  it('counts the work the generic passes count', () => {
    const net = mlpCreate(config, 7);
    const meter: MlpWorkMeter = { piece: 1e15, done: 0 };
    mlpDrain(mlpLossAndGradientSlices(net, x, y, 7, 'train', meter));
    expect(mlpStepWork(net, 7)).toBe(meter.done + 2 * net.paramCount);
  });

  it('runs whole when the step fits in what is left of the piece, and pauses when it does not', () => {
    const work = mlpStepWork(mlpCreate(config, 7), 7);
    const run = (piece: number, done: number) => {
      const net = mlpCreate(config, 7);
      const meter: MlpWorkMeter = { piece, done };
      let pauses = 0;
      const gen = mlpTrainStepSlices(net, x, y, 7, { lr: 0.1 }, meter);
      let r = gen.next();
      for (; !r.done; r = gen.next()) pauses++;
      return { pauses, done: meter.done, params: bits(net.params), loss: r.value.loss };
    };
    const fits = run(work + 10, 9);
    expect(fits.pauses).toBe(0);
    expect(fits.done).toBe(work + 9);
    const over = run(work + 10, 10);
    expect(over.pauses).toBe(1);
    expect(over.params).toEqual(fits.params);
    expect(over.loss).toBe(fits.loss);
  });
});

describe('fast-path gradients vs finite differences', () => {
  const cases: Array<['tanh' | 'relu' | 'sigmoid' | 'mish', boolean, 'mse' | 'bce-logits']> = [];
  for (const act of ['tanh', 'relu', 'sigmoid', 'mish'] as const)
    for (const residual of [false, true])
      for (const loss of ['mse', 'bce-logits'] as const) cases.push([act, residual, loss]);

  it.each(cases)('%s residual=%s loss=%s', (activation, residual, loss) => {
    const B = 7;
    // Widths 5 and 6 leave remainders in every block; the input layer has a zero input.
    const sizes = [3, 5, 5, 6, 2];
    const net = mlpCreate({ sizes, activation, loss, residual, init: 'he-normal', seed: 11 }, B);
    const rng = rngCreate(21);
    for (const layer of net.layers)
      for (let j = 0; j < layer.b.length; j++) layer.b[j] = 0.5 + 0.5 * rng.normal();
    const x = Float64Array.from({ length: B * 3 }, (_, k) => (k === 4 ? 0 : rng.normal()));
    const y = Float64Array.from({ length: B * 2 }, (_, k) =>
      loss === 'mse' ? rng.normal() : k % 3 === 0 ? 1 : 0,
    );
    mlpKernelLossAndGradient(net, x, y, B);
    const analytic = Float64Array.from(net.grads);
    const saved = Float64Array.from(net.params);
    const numeric = finiteDiffGradient((p) => {
      net.params.set(p);
      const out = mlpKernelForward(net, x, B);
      return lossEvaluate(loss, out, y, out.length);
    }, saved);
    net.params.set(saved);
    let err = 0;
    let scale = 0;
    for (let i = 0; i < saved.length; i++) {
      err = Math.max(err, Math.abs(analytic[i] - numeric[i]));
      scale = Math.max(scale, Math.abs(numeric[i]));
    }
    expect(err / scale).toBeLessThan(1e-6);
  });
});
