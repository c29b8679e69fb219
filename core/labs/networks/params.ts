/**
 * The whole state of the Networks lab a scene file or link carries: the data (a generated set or
 * the user's own points), the input features, the architecture, the training settings and, when
 * there are any, the trained weights. Bounded as compute accepts them.
 */
import { z } from 'zod';
import { ACTIVATIONS, type ActivationId } from '../../ml/activations';
import { NET_DATASETS, NET_PLANE, type NetDatasetId } from '../../ml/net-data';
import { NET_FEATURE_IDS, type NetFeatureId } from '../../ml/net-features';
import { NET_INITS, type NetInitId } from '../../ml/net-model';
import { NET_OPTIMIZER_IDS } from '../../ml/net-train';
import { labSeedSchema } from '../define';

/** Most classes a user's points may have. */
export const NET_MAX_CLASSES = 5;
/** Most points in a user's set (and in a generated one). */
export const NET_MAX_POINTS = 1000;
/** Most hidden layers and units per layer. */
export const NET_MAX_LAYERS = 6;
export const NET_MAX_UNITS = 16;
/** Highest dropout rate a layer may have. */
export const NET_MAX_DROPOUT = 0.9;
/**
 * Longest weight vector a scene may carry (7 features, 6 × 16 hidden, 5 outputs, batch norm with
 * its running statistics: 1,861).
 */
export const NET_MAX_WEIGHTS = 4096;

const activationIds = Object.keys(ACTIVATIONS) as [ActivationId, ...ActivationId[]];
const datasetIds = [...(Object.keys(NET_DATASETS) as NetDatasetId[]), 'custom'] as unknown as [
  NetDatasetId | 'custom',
  ...(NetDatasetId | 'custom')[],
];
const featureIds = NET_FEATURE_IDS as unknown as [NetFeatureId, ...NetFeatureId[]];
const initIds = Object.keys(NET_INITS) as [NetInitId, ...NetInitId[]];

const coord = z.number().min(-NET_PLANE).max(NET_PLANE);

/** One of the user's points: position and class (0 … 4) or regression target (−10 … 10). */
export const netUserPointSchema = z.object({ x: coord, y: coord, v: z.number().min(-10).max(10) });
export type NetUserPoint = z.infer<typeof netUserPointSchema>;

export const networksParamsSchema = z.object({
  /** A generated set, or 'custom' for the user's points. */
  dataset: z.enum(datasetIds),
  /** Points of a generated set. */
  count: z.number().int().min(20).max(NET_MAX_POINTS),
  /** Noise fraction (see core/ml/net-data.ts). */
  noise: z.number().min(0).max(0.5),
  /** Fraction of the points used for training. */
  trainRatio: z.number().min(0.1).max(0.9),
  /** The user's own points and whether they are classes or regression targets. */
  custom: z.object({
    task: z.enum(['classification', 'regression']),
    points: z.array(netUserPointSchema).max(NET_MAX_POINTS),
  }),
  /** Inputs fed to the network (a repeated feature counts once). */
  features: z.array(z.enum(featureIds)).min(1).max(NET_FEATURE_IDS.length),
  layers: z
    .array(
      z.object({
        units: z.number().int().min(1).max(NET_MAX_UNITS),
        activation: z.enum(activationIds),
        /** Batch norm before the activation (absent: off). */
        batchNorm: z.boolean().optional(),
        /** Inverted-dropout rate on the layer's output while training (absent: 0). */
        dropout: z.number().min(0).max(NET_MAX_DROPOUT).optional(),
      }),
    )
    .max(NET_MAX_LAYERS),
  /** Output head for classification (k ≥ 3 classes always use softmax; regression is linear). */
  output: z.enum(['tanh', 'sigmoid', 'softmax']),
  init: z.enum(initIds),
  /**
   * Scenes saved before batch norm was chosen per layer: true puts it on every hidden layer (as
   * if each layer said batchNorm: true). Changing the layers writes it into them instead.
   */
  batchNorm: z.boolean().optional(),
  l1: z.number().min(0).max(1),
  l2: z.number().min(0).max(1),
  optimizer: z.enum(NET_OPTIMIZER_IDS),
  lr: z.number().min(1e-5).max(10),
  batch: z.number().int().min(1).max(100),
  epochs: z.number().int().min(1).max(10_000),
  seed: labSeedSchema,
  /** Trained weights to start from; empty, or ignored when they do not fit the architecture, for the initialiser's. */
  weights: z.array(z.number().finite()).max(NET_MAX_WEIGHTS),
  /** The class (or target) a click adds. */
  addValue: z.number().min(-10).max(10),
});
export type NetworksParams = z.infer<typeof networksParamsSchema>;
