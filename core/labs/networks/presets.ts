/**
 * The Networks lab's defaults (TensorFlow Playground's first screen: circle, x₁ and x₂, hidden
 * layers 4-2 of tanh, tanh output, batch 10, learning rate 0.03) and its stories. Every number a
 * story states is asserted on a seeded run in test/core/labs/networks-stories.test.ts.
 */
import type { LabPreset } from '../define';
import type { NetworksParams } from './params';

export const NETWORKS_DEFAULTS: NetworksParams = {
  dataset: 'circle',
  count: 500,
  noise: 0,
  trainRatio: 0.5,
  custom: { task: 'classification', points: [] },
  features: ['x1', 'x2'],
  layers: [
    { units: 4, activation: 'tanh' },
    { units: 2, activation: 'tanh' },
  ],
  output: 'tanh',
  init: 'xavier',
  l1: 0,
  l2: 0,
  optimizer: 'sgd',
  lr: 0.03,
  batch: 10,
  epochs: 300,
  seed: 1,
  weights: [],
  addValue: 0,
};

const tanh = (units: number) => ({ units, activation: 'tanh' as const });

export const NETWORKS_PRESETS: readonly LabPreset<NetworksParams>[] = [
  {
    id: 'playground',
    title: 'Circle, 4-2 tanh',
    story:
      'The network TensorFlow Playground opens with. Each first-layer neuron draws one straight edge; the second layer and the output bend them into a closed boundary around the inner class.',
    params: {},
  },
  {
    id: 'xor-linear',
    title: 'XOR without a hidden layer',
    story:
      'With no hidden layer the output is one straight line through the plane, and XOR needs two. After 100 epochs the model classifies 66 % of the test points; the loss stops falling long before.',
    params: { dataset: 'xor', layers: [], epochs: 100 },
  },
  {
    id: 'xor-hidden',
    title: 'XOR with one hidden layer',
    story:
      'Four tanh neurons each draw a line; the output combines them into the four quadrants. After 100 epochs 92 % of the test points are right.',
    params: { dataset: 'xor', layers: [tanh(4)], epochs: 100 },
  },
  {
    id: 'spiral-linear',
    title: 'Spiral, linear model',
    story:
      'A single line cannot follow two interleaved arms. After 100 epochs the linear model classifies 65 % of the test points, not far above a coin toss.',
    params: { dataset: 'spiral', layers: [], epochs: 100 },
  },
  {
    id: 'spiral-deep',
    title: 'Spiral with depth and sin features',
    story:
      'Three tanh layers of 8, with sin x₁ and sin x₂ as extra inputs, trained with Adam: every test point of the spiral is right after 300 epochs. Watch the neurons of the later layers turn into curls.',
    params: {
      dataset: 'spiral',
      features: ['x1', 'x2', 'sin1', 'sin2'],
      layers: [tanh(8), tanh(8), tanh(8)],
      optimizer: 'adam',
      lr: 0.01,
      epochs: 300,
    },
  },
  {
    id: 'lr-too-high',
    title: 'Learning rate too high',
    story:
      'A learning rate of 3 on a regression net overshoots: each step makes the error larger than the last, and after 6 steps the weights are infinite. The run stops there and says so instead of drawing garbage.',
    params: {
      dataset: 'plane',
      layers: [{ units: 8, activation: 'relu' }],
      lr: 3,
      epochs: 100,
    },
  },
  {
    id: 'zero-init',
    title: 'Zero initialisation',
    story:
      'Every weight starts at 0, so all neurons of a layer compute the same thing, receive the same gradient and take the same step. They stay identical for ever, and the net never gets past 51 % test accuracy.',
    params: {
      layers: [
        { units: 4, activation: 'sigmoid' },
        { units: 4, activation: 'sigmoid' },
      ],
      init: 'zero',
      lr: 0.3,
      epochs: 100,
    },
  },
  {
    id: 'l2-smooths',
    title: 'L2 smooths an overfit boundary',
    story:
      'Forty noisy training points and two layers of 16: without a penalty (λ₂ = 0) the net fits every training point, its boundary curls around single points and the test loss reaches 3.5. With λ₂ = 0.03 the boundary is smooth and the test loss stays at 0.51.',
    params: {
      dataset: 'circle',
      count: 200,
      noise: 0.5,
      trainRatio: 0.2,
      output: 'sigmoid',
      layers: [tanh(16), tanh(16)],
      optimizer: 'adam',
      lr: 0.01,
      l2: 0.03,
      epochs: 500,
    },
  },
  {
    id: 'dropout-overfit',
    title: 'Dropout against overfitting',
    story:
      'The forty noisy training points of the L2 story, no penalty, and dropout p = 0.3 on both tanh layers of 16: each training step zeroes a random 30 % of the hidden outputs. The net fits 90 % of the training points instead of all of them, and the test loss ends at 0.79; without dropout it reaches 3.5. Set Dropout p to none on both layers to compare.',
    params: {
      dataset: 'circle',
      count: 200,
      noise: 0.5,
      trainRatio: 0.2,
      output: 'sigmoid',
      layers: [
        { ...tanh(16), dropout: 0.3 },
        { ...tanh(16), dropout: 0.3 },
      ],
      optimizer: 'adam',
      lr: 0.01,
      epochs: 500,
    },
  },
  {
    id: 'batch-norm-deep',
    title: 'Batch norm in a deep sigmoid net',
    story:
      'Five sigmoid layers of 8 trained with plain SGD. Without batch norm the net is still at 49 % test accuracy after 50 epochs; with batch norm before every activation (as set here) it reaches 96 %. Untick Batch norm on every layer to compare.',
    params: {
      layers: Array.from({ length: 5 }, () => ({
        units: 8,
        activation: 'sigmoid' as const,
        batchNorm: true,
      })),
      lr: 0.1,
      epochs: 50,
    },
  },
  {
    id: 'three-classes',
    title: 'Three classes, softmax',
    story:
      'Three classes need three outputs and softmax. With no hidden layer each class gets a linear score, so the regions meet along straight lines between the clusters; after 100 epochs 99.6 % of the test points are right.',
    params: { dataset: 'gauss3', layers: [], output: 'softmax', epochs: 100 },
  },
];
