/**
 * Probability's practice questions: a softmax by hand and an entropy in bits, answered and
 * worked with the lab's own softmax and entropy from core/ml.
 */
import { entropy } from '../../ml/probability-info';
import { softmax } from '../../ml/probability-softmax';
import { exerciseNum as n, type LabExercise } from '../guide';
import type { ProbParams } from './params';

const LOGITS = [2, 1, 0.1];
const DIST = [0.5, 0.25, 0.25];

export const PROBABILITY_EXERCISES: LabExercise<ProbParams>[] = [
  {
    id: 'softmax-by-hand',
    title: 'A softmax by hand',
    view: 'softmax',
    prompt: `The logits are z = (${LOGITS.join(', ')}) and the temperature is 1. What probability does softmax give the first class?`,
    tex: 'p_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
    answer: () => softmax(LOGITS)[0],
    tolerance: 5e-4,
    solution: () => {
      const e = LOGITS.map(Math.exp);
      const sum = e.reduce((a, b) => a + b, 0);
      return [
        `e^{z} = (${e.map((v) => n(v)).join(',\\ ')})`,
        `\\sum_j e^{z_j} = ${n(sum)}`,
        `p_1 = ${n(e[0])} / ${n(sum)} = ${n(softmax(LOGITS)[0])}`,
      ];
    },
  },
  {
    id: 'entropy-bits',
    title: 'Entropy in bits',
    view: 'entropy',
    prompt: `What is the entropy of p = (${DIST.join(', ')}), in bits?`,
    tex: 'H(p) = -\\sum_i p_i \\log_2 p_i',
    answer: () => entropy(DIST) / Math.LN2,
    tolerance: 1e-3,
    solution: () => [
      ...DIST.map(
        (p, i) =>
          `-p_${i + 1}\\log_2 p_${i + 1} = -${p}\\cdot ${n(Math.log2(p))} = ${n(-p * Math.log2(p))}`,
      ),
      `H(p) = ${DIST.map((p) => n(-p * Math.log2(p))).join(' + ')} = ${n(entropy(DIST) / Math.LN2)}\\ \\text{bits}`,
    ],
  },
];
