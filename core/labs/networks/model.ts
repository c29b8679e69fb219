/**
 * The Networks lab's pure model: params → the points, the features, the network spec and the
 * trainer configuration compute runs, and the numbers the views show about them.
 */
import {
  NET_DATASETS,
  netDatasetCreate,
  netPointsFrom,
  type NetPoints,
  type NetTask,
} from '../../ml/net-data';
import type { NetFeatureId } from '../../ml/net-features';
import type { NetOutputId, NetSpec } from '../../ml/net-model';
import type { NetTrainerConfig } from '../../ml/net-train';
import { NET_MAX_CLASSES, type NetUserPoint, type NetworksParams } from './params';

/** The task of the data the params describe. */
export function networksTask(p: NetworksParams): NetTask {
  return p.dataset === 'custom' ? p.custom.task : NET_DATASETS[p.dataset].task;
}

/** A user's class value as a label 0 … 4. */
export function networksLabel(v: number): number {
  return Math.max(0, Math.min(NET_MAX_CLASSES - 1, Math.round(v)));
}

/** The points the params describe (generated with the seed, or the user's own). */
export function networksPoints(p: NetworksParams): NetPoints {
  if (p.dataset !== 'custom') return netDatasetCreate(p.dataset, p.count, p.noise, p.seed);
  const task = p.custom.task;
  const pts =
    task === 'classification'
      ? p.custom.points.map((q) => ({ ...q, v: networksLabel(q.v) }))
      : p.custom.points;
  return netPointsFrom(pts, task);
}

/** The points as the user's own list (what clicking on a generated set starts from). */
export function networksUserPoints(p: NetworksParams): NetUserPoint[] {
  const pts = networksPoints(p);
  const out: NetUserPoint[] = [];
  for (let i = 0; i < pts.n; i++) {
    const clamp = (v: number) => Math.max(-6, Math.min(6, v));
    out.push({
      x: clamp(pts.x[2 * i]),
      y: clamp(pts.x[2 * i + 1]),
      v: Math.max(-10, Math.min(10, pts.y[i])),
    });
  }
  return out;
}

/** The features in a fixed order, each once. */
export function networksFeatures(p: NetworksParams): NetFeatureId[] {
  return [...new Set(p.features)];
}

/** The output head actually used: linear for regression, softmax for three classes or more. */
export function networksOutput(p: NetworksParams, classes: number): NetOutputId {
  if (networksTask(p) === 'regression') return 'linear';
  return classes >= 3 ? 'softmax' : p.output;
}

/**
 * The hidden layers with their batch norm and dropout spelled out: an old scene's top-level
 * batchNorm: true puts batch norm on every layer.
 */
export function networksLayers(p: NetworksParams): NetworksParams['layers'] {
  return p.layers.map((l) => ({
    ...l,
    batchNorm: l.batchNorm === true || p.batchNorm === true,
    dropout: l.dropout ?? 0,
  }));
}

/** The network spec for params and the class count of their points. */
export function networksSpec(p: NetworksParams, classes: number): NetSpec {
  const output = networksOutput(p, classes);
  return {
    inputs: networksFeatures(p).length,
    layers: networksLayers(p),
    output,
    outputs: output === 'softmax' ? Math.max(2, classes) : 1,
    init: p.init,
    l1: p.l1,
    l2: p.l2,
    seed: p.seed,
  };
}

/** Everything the trainer needs, from params alone. */
export function networksTrainerConfig(p: NetworksParams): NetTrainerConfig {
  const points = networksPoints(p);
  return {
    spec: networksSpec(p, points.classes),
    features: networksFeatures(p),
    points,
    trainRatio: p.trainRatio,
    batch: p.batch,
    optimizer: p.optimizer,
    lr: p.lr,
    initialWeights: p.weights,
  };
}

/** Layer widths from the inputs to the outputs, as the graph draws them. */
export function networksWidths(p: NetworksParams, classes: number): number[] {
  const spec = networksSpec(p, classes);
  return [spec.inputs, ...spec.layers.map((l) => l.units), spec.outputs];
}

/** Number of learnable parameters of the network the params describe. */
export function networksParamCount(p: NetworksParams, classes: number): number {
  const w = networksWidths(p, classes);
  const layers = networksLayers(p);
  let n = 0;
  for (let l = 0; l + 1 < w.length; l++) {
    n += w[l] * w[l + 1] + (layers[l]?.batchNorm ? 2 : 1) * w[l + 1];
  }
  return n;
}

/** Batch norm's running statistics the net keeps beside θ (μ̄ and σ̄² per batch-norm neuron). */
export function networksRunningCount(p: NetworksParams): number {
  return networksLayers(p).reduce((n, l) => n + (l.batchNorm ? 2 * l.units : 0), 0);
}
