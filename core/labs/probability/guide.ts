/**
 * Probability's place on the map, its five views, the formulas search finds by name, and a
 * guided tour whose predictions are computed with the lab's own softmax, log-sum-exp, entropy
 * and calibration models.
 */
import { softmax } from '../../ml/probability-softmax';
import type { LabGuide, LabTourStep } from '../guide';
import { PROBABILITY_EXERCISES } from './exercises';
import { probCalibrationData, probCalibrationModel } from './model-calibration';
import { probEntropyModel } from './model-entropy';
import { probLseModel } from './model-lse';
import { probSoftmaxModel, T_CURVE } from './model-softmax';
import { PROB_DEFAULTS, type ProbParams } from './params';

/** Softmax of the step's logits at its temperature. */
const probs = (p: ProbParams) => softmax(p.softmax.logits, p.softmax.temperature);

const TOP_CHOICES = ['About 1/3', 'Between 0.5 and 0.9', 'Between 0.9 and 0.99', 'Above 0.99'];

function topBand(p: ProbParams): number {
  const top = Math.max(...probs(p));
  if (top > 0.99) return 3;
  if (top > 0.9) return 2;
  return top > 0.5 ? 1 : 0;
}

/** Whether the classes keep their order (largest to smallest) at every temperature of T_CURVE. */
export function probOrderKept(p: ProbParams): boolean {
  const order = (s: ArrayLike<number>) =>
    Array.from(s, (_, i) => i)
      .sort((a, b) => s[b] - s[a])
      .join();
  const first = order(softmax(p.softmax.logits, T_CURVE[0]));
  return T_CURVE.every((t) => order(softmax(p.softmax.logits, t)) === first);
}

/** The overflow choices: which rows of the log-sum-exp table give a NaN probability. */
const NAN_SETS: { label: string; rows: string[] }[] = [
  { label: 'None', rows: [] },
  { label: 'Only float16, naive', rows: ['float16 naive'] },
  { label: 'float16 and float32, naive', rows: ['float32 naive', 'float16 naive'] },
  { label: 'All three naive rows', rows: ['float64 naive', 'float32 naive', 'float16 naive'] },
];

/** The rows of the log-sum-exp view whose softmax has a NaN, as "precision method". */
export function probNanRows(p: ProbParams): string[] {
  return probLseModel(p.softmax, p.shift)
    .rows.filter((r) => r.nanCount > 0)
    .map((r) => `${r.precision} ${r.method}`);
}

/** The calibration model of the step (the same data the view draws, from the same seed). */
export function probCalibration(p: ProbParams) {
  const { scaling, temperature, ...rest } = p.calibration;
  const data = probCalibrationData({ ...rest, seed: p.seed });
  return probCalibrationModel(data, { scaling, temperature, bins: p.calibration.bins });
}

const steps: LabTourStep<ProbParams>[] = [
  {
    title: 'Scores into probabilities',
    story: 'temperature-sweep',
    view: 'softmax',
    params: { softmax: { ...PROB_DEFAULTS.softmax, temperature: 0.1 } },
    text: 'Softmax makes every score positive with eᶻ and divides by the total, so the results add up to 1. Dividing the scores by a temperature T first decides how sharp the result is.',
    look: 'The bars of the three probabilities and the point in the triangle, now at T = 0.1.',
    act: 'Drag T from 0.1 up to 20 and follow the point from a corner to the middle.',
    predict: {
      question:
        'The logits are 2, 0.5 and −1. At T = 0.1, how much probability does the top class get?',
      choices: () => TOP_CHOICES,
      answer: topBand,
      explain:
        'Divided by 0.1 the gaps become 15 and 30, and e⁻¹⁵ is about 3·10⁻⁷: the other classes get next to nothing.',
    },
  },
  {
    title: 'Temperature keeps the order',
    story: 'temperature-sweep',
    view: 'softmax',
    params: { softmax: { ...PROB_DEFAULTS.softmax, temperature: 20 } },
    text: 'At a high temperature the logits’ differences shrink, and the probabilities crowd toward 1/3 each. But dividing by the same positive T never swaps two logits.',
    look: 'The dashed path in the triangle: every point of it, from T = 0.05 to 20.',
    act: 'Drag one logit bar above another and see which class the path now starts from.',
    predict: {
      question: 'Does any temperature between 0.05 and 20 change which class is the most likely?',
      choices: () => ['Yes, at some T another class leads', 'No, only the gaps change'],
      answer: (p) => (probOrderKept(p) ? 1 : 0),
      explain:
        'Softmax is increasing in each logit, and z/T keeps the logits in the same order for any T > 0, so the ranking of the classes never changes.',
    },
  },
  {
    title: 'How probabilities respond to a logit',
    view: 'jacobian',
    text: 'Raising one logit raises its own probability and takes probability from every other class, since they must still add up to 1. The Jacobian holds each of these effects: row i says how pᵢ moves with each logit.',
    look: 'The signs of the matrix: positive on the diagonal, negative off it.',
    act: 'Make one logit much larger than the others and watch most entries shrink toward 0.',
    predict: {
      question: 'What does each row of the Jacobian add up to?',
      choices: () => ['0', '1', 'It depends on the logits'],
      answer: (p) => {
        const sums = Array.from(probSoftmaxModel(p.softmax).rowSums);
        if (sums.every((s) => Math.abs(s) < 1e-12)) return 0;
        return sums.every((s) => Math.abs(s - 1) < 1e-12) ? 1 : 2;
      },
      explain:
        'Adding the same amount to every logit changes no probability, so each pᵢ’s responses to all the logits cancel: ∂pᵢ/∂zᵢ = pᵢ(1 − pᵢ) against −pᵢpⱼ for the others.',
    },
  },
  {
    title: 'When exp does not fit',
    story: 'overflow',
    view: 'lse',
    text: 'Computers store numbers with a limited range. exp of a large logit can be too large to store, and then the sum is infinite and each probability is ∞/∞. Subtracting the largest logit first gives the same answer with exponents that never exceed 0.',
    look: 'The table of precisions: the naive rows and the stable rows.',
    act: 'Lower the shift toward 0 and find where each naive row starts to work.',
    predict: {
      question: 'Every logit is raised by 100. Which naive rows give NaN probabilities?',
      choices: () => NAN_SETS.map((s) => s.label),
      answer: (p) => {
        const bad = probNanRows(p).sort().join();
        return NAN_SETS.findIndex((s) => [...s.rows].sort().join() === bad);
      },
      explain:
        'e¹⁰² is about 2·10⁴⁴: above float32’s largest number (3.4·10³⁸) and float16’s (65504), but far below float64’s (1.8·10³⁰⁸).',
    },
  },
  {
    title: 'Which way you measure',
    story: 'kl-asymmetry',
    view: 'entropy',
    text: 'KL divergence measures the extra cost of describing data from p with a code built for q. It is not a distance: swapping p and q changes the answer, sometimes by a lot.',
    look: 'The fourth outcome, which p uses and q gives no probability.',
    act: 'Give q a little weight on the fourth outcome and watch KL(p‖q) come down.',
    predict: {
      question: 'Which of the two divergences is infinite?',
      choices: () => ['KL(p‖q)', 'KL(q‖p)', 'Both', 'Neither'],
      answer: (p) => {
        const m = probEntropyModel(p.entropy);
        const pq = !Number.isFinite(m.klPQ);
        const qp = !Number.isFinite(m.klQP);
        return pq && qp ? 2 : pq ? 0 : qp ? 1 : 3;
      },
      explain:
        'KL(p‖q) weighs log(p/q) by p: an outcome p expects and q rules out costs log(0.25/0) = ∞. KL(q‖p) weighs by q, which puts nothing there.',
    },
  },
  {
    title: 'Confident is not the same as right',
    story: 'over-confident',
    view: 'calibration',
    text: 'A network can state a confidence well above how often it is actually right. Dividing its logits by one temperature, fitted on held-out examples, brings the stated confidence back in line with how often it is right.',
    look: 'The reliability diagram before and after scaling, and the ECE beside it.',
    act: 'Switch to a hand-chosen temperature and find the T where the bars meet the diagonal.',
    predict: {
      question: 'After temperature scaling, how does the accuracy on the test set change?',
      choices: () => ['It rises', 'It stays exactly the same', 'It falls'],
      answer: (p) => {
        const m = probCalibration(p);
        const d = m.scaledReliability.accuracy - m.data.rawReliability.accuracy;
        return d > 0 ? 0 : d === 0 ? 1 : 2;
      },
      explain:
        'Dividing all logits by the same T keeps their order, so every example keeps its predicted class: only the confidence changes.',
    },
  },
];

export const PROBABILITY_GUIDE: LabGuide<ProbParams> = {
  curriculum: {
    branch: 'probability',
    order: 1,
    question: 'How does a network turn raw scores into probabilities, and can we believe them?',
  },
  views: [
    { id: 'softmax', title: 'Softmax and temperature', params: { tab: 'softmax' } },
    { id: 'jacobian', title: 'The softmax Jacobian', params: { tab: 'jacobian' } },
    { id: 'lse', title: 'Log-sum-exp in finite precision', params: { tab: 'lse' } },
    { id: 'entropy', title: 'Entropy, cross-entropy and KL', params: { tab: 'entropy' } },
    { id: 'calibration', title: 'Calibration', params: { tab: 'calibration' } },
  ],
  exercises: PROBABILITY_EXERCISES,
  formulas: [
    {
      id: 'softmax',
      title: 'Softmax with temperature',
      tex: 'p_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}',
      keywords: ['temperature', 'logits', 'normalised exponential'],
      view: 'softmax',
    },
    {
      id: 'softmax-jacobian',
      title: 'Softmax Jacobian',
      tex: '\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j)',
      keywords: ['derivative', 'gradient', 'cross-entropy gradient p - y'],
      view: 'jacobian',
    },
    {
      id: 'log-sum-exp',
      title: 'Log-sum-exp trick',
      tex: '\\log\\sum_j e^{z_j} = m + \\log\\sum_j e^{z_j - m},\\quad m = \\max_j z_j',
      keywords: ['LSE', 'overflow', 'numerical stability', 'float16'],
      story: 'overflow',
    },
    {
      id: 'entropy',
      title: 'Entropy',
      tex: 'H(p) = -\\sum_i p_i \\log p_i',
      keywords: ['information', 'uncertainty', 'bits', 'nats'],
      view: 'entropy',
    },
    {
      id: 'kl',
      title: 'KL divergence',
      tex: 'D_{\\mathrm{KL}}(p\\,\\Vert\\,q) = \\sum_i p_i \\log\\frac{p_i}{q_i}',
      keywords: ['Kullback-Leibler', 'relative entropy', 'asymmetry', 'cross-entropy'],
      story: 'kl-asymmetry',
    },
    {
      id: 'ece',
      title: 'Expected calibration error',
      tex: '\\mathrm{ECE} = \\sum_b \\frac{n_b}{n}\\,\\lvert \\mathrm{acc}(b) - \\mathrm{conf}(b)\\rvert',
      keywords: ['calibration', 'reliability diagram', 'temperature scaling', 'ECE'],
      story: 'over-confident',
    },
  ],
  tours: [
    {
      id: 'scores-to-beliefs',
      title: 'From raw scores to probabilities you can trust',
      summary:
        'Softmax and its temperature, how the probabilities respond to a logit, overflow, KL’s two directions, and calibration.',
      steps,
    },
  ],
};
