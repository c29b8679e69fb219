/**
 * The whole state of the Inside-a-network lab a scene file or link carries: which view is on
 * screen; for backprop the graph (a 2-2-1 network or a one-neuron logistic regression on four
 * points), its weights, inputs and targets, the learning rate, the step reached and whether the
 * planted bug is on; for the layer view the 2×2 matrix, the bias, the activation and how far the
 * plane has been carried. Validated with zod on the way in.
 */
import { z } from 'zod';
import { labSeedSchema, type LabPreset } from '../define';
import { LANDSCAPE_DATASETS } from './sim-landscape';

export const INSIDE_VIEWS = ['backprop', 'layer', 'batchnorm', 'landscape'] as const;
export type InsideView = (typeof INSIDE_VIEWS)[number];

/** Weights, biases and inputs the backprop graph accepts. */
export const BP_VALUE_RANGE = { min: -10, max: 10 } as const;
export const BP_LR_RANGE = { min: 0.001, max: 10 } as const;
/** Most points of the logistic regression. */
export const BP_MAX_POINTS = 4;
/** Highest step a scene may hold; each graph clamps it to its own last step. */
export const BP_MAX_STEP = 60;
/** Matrix entries and biases of the layer view. */
export const LAYER_RANGE = { min: -3, max: 3 } as const;
/** Activations the layer view can apply after Wx + b. */
export const LAYER_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'leaky-relu'] as const;
export type LayerActivation = (typeof LAYER_ACTIVATIONS)[number];
export const LAYER_DATASETS = ['circle', 'moons', 'xor'] as const;

const value = z.number().finite().min(BP_VALUE_RANGE.min).max(BP_VALUE_RANGE.max);
const pair = z.tuple([value, value]);
const target = z.number().min(0).max(1);

const netSchema = z.object({
  /** Inputs x₁, x₂. */
  x: pair,
  /** Target y in [0, 1]. */
  y: target,
  /** Hidden weights: row j holds unit j's weights (w_j1, w_j2). */
  w1: z.tuple([pair, pair]),
  b1: pair,
  /** Output weights (v₁, v₂) and bias c. */
  w2: pair,
  b2: value,
});

const logisticSchema = z.object({
  points: z
    .array(z.object({ x1: value, x2: value, y: target }))
    .min(1)
    .max(BP_MAX_POINTS),
  w: pair,
  b: value,
});

const backpropSchema = z.object({
  /** The 2-2-1 network or the one-neuron logistic regression. */
  graph: z.enum(['net', 'logistic']),
  /** Hidden activation of the network (its output is always σ). */
  activation: z.enum(['sigmoid', 'tanh']),
  /** Cross-entropy, or half the squared error, on the output probability. */
  loss: z.enum(['bce', 'sq']),
  lr: z.number().min(BP_LR_RANGE.min).max(BP_LR_RANGE.max),
  /** Drops every activation's derivative from the backward pass. */
  bug: z.boolean(),
  /** Steps taken: forward operations, then backward ones, the update and the next loss. */
  step: z.number().int().min(0).max(BP_MAX_STEP),
  net: netSchema,
  logistic: logisticSchema,
});

const entry = z.number().finite().min(LAYER_RANGE.min).max(LAYER_RANGE.max);

const layerSchema = z.object({
  /** W = [[a, b], [c, d]] (rows). */
  w: z.tuple([z.tuple([entry, entry]), z.tuple([entry, entry])]),
  b: z.tuple([entry, entry]),
  activation: z.enum(LAYER_ACTIVATIONS),
  /** The points carried through the layer (two classes). */
  data: z.enum(LAYER_DATASETS),
  /** 0 the plane as it is, 1 after Wx + b, 2 after the activation; between, a blend. */
  t: z.number().min(0).max(2),
});

/** Most samples in the batch-norm view's minibatch. */
export const BN_MAX_BATCH = 8;

const bnSchema = z.object({
  /** One feature's values over the minibatch. */
  x: z.array(value).min(1).max(BN_MAX_BATCH),
  gamma: z.number().min(-5).max(5),
  beta: z.number().min(-5).max(5),
  /** Running-statistics momentum (PyTorch's default 0.1). */
  momentum: z.number().min(0.01).max(1),
  /** Earlier batches (same size) the running statistics saw before this one. */
  history: z.number().int().min(0).max(200),
  /** The distribution the earlier batches were drawn from. */
  dataMean: z.number().min(-5).max(5),
  dataStd: z.number().min(0.1).max(5),
});

/** The loss-landscape view: the net trained, the grid and its extent (the sim's seed is the lab's). */
const landscapeSchema = z.object({
  dataset: z.enum(LANDSCAPE_DATASETS),
  hidden: z.array(z.number().int().min(1).max(16)).min(1).max(3),
  activation: z.enum(['tanh', 'relu']),
  epochs: z.number().int().min(1).max(300),
  res: z.number().int().min(5).max(61),
  span: z.number().min(0.05).max(3),
});

export const insideParamsSchema = z.object({
  view: z.enum(INSIDE_VIEWS),
  backprop: backpropSchema,
  layer: layerSchema,
  bn: bnSchema,
  landscape: landscapeSchema,
  seed: labSeedSchema,
});
export type InsideParams = z.infer<typeof insideParamsSchema>;
export type BackpropParams = InsideParams['backprop'];
export type LayerParams = InsideParams['layer'];
export type BnParams = InsideParams['bn'];
export type LandscapeParams = InsideParams['landscape'];

/** The worked classifier: four points, two on each side of the diagonal, W = (0.5, −0.5), b = 0. */
export const BP_WORKED_POINTS: BackpropParams['logistic']['points'] = [
  { x1: 0.1, x2: 0.9, y: 1 },
  { x1: 0.8, x2: 0.2, y: 0 },
  { x1: 0.3, x2: 0.7, y: 1 },
  { x1: 0.7, x2: 0.3, y: 0 },
];

export const INSIDE_DEFAULTS: InsideParams = {
  view: 'backprop',
  backprop: {
    graph: 'net',
    activation: 'sigmoid',
    loss: 'bce',
    lr: 0.5,
    bug: false,
    step: 0,
    net: {
      x: [0.5, -1],
      y: 1,
      w1: [
        [0.4, -0.6],
        [0.7, 0.2],
      ],
      b1: [0.1, -0.3],
      w2: [1.2, -0.8],
      b2: 0.05,
    },
    logistic: { points: BP_WORKED_POINTS, w: [0.5, -0.5], b: 0 },
  },
  layer: {
    w: [
      [1.2, 0.6],
      [0.3, 0.9],
    ],
    b: [0.3, -0.2],
    activation: 'tanh',
    data: 'circle',
    t: 2,
  },
  bn: {
    x: [1.5, -0.5, 2, 0.4],
    gamma: 1.5,
    beta: 0.2,
    momentum: 0.1,
    history: 0,
    dataMean: 1,
    dataStd: 1,
  },
  landscape: {
    dataset: 'circle',
    hidden: [8, 8],
    activation: 'tanh',
    epochs: 60,
    res: 41,
    span: 1,
  },
  seed: 3,
};

const bn = INSIDE_DEFAULTS.bn;

const bp = INSIDE_DEFAULTS.backprop;

export const INSIDE_PRESETS: readonly LabPreset<InsideParams>[] = [
  {
    id: 'chain-rule',
    title: 'A 2-2-1 network, one node at a time',
    story:
      'Press → to compute one node. The forward pass fills in values from left to right; the backward pass then sends ∂L/∂(node) back along every edge as upstream × local. After the last edge every weight moves by −η times its gradient and the loss is computed again.',
    params: { view: 'backprop' },
  },
  {
    id: 'worked-classifier',
    title: 'Logistic regression on four points',
    story:
      'One neuron, four points, W = (0.5, −0.5), b = 0, η = 0.1. Each weight feeds all four points, so its gradient is a sum of four terms. All four points start on the wrong side of the line; twenty updates at this learning rate lower the loss but leave them there.',
    params: { view: 'backprop', backprop: { ...bp, graph: 'logistic', lr: 0.1, loss: 'bce' } },
  },
  {
    id: 'planted-bug',
    title: 'A bug the gradient check catches',
    story:
      'The backward pass here forgets each activation’s derivative and uses 1 instead. The numbers still look plausible, but beside the central differences the relative errors are near 1, far above 10⁻⁵.',
    params: { view: 'backprop', backprop: { ...bp, bug: true, step: 15 } },
  },
  {
    id: 'saturated',
    title: 'Squared error on a saturated output',
    story:
      'The output is confidently wrong (p close to 0 with y = 1). Under half the squared error, σ′ at the output is tiny, so every gradient is small and the step barely moves the loss; switch the loss to cross-entropy and σ′ cancels.',
    params: {
      view: 'backprop',
      backprop: { ...bp, loss: 'sq', step: 14, net: { ...bp.net, w2: [-4, 4], b2: -3 } },
    },
  },
  {
    id: 'layer-bend',
    title: 'A layer bends the plane',
    story:
      'Drag t from 0 to 2 (or press Play). First every point moves to Wx + b: grid lines stay straight and parallel, and along the dashed eigenvector directions W only stretches, by 1.5 and by 0.6. Then tanh squeezes each coordinate into (−1, 1) and the lines bend.',
    params: { view: 'layer' },
  },
  {
    id: 'singular',
    title: 'A singular matrix flattens the plane',
    story:
      'The second row of W is half the first, so det W = 0 and W has rank 1: the whole plane lands on one line, and no later layer can tell apart points that landed on the same spot.',
    params: {
      view: 'layer',
      layer: {
        ...INSIDE_DEFAULTS.layer,
        w: [
          [1.2, 0.6],
          [0.6, 0.3],
        ],
        t: 1,
      },
    },
  },
  {
    id: 'bn-step',
    title: 'Batch norm on four samples',
    story:
      'The batch is centred by its own mean and divided by its own spread (the biased variance, over B), then scaled by γ and shifted by β. The running statistics start at 0 and 1 and move a tenth of the way toward this batch, using the unbiased variance (over B − 1).',
    params: { view: 'batchnorm' },
  },
  {
    id: 'bn-shifted',
    title: 'Test data from a shifted distribution',
    story:
      'After 100 batches from N(0, 1) the running statistics are close to 0 and 1. This batch comes from around 3: train mode centres it on its own statistics and hides the shift, inference mode uses the running ones and passes the shift on.',
    params: {
      view: 'batchnorm',
      bn: { ...bn, x: [3.2, 2.6, 3.9, 2.9], history: 100, dataMean: 0, dataStd: 1 },
    },
  },
  {
    id: 'bn-tiny',
    title: 'A batch of one',
    story:
      'One sample has no spread: its x̂ is 0 whatever x is, so the output is β and no gradient reaches x. PyTorch refuses such a batch in train mode; here the running statistics are left as they were.',
    params: { view: 'batchnorm', bn: { ...bn, x: [1.5], history: 20 } },
  },
  {
    id: 'landscape-circle',
    title: 'The loss around a trained 2-8-8-1 net',
    story:
      'A 2-8-8-1 tanh net trained for 60 epochs on the circle sits at the centre. Each direction moves every neuron’s incoming weights by as much as their own size (filter normalisation), so α = 1 changes the net as much as its weights are large. The line below runs from the random start to the trained weights.',
    params: { view: 'landscape' },
  },
];
