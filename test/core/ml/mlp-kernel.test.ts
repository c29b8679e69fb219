// The fast path (core/ml/mlp-kernel.ts) and the generic sliced passes built on its loops, against
// a plain reference of the layer equations written out below (the passes as they were before the
// fast path): the same bits on random nets (every activation, residual or not, batch norm for the
// generic passes, both losses, widths and batches that leave every remainder of the 2 × 4 blocks,
// zero inputs, ReLU zeros, an infinite weight, NaN), the same training run, the same work on the
// meter; and the fast path's gradient against finite differences.
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  activationElu,
  activationLeakyRelu,
  type Activation,
} from '../../../core/ml/activations';
import {
  batchNormBackward,
  batchNormCacheCreate,
  batchNormForwardTrain,
  type BatchNormCache,
} from '../../../core/ml/batch-norm';
import { mlpCreate, type ActivationSpec, type Mlp, type MlpConfig } from '../../../core/ml/mlp';
import { mlpLossAndGradientSlices } from '../../../core/ml/mlp-backward';
import { mlpForwardSlices } from '../../../core/ml/mlp-forward';
import {
  mlpKernelForward,
  mlpKernelLossAndGradient,
  mlpKernelSupports,
  mlpStepWork,
} from '../../../core/ml/mlp-kernel';
import { kernelTanh } from '../../../core/ml/mlp-kernel-tanh';
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
    batchNorm: rng.next() < 0.3,
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

/** Two identical nets with random b, γ, β (so no pre-activation sits at 0 by construction). */
function netPair(c: Case, rng: Rng): [Mlp, Mlp] {
  const a = mlpCreate(c.config, 4);
  for (const layer of a.layers)
    for (const v of [layer.b, layer.gamma, layer.beta])
      for (let j = 0; j < v.length; j++) v[j] = rng.normal();
  const b = mlpCreate(c.config, 4);
  b.params.set(a.params);
  return [a, b];
}

/** What a pass leaves behind: its loss, ∂L/∂params, and each layer's z, u, a and output. */
interface Passes {
  loss: number;
  grads: Float64Array;
  layers: { z: Float64Array; u: Float64Array; a: Float64Array; out: Float64Array }[];
}

const compared = (p: Passes): number[][] => [
  [p.loss],
  bits(p.grads),
  ...p.layers.flatMap((l) => [l.z, l.u, l.a, l.out].map(bits)),
];

function netPasses(net: Mlp, loss: number): number[][] {
  const n = net.batch;
  const layers = net.layers.map((l) => {
    const [z, u, a, out] = [l.z, l.u, l.a, l.out].map((v) => v.subarray(0, n * l.fanOut));
    return { z, u, a, out };
  });
  return compared({ loss, grads: net.grads, layers });
}

/** The activation as the MLP computes it: tanh by kernelTanh (a few ulp from Math.tanh). */
const actF = (act: Activation): ((x: number) => number) =>
  act.f === Math.tanh ? kernelTanh : act.f;
/** Its derivative as the MLP computes it: tanh′ = 1 − tanh². */
const actDf = (act: Activation): ((x: number) => number) =>
  act.f === Math.tanh ? (x) => 1 - kernelTanh(x) * kernelTanh(x) : act.df;

/**
 * Reference: the equations of core/ml/mlp.ts in plain loops, in train mode, leaving the net as it
 * is. z_sj starts at b_j and adds h_si W_ij for i = 0, 1, … skipping h_si = 0; ∂L/∂W and ∂L/∂b add
 * rows s = 0, 1, …, skipping zero inputs on the input layer only; ∂L/∂h_si adds j = 0, 1, ….
 */
function reference(net: Mlp, x: Float64Array, y: Float64Array, B: number): number[][] {
  let h = x.slice(0, B * net.config.sizes[0]);
  const inputs: Float64Array[] = [];
  const layers: (Passes['layers'][number] & { cache: BatchNormCache | null })[] = [];
  for (const L of net.layers) {
    const { fanIn: fi, fanOut: fo, w, b, activation } = L;
    const z = new Float64Array(B * fo);
    for (let s = 0; s < B; s++) {
      for (let j = 0; j < fo; j++) z[s * fo + j] = b.length > 0 ? b[j] : 0;
      for (let i = 0; i < fi; i++) {
        const hv = h[s * fi + i];
        if (hv !== 0) for (let j = 0; j < fo; j++) z[s * fo + j] += hv * w[i * fo + j];
      }
    }
    let u = z;
    let cache: BatchNormCache | null = null;
    if (L.batchNorm) {
      u = new Float64Array(B * fo);
      cache = batchNormCacheCreate(B, fo);
      batchNormForwardTrain(z, B, fo, L.gamma, L.beta, net.bnEps, cache, u);
    }
    const a = activation ? u.map((v) => actF(activation)(v)) : u;
    const out = L.residual ? h.map((v, k) => v + a[k]) : a;
    inputs.push(h);
    layers.push({ z, u, a, out, cache });
    h = out;
  }
  let g = new Float64Array(h.length);
  const loss = lossEvaluate(net.config.loss, h, y, h.length, g);
  const grads = new Float64Array(net.paramCount);
  for (let l = net.layers.length - 1; l >= 0; l--) {
    const { fanIn: fi, fanOut: fo, w, offset, activation, batchNorm, residual } = net.layers[l];
    const nw = fi * fo;
    let dz = g;
    if (activation) {
      dz = g.map((v, k) => v * actDf(activation)(layers[l].u[k]));
      if (batchNorm) {
        const [gGamma, gBeta] = [1, 2].map((m) =>
          grads.subarray(offset + nw + (m - 1) * fo, offset + nw + m * fo),
        );
        batchNormBackward(dz, B, fo, net.layers[l].gamma, layers[l].cache!, dz, gGamma, gBeta);
      }
    }
    if (!batchNorm)
      for (let s = 0; s < B; s++)
        for (let j = 0; j < fo; j++) grads[offset + nw + j] += dz[s * fo + j];
    const next = new Float64Array(B * fi);
    for (let s = 0; s < B; s++) {
      for (let i = 0; i < fi; i++) {
        const hv = inputs[l][s * fi + i];
        let sum = 0;
        for (let j = 0; j < fo; j++) {
          const d = dz[s * fo + j];
          if (l > 0 || hv !== 0) grads[offset + i * fo + j] += hv * d;
          sum += d * w[i * fo + j];
        }
        next[s * fi + i] = residual ? sum + g[s * fi + i] : sum;
      }
    }
    g = next;
  }
  return compared({ loss, grads, layers });
}

describe('the fast path and the generic passes give the bits of the reference', () => {
  it('on 400 random nets, the generic passes a row or two at a time', () => {
    const rng = rngCreate(2024);
    for (let k = 0; k < 400; k++) {
      const c = caseRandom(rng, k);
      const [fast, generic] = netPair(c, rng);
      const what = `case ${k}: ${JSON.stringify(c.config)}, batch ${c.batch}`;
      const expected = reference(generic, c.x, c.y, c.batch);
      const meter: MlpWorkMeter = { piece: 100, done: 0 };
      const lg = mlpDrain(mlpLossAndGradientSlices(generic, c.x, c.y, c.batch, 'train', meter));
      expect(netPasses(generic, lg), what).toEqual(expected);
      expect(mlpKernelSupports(fast)).toBe(!c.config.batchNorm);
      if (c.config.batchNorm) continue;
      const lf = mlpKernelLossAndGradient(fast, c.x, c.y, c.batch);
      expect(netPasses(fast, lf), what).toEqual(expected);
    }
  });

  it('skips zero inputs where the reference does: infinities stay out, NaN goes through', () => {
    const rng = rngCreate(9);
    const run = (config: MlpConfig, x: Float64Array, y: Float64Array, edit: (n: Mlp) => void) => {
      const B = y.length / config.sizes[config.sizes.length - 1];
      const [fast, generic] = netPair({ config, batch: B, x, y }, rng);
      edit(fast);
      edit(generic);
      const expected = reference(generic, x, y, B);
      const lf = mlpKernelLossAndGradient(fast, x, y, B);
      const lg = mlpDrain(mlpLossAndGradientSlices(generic, x, y, B, 'train', mlpWorkWhole()));
      expect(netPasses(fast, lf)).toEqual(expected);
      expect(netPasses(generic, lg)).toEqual(expected);
      const out = mlpDrain(mlpForwardSlices(generic, x, B, 'eval', mlpWorkWhole()));
      expect(bits(mlpKernelForward(fast, x, B))).toEqual(bits(out));
      return fast;
    };
    const tanh: MlpConfig = { sizes: [2, 3, 1], activation: 'tanh', loss: 'mse', seed: 4 };
    // An infinite weight behind an input that is 0 in every row: 0·∞ never happens.
    const a = run(tanh, Float64Array.from([0, 1, 0, -0.5]), Float64Array.from([1, 0]), (n) => {
      n.layers[0].w[1] = Infinity;
    });
    expect(a.grads.every(Number.isFinite)).toBe(true);
    // An infinite ∂L/∂ŷ in the row whose first input is 0: that input's weights stay finite.
    const b = run(
      tanh,
      Float64Array.from([0, 1, 0.5, -1]),
      Float64Array.from([-Infinity, 0.3]),
      () => {},
    );
    expect(Array.from(b.layers[0].gw.subarray(0, 3)).every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(b.layers[0].gw[3])).toBe(false); // input 1 is not 0 there
    // NaN and zero inputs through ReLU layers.
    const relu: MlpConfig = { sizes: [3, 5, 4, 2], activation: 'relu', loss: 'mse', seed: 4 };
    const x = Float64Array.from([0, 1, -2, 0.5, 0, 3, NaN, 1, 1, -1, 2, 0]);
    run(relu, x, Float64Array.from([1, 0, 0, 1, 1, 1, 0, 0]), () => {});
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
