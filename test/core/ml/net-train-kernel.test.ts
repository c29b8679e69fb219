// The Networks lab's training path (NetTrainer on the MLP's fast path, core/ml/net-train.ts) against
// the Playground's training written out in plain loops: the tanh-head nets of the benchmark
// (2-4-2-1 and 2-8-8-1 tanh, ½ squared error on ±1 targets, batch 10, SGD) trained for 15 epochs
// reach the same bits, step by step (parameters, the step's change and its loss). The generic
// passes give the same bits as this reference too (mlp-kernel.test.ts), so the speed-ups of the
// fast path (tanh′ as 1 − a², kernelTanh) change no number between the two paths.
import { describe, expect, it } from 'vitest';
import { networksTrainerConfig } from '../../../core/labs/networks/model';
import { NETWORKS_DEFAULTS } from '../../../core/labs/networks/presets';
import { rngCreate } from '../../../core/math/rng';
import { kernelTanh } from '../../../core/ml/mlp-kernel-tanh';
import { NetTrainer } from '../../../core/ml/net-train';

const bits = (a: Float64Array) => Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

interface RefLayer {
  fi: number;
  fo: number;
  /** Offset of W in θ; b follows. */
  off: number;
}

/** One SGD step of the reference on rows `idx` of x (n × d); returns the minibatch loss. */
function referenceStep(
  theta: Float64Array,
  layers: RefLayer[],
  x: Float64Array,
  y: Float64Array,
  idx: number[],
  lr: number,
): number {
  const B = idx.length;
  const d = layers[0].fi;
  let h = Float64Array.from({ length: B * d }, (_, k) => x[idx[Math.floor(k / d)] * d + (k % d)]);
  const hs: Float64Array[] = [];
  const as: Float64Array[] = [];
  layers.forEach(({ fi, fo, off }, l) => {
    const z = new Float64Array(B * fo);
    for (let s = 0; s < B; s++)
      for (let j = 0; j < fo; j++) {
        let acc = theta[off + fi * fo + j];
        for (let i = 0; i < fi; i++)
          if (h[s * fi + i] !== 0) acc += h[s * fi + i] * theta[off + i * fo + j];
        z[s * fo + j] = acc;
      }
    hs.push(h);
    const last = l === layers.length - 1;
    const a = last ? z : z.map(kernelTanh);
    as.push(a);
    h = a;
  });
  // tanh head: ŷ = tanh z, L = (1/B) Σ ½(ŷ − t)², ∂L/∂z = (ŷ − t)(1 − ŷ²)/B.
  let g = new Float64Array(B);
  let sum = 0;
  for (let s = 0; s < B; s++) {
    const t = y[idx[s]] > 0.5 ? 1 : -1;
    const p = Math.tanh(h[s]);
    sum += 0.5 * (p - t) ** 2;
    g[s] = ((p - t) * (1 - p * p)) / B;
  }
  const grad = new Float64Array(theta.length);
  for (let l = layers.length - 1; l >= 0; l--) {
    const { fi, fo, off } = layers[l];
    const dz = l === layers.length - 1 ? g : g.map((v, k) => v * (1 - as[l][k] * as[l][k]));
    for (let j = 0; j < fo; j++)
      for (let s = 0; s < B; s++) grad[off + fi * fo + j] += dz[s * fo + j];
    const next = new Float64Array(B * fi);
    for (let s = 0; s < B; s++)
      for (let i = 0; i < fi; i++) {
        const hv = hs[l][s * fi + i];
        let acc = 0;
        for (let j = 0; j < fo; j++) {
          if (l > 0 || hv !== 0) grad[off + i * fo + j] += hv * dz[s * fo + j];
          acc += dz[s * fo + j] * theta[off + i * fo + j];
        }
        next[s * fi + i] = acc;
      }
    g = next;
  }
  for (let i = 0; i < theta.length; i++) theta[i] -= lr * grad[i];
  return sum / B;
}

describe('NetTrainer on the fast path gives the bits of the plain training loop', () => {
  it.each([[[4, 2]], [[8, 8]]])('tanh hidden layers %j, 15 epochs', (units) => {
    const params = {
      ...NETWORKS_DEFAULTS,
      layers: units.map((u) => ({ units: u, activation: 'tanh' as const })),
    };
    const cfg = networksTrainerConfig(params);
    expect(cfg.spec.output).toBe('tanh');
    expect(cfg.optimizer).toBe('sgd');
    const trainer = new NetTrainer(cfg);
    const startLoss = trainer.evaluate().trainLoss;
    const theta = Float64Array.from(trainer.net.mlp.params);
    const layers = trainer.net.mlp.layers.map((l) => ({
      fi: l.fanIn,
      fo: l.fanOut,
      off: l.offset,
    }));
    // The trainer's minibatches: a seeded Fisher–Yates reshuffle per epoch.
    const rng = rngCreate(params.seed + 7919);
    const n = trainer.nTrain;
    const order = Array.from({ length: n }, (_, i) => i);
    for (let epoch = 0; epoch < 15; epoch++) {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (let c = 0; c < n; c += trainer.batch) {
        const before = Float64Array.from(theta);
        const idx = order.slice(c, Math.min(n, c + trainer.batch));
        const loss = referenceStep(theta, layers, trainer.xTrain, trainer.yTrain, idx, params.lr);
        const r = trainer.step();
        expect(r.loss).toBe(loss);
        expect(bits(trainer.net.mlp.params)).toEqual(bits(theta));
        expect(bits(trainer.lastDelta)).toEqual(bits(theta.map((v, i) => v - before[i])));
      }
    }
    expect(trainer.evaluate().trainLoss).toBeLessThan(0.6 * startLoss);
  });
});
