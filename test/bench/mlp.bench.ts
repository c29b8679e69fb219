// MLP training throughput: our flat-Float64Array MLP vs @tensorflow/tfjs-core on its CPU backend,
// same architecture, same initial weights, same minibatches, plain SGD on BCE-with-logits.
// tfjs computes in float32 (its only float dtype); ours is float64. Both sides time complete SGD
// steps (forward + backward + update); minibatches are prepared once, outside the timing.
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { benchBestOf } from './timing';
import { datasetCreate } from '../../core/ml/datasets';
import { mlpCreate, type Mlp } from '../../core/ml/mlp';
import { mlpLoss } from '../../core/ml/mlp-backward';
import { mlpTrainStep } from '../../core/ml/mlp-train';
import type { ActivationId } from '../../core/ml/activations';
import type { InitId } from '../../core/ml/init';

interface Case {
  name: string;
  sizes: number[];
  activation: ActivationId & ('tanh' | 'relu');
  init: InitId;
  batch: number;
  points: number;
  lr: number;
}

const cases: Case[] = [
  {
    name: '(a) 2-8-8-1 tanh, batch 10, 500 points',
    sizes: [2, 8, 8, 1],
    activation: 'tanh',
    init: 'xavier-uniform',
    batch: 10,
    points: 500,
    lr: 0.1,
  },
  {
    name: '(b) depth 20 × width 16 ReLU (He), batch 32, 512 points',
    sizes: [2, ...new Array<number>(20).fill(16), 1],
    activation: 'relu',
    init: 'he-normal',
    batch: 32,
    points: 512,
    lr: 0.01,
  },
];

interface Batches {
  x: Float64Array[];
  y: Float64Array[];
}

/** Splits a seeded two-moons set into consecutive minibatches (one epoch). */
function batchesMake(c: Case): Batches {
  const d = datasetCreate('moons', { n: c.points, seed: 7 });
  const x: Float64Array[] = [];
  const y: Float64Array[] = [];
  for (let s = 0; s + c.batch <= d.n; s += c.batch) {
    x.push(d.x.slice(2 * s, 2 * (s + c.batch)));
    y.push(d.y.slice(s, s + c.batch));
  }
  return { x, y };
}

/** Copies our initial weights into tfjs variables (W as n_in×n_out, b as n_out). */
function tfVariablesFrom(net: Mlp): { w: tf.Variable[]; b: tf.Variable[] } {
  return {
    w: net.layers.map((l) => tf.variable(tf.tensor2d(Float32Array.from(l.w), [l.fanIn, l.fanOut]))),
    b: net.layers.map((l) => tf.variable(tf.tensor1d(Float32Array.from(l.b)))),
  };
}

function tfForward(
  x: tf.Tensor2D,
  vars: { w: tf.Variable[]; b: tf.Variable[] },
  act: 'tanh' | 'relu',
): tf.Tensor2D {
  let h: tf.Tensor2D = x;
  const last = vars.w.length - 1;
  for (let l = 0; l <= last; l++) {
    const z = tf.add(tf.matMul(h, vars.w[l] as tf.Tensor2D), vars.b[l]) as tf.Tensor2D;
    h = l === last ? z : act === 'tanh' ? tf.tanh(z) : tf.relu(z);
  }
  return h;
}

async function benchCase(c: Case): Promise<void> {
  const { x, y } = batchesMake(c);
  const steps = x.length;
  const cfg = {
    sizes: c.sizes,
    activation: c.activation,
    loss: 'bce-logits',
    init: c.init,
    seed: 3,
  } as const;

  const ours = mlpCreate(cfg, c.batch);
  const oursEpoch = (): void => {
    for (let k = 0; k < steps; k++) mlpTrainStep(ours, x[k], y[k], c.batch, { lr: c.lr });
  };

  const vars = tfVariablesFrom(mlpCreate(cfg, c.batch));
  const varList = [...vars.w, ...vars.b];
  const optimizer = tf.train.sgd(c.lr);
  const tx = x.map((v) => tf.tensor2d(Float32Array.from(v), [c.batch, c.sizes[0]]));
  const ty = y.map((v) => tf.tensor2d(Float32Array.from(v), [c.batch, 1]));
  const tfEpoch = (): void => {
    for (let k = 0; k < steps; k++) {
      tf.tidy(() => {
        optimizer.minimize(
          () => tf.losses.sigmoidCrossEntropy(ty[k], tfForward(tx[k], vars, c.activation)),
          false,
          varList,
        );
      });
    }
  };

  const samples = steps * c.batch;
  const oursMs = benchBestOf(oursEpoch, 7, 3);
  const tfMs = benchBestOf(tfEpoch, 7, 3);
  const oursRate = samples / (oursMs / 1000);
  const tfRate = samples / (tfMs / 1000);

  // Sanity: both trained from the same start on the same batches, so their losses should agree
  // roughly after the same 10 epochs (not exactly: float32 vs float64 rounding compounds).
  const allX = Float64Array.from(x.flatMap((v) => Array.from(v)));
  const allY = Float64Array.from(y.flatMap((v) => Array.from(v)));
  const oursLoss = mlpLoss(ours, allX, allY, allY.length);
  const tfLoss = tf.tidy(
    () =>
      tf.losses
        .sigmoidCrossEntropy(
          tf.tensor2d(Float32Array.from(allY), [allY.length, 1]),
          tfForward(tf.tensor2d(Float32Array.from(allX), [allY.length, 2]), vars, c.activation),
        )
        .dataSync()[0],
  );

  console.log(c.name);
  console.log(
    `  ours (float64):        ${oursRate.toExponential(3)} samples/s  (${oursMs.toFixed(2)} ms / ${steps} steps)`,
  );
  console.log(
    `  tfjs-core cpu (f32):   ${tfRate.toExponential(3)} samples/s  (${tfMs.toFixed(2)} ms / ${steps} steps)`,
  );
  console.log(`  ratio ours / tfjs:     ${(oursRate / tfRate).toFixed(1)}×  (target ≥ 3×)`);
  console.log(`  final train loss:      ours ${oursLoss.toFixed(4)}, tfjs ${tfLoss.toFixed(4)}`);

  tf.dispose([...tx, ...ty, ...varList]);
  optimizer.dispose();
}

/**
 * tfjs-core's main bundle registers no gradients (the umbrella @tensorflow/tfjs package imports
 * dist/register_all_gradients for you). That file is extension-less ESM, which Node's ESM resolver
 * rejects, so it is loaded through require (tsx transpiles it); the gradients land in tfjs's
 * global registry, which every copy of tfjs-core shares.
 */
function tfRegisterGradients(): void {
  createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients.js');
}

export default async function (): Promise<void> {
  tfRegisterGradients();
  await tf.setBackend('cpu');
  await tf.ready();
  for (const c of cases) await benchCase(c);
}
