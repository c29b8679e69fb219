/**
 * Networks' place on the map, the formulas search finds by name, and a guided tour. Its
 * predictions are computed with core: the parameter count from the architecture alone, and the
 * XOR questions by a seeded run of the same trainer the lab's simulation uses (a few thousand
 * steps of a tiny net, about 0.1 s), so the answer is what the learner then sees.
 */
import { NetTrainer, type NetMetrics } from '../../ml/net-train';
import type { LabGuide, LabTourStep } from '../guide';
import { networksParamCount, networksPoints, networksTrainerConfig } from './model';
import type { NetworksParams } from './params';

let lastRun: { key: string; metrics: NetMetrics } | null = null;

/** Test and train metrics after training for `epochs`, as the lab's seeded run ends (the last run is kept). */
export function networksTrained(p: NetworksParams): NetMetrics {
  const key = JSON.stringify(p);
  if (lastRun?.key === key) return lastRun.metrics;
  const t = new NetTrainer(networksTrainerConfig(p));
  const total = p.epochs * t.stepsPerEpoch;
  while (t.steps < total) {
    const r = t.step();
    if (!Number.isFinite(r.loss) || t.paramsBroken()) break;
  }
  lastRun = { key, metrics: t.evaluate() };
  return lastRun.metrics;
}

/** Learnable weights and biases of the step's network. */
export function networksSize(p: NetworksParams): number {
  return networksParamCount(p, networksPoints(p).classes);
}

const SIZE_CHOICES = ['Fewer than 20', 'From 20 to 40', 'More than 40'];

const solves = {
  question: 'After 100 epochs, will this network get more than 90 % of the test points right?',
  choices: () => ['Yes', 'No'],
  answer: (p: NetworksParams) => (networksTrained(p).testAcc > 0.9 ? 0 : 1),
};

const steps: LabTourStep<NetworksParams>[] = [
  {
    title: 'A small network, neuron by neuron',
    story: 'playground',
    text: 'Each neuron of the first layer takes a weighted sum of x₁ and x₂ and squashes it with tanh, so it splits the plane along one straight edge. The next layer mixes those pictures into curved ones.',
    look: 'The small square pictures on each neuron of the graph: what it responds to across the plane.',
    act: 'Play the training and watch the output picture close around the inner class.',
    predict: {
      question:
        'Counting every weight and every bias, how many numbers does this 2 → 4 → 2 → 1 network learn?',
      choices: () => SIZE_CHOICES,
      answer: (p) => {
        const n = networksSize(p);
        return n < 20 ? 0 : n <= 40 ? 1 : 2;
      },
      explain:
        'Each layer has one weight per pair of connected neurons and one bias per neuron: 2·4 + 4, then 4·2 + 2, then 2·1 + 1, which makes 25.',
    },
  },
  {
    title: 'One line is not enough',
    story: 'xor-linear',
    text: 'Without a hidden layer the output is a squashed weighted sum of the inputs, and its boundary is one straight line. In XOR opposite corners share a class.',
    look: 'The boundary in the output picture, and the test accuracy as training runs.',
    act: 'Train for longer and see whether the accuracy improves.',
    predict: {
      ...solves,
      explain:
        'No straight line puts the two diagonal pairs on different sides, so at best a line gets about three quarters of the points; this run stays near two thirds.',
    },
  },
  {
    title: 'Add four neurons',
    story: 'xor-hidden',
    text: 'One hidden layer of four tanh neurons gives the output four straight edges to combine. That is enough to carve the plane into the four quadrants.',
    look: 'The four hidden neurons’ pictures, each one an edge, and the output made from them.',
    act: 'Remove hidden neurons one at a time and find the fewest that still solve XOR.',
    predict: {
      ...solves,
      explain:
        'With two or more edges to combine the output can switch class across both axes, which is what XOR asks for.',
    },
  },
  {
    title: 'Why weights start random',
    story: 'zero-init',
    text: 'When every weight starts at the same value, all neurons of a layer compute the same thing and get the same update. They never become different, and the layer works like a single neuron.',
    look: 'The neurons’ pictures: within each layer they are all the same.',
    act: 'Switch the initialisation to Xavier and train again.',
  },
  {
    title: 'Too flexible for forty points',
    story: 'l2-smooths',
    text: 'Two layers of 16 neurons can draw a boundary around every one of forty noisy training points. An L2 penalty charges for large weights, which keeps the boundary smooth and makes it do better on new points.',
    look: 'The training and test loss curves, and how the boundary bends around single points.',
    act: 'Set λ₂ to 0, train again and compare the test loss at the end.',
  },
];

export const NETWORKS_GUIDE: LabGuide<NetworksParams> = {
  curriculum: {
    branch: 'networks',
    order: 1,
    question: 'What does each neuron of a small network learn while it trains?',
  },
  formulas: [
    {
      id: 'layer',
      title: 'A dense layer',
      tex: 'h = f(Wx + b)',
      keywords: ['forward pass', 'neuron', 'weights', 'bias', 'linear layer'],
      story: 'xor-hidden',
    },
    {
      id: 'softmax-output',
      title: 'Softmax output for several classes',
      tex: '\\hat y_k = \\frac{e^{s_k}}{\\sum_j e^{s_j}}',
      keywords: ['multiclass', 'three classes'],
      story: 'three-classes',
    },
    {
      id: 'l2-penalty',
      title: 'Training loss with an L2 penalty',
      tex: 'J(W) = \\frac1n\\sum_i \\ell(\\hat y_i, y_i) + \\tfrac{\\lambda_2}{2} \\sum W^2',
      keywords: ['weight decay', 'overfitting', 'regularization'],
      story: 'l2-smooths',
    },
  ],
  tours: [
    {
      id: 'what-neurons-learn',
      title: 'What a hidden layer buys',
      summary:
        'What one neuron draws, why XOR needs a hidden layer, why weights start random, and how L2 tames an overfit boundary.',
      steps,
    },
  ],
};
