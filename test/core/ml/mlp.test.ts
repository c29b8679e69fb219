import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activationElu, activationLeakyRelu } from '../../../core/ml/activations';
import { mlpCreate, type ActivationSpec, type MlpLossId } from '../../../core/ml/mlp';
import { mlpBackward, mlpLoss, mlpLossAndGradient } from '../../../core/ml/mlp-backward';
import { mlpForward } from '../../../core/ml/mlp-forward';
import { lossBceLogits, lossMse } from '../../../core/ml/mlp-loss';
import {
  histogramFill,
  mlpActivationValues,
  mlpGradNormsFill,
  mlpSgdUpdate,
  mlpTrainStep,
} from '../../../core/ml/mlp-train';
import { finiteDiffGradient, finiteDiffScalar } from '../../../core/math/finite-diff';
import { rngCreate } from '../../../core/math/rng';

function randomArray(n: number, seed: number, scale = 1): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n }, () => scale * rng.normal());
}

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

/** Gradient-check error max|a − b| / max|b| (norm-wise, so tiny components don't dominate). */
function gradError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m / Math.max(1e-300, maxAbs(b));
}

const activations: Array<[string, ActivationSpec]> = [
  ...Object.keys(ACTIVATIONS).map((id) => [id, id as ActivationSpec] as [string, ActivationSpec]),
  ['leaky-relu(0.2)', activationLeakyRelu(0.2)],
  ['elu(0.5)', activationElu(0.5)],
];
const cases: Array<[string, ActivationSpec, boolean, boolean, MlpLossId]> = [];
for (const [name, act] of activations) {
  for (const bn of [false, true]) {
    for (const res of [false, true]) {
      for (const loss of ['mse', 'bce-logits'] as const) cases.push([name, act, bn, res, loss]);
    }
  }
}

describe('mlp backprop vs finite differences', () => {
  it.each(cases)('%s bn=%s residual=%s loss=%s', (_, activation, batchNorm, residual, loss) => {
    const B = 5;
    const sizes = [3, 4, 4, 4, 2];
    const net = mlpCreate({
      sizes,
      activation,
      loss,
      batchNorm,
      residual,
      init: 'he-normal',
      seed: 11,
    });
    const x = randomArray(B * 3, 21);
    const y =
      loss === 'mse'
        ? randomArray(B * 2, 22)
        : Float64Array.from({ length: B * 2 }, (_, k) => ((k * 7) % 3 === 0 ? 1 : 0));
    // Random (not constant-one) γ, β and biases so every parameter path is exercised and no
    // pre-activation sits exactly on a ReLU kink (with zero biases, a sample whose ReLUs are all
    // off feeds an exact 0 forward, where a central difference sees the average of both slopes).
    const rng = rngCreate(5);
    for (const layer of net.layers) {
      for (const v of [layer.b, layer.gamma, layer.beta]) {
        for (let k = 0; k < v.length; k++) v[k] = 0.5 + 0.5 * rng.normal();
      }
    }
    mlpLossAndGradient(net, x, y, B);
    const analytic = Float64Array.from(net.grads);
    const saved = Float64Array.from(net.params);
    const numeric = finiteDiffGradient((p) => {
      net.params.set(p);
      return mlpLoss(net, x, y, B, 'train');
    }, saved);
    net.params.set(saved);
    expect(gradError(analytic, numeric)).toBeLessThan(1e-6);
    if (residual) expect(net.layers.map((l) => l.residual)).toEqual([false, true, true, false]);
  });
});

describe('mlp', () => {
  it('lays params out per layer: W then b, or W then γ, β', () => {
    const plain = mlpCreate({ sizes: [2, 8, 8, 1], activation: 'tanh', loss: 'mse' });
    expect(plain.paramCount).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    expect(plain.layers.map((l) => l.offset)).toEqual([0, 24, 96]);
    const bn = mlpCreate({ sizes: [2, 8, 1], activation: 'tanh', loss: 'mse', batchNorm: true });
    expect(bn.paramCount).toBe(16 + 16 + 8 + 1);
    expect(Array.from(bn.layers[0].gamma)).toEqual(new Array(8).fill(1));
    expect(bn.layers[1].b.length).toBe(1);
  });

  it('the seed alone decides the initial weights: the same seed repeats them, another changes them', () => {
    const cfg = { sizes: [2, 5, 1], activation: 'relu', loss: 'mse', seed: 3 } as const;
    const a = mlpCreate(cfg).params;
    expect(mlpCreate(cfg).params).toEqual(a);
    const other = mlpCreate({ ...cfg, seed: 4 }).params;
    expect(other).not.toEqual(a);
    // Not merely a relabelling: most weights differ.
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== other[i]) differ++;
    expect(differ).toBeGreaterThan(a.length / 2);
  });

  it('mlpBackward from an explicit ∂L/∂ŷ equals the loss gradient path', () => {
    const net = mlpCreate({ sizes: [2, 6, 3], activation: 'gelu', loss: 'mse', seed: 2 });
    const x = randomArray(8, 1);
    const y = randomArray(12, 2);
    mlpLossAndGradient(net, x, y, 4);
    const viaLoss = Float64Array.from(net.grads);
    const out = mlpForward(net, x, 4);
    const dOut = new Float64Array(12);
    lossMse(out, y, 12, dOut);
    mlpBackward(net, dOut);
    expect(net.grads).toEqual(viaLoss);
  });

  it('loss gradients match finite differences and BCE is stable for huge logits', () => {
    const z = [-3, 0.2, 5];
    const t = [1, 0, 1];
    const g = new Float64Array(3);
    lossBceLogits(z, t, 3, g);
    for (let i = 0; i < 3; i++) {
      const fd = finiteDiffScalar(
        (v) =>
          lossBceLogits(
            z.map((w, k) => (k === i ? v : w)),
            t,
            3,
          ),
        z[i],
      );
      expect(g[i]).toBeCloseTo(fd, 9);
    }
    expect(lossBceLogits([1000, -1000], [1, 0], 2)).toBe(0);
    expect(lossBceLogits([-1000], [1], 1)).toBe(1000);
    expect(lossMse([1, 3], [0, 0], 2)).toBe(5);
  });

  it('grows its scratch for a larger batch and eval mode leaves running stats alone', () => {
    const net = mlpCreate(
      { sizes: [2, 4, 1], activation: 'relu', loss: 'mse', batchNorm: true, seed: 4 },
      2,
    );
    const x = randomArray(20, 3);
    mlpForward(net, x, 10, 'train');
    expect(net.capacity).toBeGreaterThanOrEqual(10);
    const mean = Float64Array.from(net.layers[0].runningMean);
    mlpForward(net, x, 10, 'eval');
    expect(net.layers[0].runningMean).toEqual(mean);
  });

  it('SGD with momentum follows v ← μv + g, θ ← θ − ηv', () => {
    const net = mlpCreate({ sizes: [1, 1], activation: [], loss: 'mse' });
    net.params.set([2, 1]);
    net.grads.set([1, -1]);
    mlpSgdUpdate(net, 0.1, 0.9);
    mlpSgdUpdate(net, 0.1, 0.9);
    // v₁ = g, v₂ = 1.9g: θ = θ₀ − 0.1·2.9·g.
    expect(net.params[0]).toBeCloseTo(2 - 0.29, 14);
    expect(net.params[1]).toBeCloseTo(1 + 0.29, 14);
  });

  it('learns XOR and records per-layer gradient norms every step', () => {
    const x = Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]);
    const y = Float64Array.from([0, 1, 1, 0]);
    const net = mlpCreate({ sizes: [2, 8, 1], activation: 'tanh', loss: 'bce-logits', seed: 1 });
    const first = mlpTrainStep(net, x, y, 4, { lr: 0.5, momentum: 0.9 });
    expect(net.gradNorms[0]).toBeGreaterThan(0);
    expect(net.gradNorms[0]).toBeCloseTo(Math.hypot(...net.layers[0].gw), 12);
    let last = first.loss;
    for (let i = 0; i < 300; i++)
      last = mlpTrainStep(net, x, y, 4, { lr: 0.5, momentum: 0.9 }).loss;
    expect(first.loss).toBeGreaterThan(0.5);
    expect(last).toBeLessThan(0.05);
    const fresh = new Float64Array(2);
    mlpGradNormsFill(net, fresh);
    expect(fresh).toEqual(net.gradNorms);
  });

  it('activation views and histograms count every value', () => {
    const net = mlpCreate({ sizes: [2, 16, 1], activation: 'sigmoid', loss: 'mse', seed: 9 });
    mlpForward(net, randomArray(64, 1, 3), 32);
    const post = mlpActivationValues(net, 0, 'post');
    const pre = mlpActivationValues(net, 0, 'pre');
    expect(post.length).toBe(32 * 16);
    for (let k = 0; k < post.length; k++)
      expect(post[k]).toBeCloseTo(ACTIVATIONS.sigmoid.f(pre[k]), 15);
    const counts = new Float64Array(12);
    histogramFill(post, 0, 1, 10, counts, 1);
    expect(counts[0]).toBe(0);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(post.length);
    histogramFill([-5, 0.05, 0.95, 5, NaN], 0, 1, 10, counts);
    expect(Array.from(counts.subarray(0, 10))).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });
});
