// Optimizer throughput on Rosenbrock (b = 100): steps per second of every optimizer through the
// same trajectory recorder the Descent lab uses (values, exact gradients, velocities and models
// stored per step), and, for the five rules tfjs also has, the same updates run by
// @tensorflow/tfjs-core's CPU optimizers on a 2-parameter variable as a peer.
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { OPTIMIZERS, optimizerById, trajectoryRun } from '../../core/ml/optimizers';
import { surfaceById } from '../../core/ml/surfaces';
import { benchBestOf } from './timing';

const STEPS = 10_000;
const rosen = surfaceById('rosenbrock')!;
const start = [-1.2, 1];
const lrs: Record<string, number> = {
  gd: 1e-3,
  sgd: 1e-3,
  momentum: 5e-4,
  nesterov: 5e-4,
  adagrad: 0.1,
  rmsprop: 1e-3,
  adam: 0.01,
  adamw: 0.01,
};

function ours(id: string): { rate: number; note: string } {
  const spec = optimizerById(id)!;
  const params = lrs[id] !== undefined ? { lr: lrs[id] } : {};
  let taken = 0;
  let note = '';
  const ms = benchBestOf(
    () => {
      const t = trajectoryRun(rosen, spec, params, start, STEPS);
      taken = t.count - 1;
      note =
        t.divergedAtStep !== null
          ? `diverged at ${t.divergedAtStep}`
          : `f = ${t.losses[t.count - 1].toExponential(1)}`;
    },
    3,
    1,
  );
  // Rate over the steps actually taken (a diverged run stops early).
  return { rate: (taken / ms) * 1000, note };
}

function peer(id: string): number | null {
  const make: Record<string, () => tf.Optimizer> = {
    gd: () => tf.train.sgd(lrs.gd),
    momentum: () => tf.train.momentum(lrs.momentum, 0.9),
    adagrad: () => tf.train.adagrad(lrs.adagrad),
    rmsprop: () => tf.train.rmsprop(lrs.rmsprop, 0.99),
    adam: () => tf.train.adam(lrs.adam),
  };
  if (!make[id]) return null;
  const steps = 1000;
  const ms = benchBestOf(
    () => {
      const theta = tf.variable(tf.tensor1d(start, 'float32'));
      const opt = make[id]();
      for (let k = 0; k < steps; k++) {
        opt.minimize(() => {
          const x = tf.slice(theta, 0, 1);
          const y = tf.slice(theta, 1, 1);
          return tf.sum(
            tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x))))),
          ) as tf.Scalar;
        });
      }
      opt.dispose();
      theta.dispose();
    },
    2,
    1,
  );
  return (steps / ms) * 1000;
}

export default async function (): Promise<void> {
  // tfjs-core registers no gradients on import; load them the way its CommonJS build expects.
  createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients.js');
  await tf.setBackend('cpu');
  console.log(`Rosenbrock from (-1.2, 1), ${STEPS} steps per run; steps/s, best of 3`);
  console.log('optimizer      ours (steps/s)   tfjs-core cpu (steps/s)   ratio');
  for (const spec of OPTIMIZERS) {
    const id = spec.descriptor.id;
    const a = ours(id);
    const b = peer(id);
    const ratio = b ? `${(a.rate / b).toFixed(0)}× faster` : '(no tfjs peer)';
    const cells = [
      id.padEnd(14),
      a.rate.toExponential(2).padStart(14),
      (b ? b.toExponential(2) : '—').padStart(22),
      ratio.padEnd(15),
    ];
    console.log(`${cells.join('   ')} ${a.note}`);
  }
}
