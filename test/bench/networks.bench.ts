// Networks lab training throughput: our trainer (core/ml/net-train.ts on the core MLP, float64)
// against @tensorflow/tfjs-core's CPU backend (float32) on TensorFlow Playground's default network
// (inputs x₁, x₂; hidden 4-2 tanh; tanh output with ½ squared error; batch 10; SGD, lr 0.03) and
// on 2-8-8-1, on the same circle data, from the same initial weights, through the same minibatches
// in the same order. Both sides time whole SGD steps; the data is prepared outside the timing.
// After the timed epochs both must reach the same training loss (float32 vs float64 aside).
// The two take turns epoch by epoch, so a change of the machine's load falls on both; each
// epoch is timed by the wall clock (the best is kept) and by the process's CPU time (the median
// is kept: time spent waiting for a busy core is not counted).
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { rngCreate } from '../../core/math/rng';
import { networksTrainerConfig } from '../../core/labs/networks/model';
import { NETWORKS_DEFAULTS } from '../../core/labs/networks/presets';
import { NetTrainer } from '../../core/ml/net-train';

const cases = [
  { name: 'Playground default: 2-4-2-1 tanh, batch 10, lr 0.03', layers: [4, 2] },
  { name: '2-8-8-1 tanh, batch 10, lr 0.03', layers: [8, 8] },
];

/** The minibatch order NetTrainer draws (its seeded Fisher–Yates reshuffle per epoch). */
function batchOrder(n: number, batch: number, seed: number, epochs: number): number[][] {
  const rng = rngCreate(seed + 7919);
  const order = Array.from({ length: n }, (_, i) => i);
  const out: number[][] = [];
  for (let e = 0; e < epochs; e++) {
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (let c = 0; c < n; c += batch) out.push(order.slice(c, Math.min(n, c + batch)));
  }
  return out;
}

async function benchCase(c: (typeof cases)[number]): Promise<void> {
  const params = {
    ...NETWORKS_DEFAULTS,
    layers: c.layers.map((units) => ({ units, activation: 'tanh' as const })),
  };
  const cfg = networksTrainerConfig(params);
  const make = () => new NetTrainer(cfg);
  const probe = make();
  const epochSteps = probe.stepsPerEpoch;
  const repeats = 24;
  const warmup = 6;
  const epochs = repeats + warmup;

  const ours = make();
  const oursEpoch = () => {
    for (let k = 0; k < epochSteps; k++) ours.step();
  };

  // tfjs: the same weights, the same batches in the same order.
  const layers = probe.net.mlp.layers;
  const w = layers.map((l) =>
    tf.variable(tf.tensor2d(Float32Array.from(l.w), [l.fanIn, l.fanOut])),
  );
  const b = layers.map((l) => tf.variable(tf.tensor1d(Float32Array.from(l.b))));
  const vars = [...w, ...b];
  const opt = tf.train.sgd(params.lr);
  const d = cfg.features.length;
  const order = batchOrder(probe.nTrain, params.batch, params.seed, epochs);
  const tx = order.map((idx) =>
    tf.tensor2d(
      Float32Array.from(idx.flatMap((i) => [...probe.xTrain.subarray(i * d, i * d + d)])),
      [idx.length, d],
    ),
  );
  const ty = order.map((idx) =>
    tf.tensor2d(
      Float32Array.from(idx, (i) => (probe.yTrain[i] > 0.5 ? 1 : -1)),
      [idx.length, 1],
    ),
  );
  const forward = (x: tf.Tensor2D): tf.Tensor2D => {
    let h = x;
    for (let l = 0; l < w.length; l++)
      h = tf.tanh(tf.add(tf.matMul(h, w[l] as tf.Tensor2D), b[l])) as tf.Tensor2D;
    return h;
  };
  const lossOf = (x: tf.Tensor2D, t: tf.Tensor2D) =>
    tf.mul(0.5, tf.mean(tf.square(tf.sub(forward(x), t)))) as tf.Scalar;
  let at = 0;
  const tfEpoch = () => {
    for (let k = 0; k < epochSteps; k++, at++)
      tf.tidy(() => {
        opt.minimize(() => lossOf(tx[at], ty[at]), false, vars);
      });
  };

  const oursT = timesCreate();
  const tfT = timesCreate();
  for (let e = 0; e < epochs; e++) {
    timeInto(e >= warmup ? oursT : null, oursEpoch);
    timeInto(e >= warmup ? tfT : null, tfEpoch);
  }
  const oursMs = Math.min(...oursT.wall);
  const tfMs = Math.min(...tfT.wall);
  const cpuRatio = median(tfT.cpu) / median(oursT.cpu);

  const samples = probe.nTrain;
  const oursRate = samples / (oursMs / 1000);
  const tfRate = samples / (tfMs / 1000);
  const oursLoss = ours.evaluate().trainLoss;
  const allX = tf.tensor2d(Float32Array.from(probe.xTrain), [probe.nTrain, d]);
  const allT = tf.tensor2d(
    Float32Array.from(probe.yTrain, (v) => (v > 0.5 ? 1 : -1)),
    [probe.nTrain, 1],
  );
  const tfLoss = tf.tidy(() => lossOf(allX, allT).dataSync()[0]);
  console.log(c.name);
  console.log(
    `  ours (float64):      ${oursRate.toExponential(3)} samples/s (${oursMs.toFixed(3)} ms / epoch of ${epochSteps} steps)`,
  );
  console.log(
    `  tfjs-core cpu (f32): ${tfRate.toExponential(3)} samples/s (${tfMs.toFixed(3)} ms / epoch)`,
  );
  console.log(
    `  ratio ours / tfjs:   ${(oursRate / tfRate).toFixed(1)}× by the best wall-clock epoch, ${cpuRatio.toFixed(1)}× by the median CPU time (issue's target ≥ 40×)`,
  );
  console.log(
    `  train loss after ${epochs} epochs: ours ${oursLoss.toFixed(5)}, tfjs ${tfLoss.toFixed(5)} (same weights, batches and order)`,
  );
  tf.dispose([...tx, ...ty, ...vars, allX, allT]);
  opt.dispose();
}

interface Times {
  wall: number[];
  cpu: number[];
}
const timesCreate = (): Times => ({ wall: [], cpu: [] });

/** Runs fn once; its wall-clock and CPU milliseconds go into `into` unless it is null (warm-up). */
function timeInto(into: Times | null, fn: () => void): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  if (!into) return;
  into.wall.push(wall);
  into.cpu.push((c.user + c.system) / 1000);
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export default async function (): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')} (1, 5, 15 min)`,
  );
  // tfjs-core registers no gradients itself (see mlp.bench.ts).
  createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  await tf.setBackend('cpu');
  await tf.ready();
  for (const c of cases) await benchCase(c);
}
