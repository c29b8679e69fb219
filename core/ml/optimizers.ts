/**
 * The optimizer library for the Descent lab: a registry of every optimizer (descriptor + factory)
 * and re-exports of the typed step functions, the trajectory runner and gradient sources.
 *
 * Conventions (PyTorch's): velocity-type methods keep v in gradient units and move by −ηv;
 * ε is added outside square roots; Adam uses bias correction; AdamW decays weights by θ ← θ − ηλθ.
 */
import {
  optimizerAdagrad,
  optimizerAdam,
  optimizerAdamw,
  optimizerRmsprop,
} from './optimizers-adaptive';
import {
  optimizerGd,
  optimizerMomentum,
  optimizerNesterov,
  optimizerSgd,
} from './optimizers-first-order';
import { optimizerLbfgs } from './optimizers-lbfgs';
import { optimizerNewton } from './optimizers-newton';
import type { OptimizerSpec } from './optimizers-types';

export * from './optimizers-adaptive';
export * from './optimizers-first-order';
export * from './optimizers-lbfgs';
export * from './optimizers-newton';
export * from './optimizers-trajectory';
export * from './optimizers-types';

/** Every optimizer, in the order a picker should list them. */
export const OPTIMIZERS: readonly OptimizerSpec[] = [
  optimizerGd,
  optimizerSgd,
  optimizerMomentum,
  optimizerNesterov,
  optimizerAdagrad,
  optimizerRmsprop,
  optimizerAdam,
  optimizerAdamw,
  optimizerNewton,
  optimizerLbfgs,
];

const byId = new Map(OPTIMIZERS.map((o) => [o.descriptor.id, o]));

/** Looks up an optimizer by descriptor id (e.g. "adam"); unknown id → undefined. */
export function optimizerById(id: string): OptimizerSpec | undefined {
  return byId.get(id);
}
