/**
 * Activations' place on the map, its views, each activation's formula (from core/ml), and a
 * guided tour whose predictions are computed with the activations' own derivatives and the
 * scalar chain the flow view draws (no training needed).
 */
import { ACTIVATIONS, type ActivationId } from '../../ml/activations';
import { gradientChainProduct } from '../../sim/gradient-flow';
import { gradientChainSlopeMax } from '../../sim/gradient-flow-chain';
import type { LabFormula, LabGuide, LabTourStep } from '../guide';
import { ACTIVATIONS_EXERCISES } from './exercises';
import { ACTIVATIONS_DEFAULTS, type ActivationsParams } from './params';

/** f and f′ of every activation, opened in the gallery with it in focus. */
const formulas: LabFormula<ActivationsParams>[] = Object.values(ACTIVATIONS).map((a) => ({
  id: a.id,
  title: `${a.label} and its derivative`,
  tex: `${a.texF},\\quad ${a.texDf}`,
  keywords: ['activation', 'derivative', a.id],
  view: 'gallery',
  params: { gallery: { ...ACTIVATIONS_DEFAULTS.gallery, focus: a.id } },
}));

/** |∂h_n/∂h_0| of the step's scalar chain: n = the flow depth, f = the flow's activation. */
export function activationsChainGain(p: ActivationsParams, id = p.flow.activation): number {
  const chain = gradientChainProduct(id, p.flow.depth, p.chain.x0, p.chain.weight);
  return Math.abs(chain.products[p.flow.depth - 1]);
}

/** Orders of magnitude a chain's product can fall in (the choices of two predictions). */
const GAIN_BANDS = ['Below 10⁻⁹', 'Between 10⁻⁹ and 10⁻³', 'Between 10⁻³ and 10³', 'Above 10³'];

function gainBand(g: number): number {
  if (g < 1e-9) return 0;
  if (g < 1e-3) return 1;
  return g <= 1e3 ? 2 : 3;
}

const overlaid = (p: ActivationsParams) => p.gallery.selected.map((e) => ACTIVATIONS[e.id].label);

/** Index of the overlaid activation where `score` is smallest. */
function overlaidMin(p: ActivationsParams, score: (id: ActivationId) => number): number {
  const s = p.gallery.selected.map((e) => score(e.id));
  return s.indexOf(Math.min(...s));
}

/** The activations the survival question compares, over the step's chain. */
const RIVALS: ActivationId[] = ['sigmoid', 'tanh', 'relu', 'gelu'];

const steps: LabTourStep<ActivationsParams>[] = [
  {
    title: 'The slope is what travels back',
    view: 'gallery',
    text: 'Backpropagation multiplies, layer after layer, by the slope of the activation at the value it saw. So the dashed curves, the derivatives, matter as much as the functions themselves.',
    look: 'The dashed curves: how high each one peaks, and where.',
    act: 'Move the cursor to x = 0 (hover the chart, or use the Cursor x slider) and read each derivative in the table below.',
    predict: {
      question: 'Of the four overlaid activations, which has the lowest peak slope?',
      choices: overlaid,
      answer: (p) => overlaidMin(p, (id) => gradientChainSlopeMax(id).max),
      explain:
        'The sigmoid’s slope σ(x)(1 − σ(x)) is largest at x = 0, where it is only ¼. Every sigmoid layer shrinks the backward signal by at least four times.',
    },
  },
  {
    title: 'Flat tails',
    view: 'gallery',
    params: { gallery: { ...ACTIVATIONS_DEFAULTS.gallery, focus: 'tanh' } },
    text: 'Far from zero the S-shaped curves level off and their slope nearly vanishes. A unit stuck there passes almost nothing back, whatever the loss says.',
    look: 'The shaded bands, where tanh’s slope is below 0.01, and the table rows marked saturated.',
    act: 'Move the cursor to x = 4 and compare the derivatives in the table.',
    predict: {
      question: 'At x = 4, whose derivative is the smallest?',
      choices: overlaid,
      answer: (p) => overlaidMin(p, (id) => Math.abs(ACTIVATIONS[id].df(4))),
      explain:
        'tanh is four times steeper than the sigmoid at 0, but it also flattens out faster: tanh′(4) ≈ 0.0013 against σ′(4) ≈ 0.018.',
    },
  },
  {
    title: 'Twenty sigmoid layers',
    story: 'deep-sigmoid',
    view: 'flow',
    text: 'Here a 20-layer sigmoid network trains on two moons. Under it, a chain of 20 single numbers, h ← σ(w·h), shows the same product of slopes without the rest of the network.',
    look: 'The heat map: the rows near the input stay dark. Then the chain chart at the bottom.',
    act: 'Watch the loss curve for a few hundred steps: does it fall?',
    predict: {
      question: 'With w = 1 and h₀ = 0.5, how large is the chain’s ∂h₂₀/∂h₀?',
      choices: () => GAIN_BANDS,
      answer: (p) => gainBand(activationsChainGain(p)),
      explain:
        'Each link multiplies by σ′ ≤ ¼, here about 0.22, and twenty such factors make about 10⁻¹³.',
    },
  },
  {
    title: 'A slope of exactly one',
    story: 'relu-he',
    view: 'flow',
    text: 'ReLU’s slope is 1 wherever the unit is on, so a path of active units passes the gradient back unchanged. He initialization keeps about half the units on in every layer.',
    look: 'The heat map now has colour all the way to the first layer, and the loss falls.',
    act: 'Set the chain’s weight to 0.9, then 1.1, and watch the ReLU product bend down or up.',
    predict: {
      question:
        'Through the same 20-link chain (w = 1, h₀ = 0.5), which activation’s gradient survives best?',
      choices: () => RIVALS.map((id) => ACTIVATIONS[id].label),
      answer: (p) => {
        const g = RIVALS.map((id) => activationsChainGain(p, id));
        return g.indexOf(Math.max(...g));
      },
      explain:
        'With h₀ > 0 every ReLU link sees a positive input and multiplies by exactly 1. Tanh and GELU lose a little at each link, the sigmoid a lot.',
    },
  },
  {
    title: 'Too much of a good thing',
    story: 'large-init',
    view: 'flow',
    params: { chain: { x0: 0.5, weight: 2 } },
    text: 'If every layer scales its input up, the backward signal grows by the same factor at each layer. Large initial weights do this, and training blows up at once.',
    look: 'The loss curve stopping early, and the chain chart climbing.',
    act: 'Lower the chain’s weight step by step until the product stays level.',
    predict: {
      question: 'With w = 2 in the ReLU chain, how large is ∂h₂₀/∂h₀?',
      choices: () => GAIN_BANDS,
      answer: (p) => gainBand(activationsChainGain(p)),
      explain: 'Each active ReLU link multiplies by w = 2, and 2²⁰ is about a million.',
    },
  },
  {
    title: 'Routes around the sigmoid',
    story: 'sigmoid-residual',
    view: 'flow',
    text: 'The sigmoid network from before, with a skip connection around each layer: h ← h + σ(Wh + b). The added h has slope 1, so the gradient has a path that no sigmoid shrinks.',
    look: 'The heat map’s first rows compared with the plain sigmoid network.',
    act: 'Open the story Sigmoid + batch norm and compare: it fixes the same problem another way.',
  },
];

export const ACTIVATIONS_GUIDE: LabGuide<ActivationsParams> = {
  curriculum: {
    branch: 'calculus',
    order: 2,
    question: 'Why do gradients fade or blow up on their way back through a deep network?',
  },
  exercises: ACTIVATIONS_EXERCISES,
  views: [
    {
      id: 'gallery',
      title: 'Gallery: functions beside their derivatives',
      params: { tab: 'gallery' },
    },
    { id: 'flow', title: 'Gradient flow through depth', params: { tab: 'flow' } },
  ],
  formulas: [
    ...formulas,
    {
      id: 'chain-rule-depth',
      title: 'Chain rule through depth',
      tex: "\\frac{\\partial L}{\\partial h_0} = \\prod_{k=1}^{K} f'(w\\,h_{k-1})\\,w \\cdot \\frac{\\partial L}{\\partial h_K}",
      keywords: ['vanishing gradient', 'exploding gradient', 'backpropagation'],
      view: 'flow',
    },
  ],
  tours: [
    {
      id: 'vanishing',
      title: 'Why gradients fade or blow up with depth',
      summary:
        'The slope of each activation, what twenty of them multiply to, and three ways to keep the product near 1.',
      steps,
    },
  ],
};
