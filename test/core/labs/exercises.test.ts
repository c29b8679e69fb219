// Exercises with checked answers: each expected answer equals a value worked out independently
// here (closed forms, not the functions the exercises call), the worked solution ends on that
// value, and typed answers are read and checked as a learner would type them.
import { describe, expect, it } from 'vitest';
import { descentLab } from '../../../core/labs/descent/lab';
import { exerciseCheck, exerciseNum, exerciseNumber } from '../../../core/labs/guide';
import { probabilityLab } from '../../../core/labs/probability/lab';
import { activationsLab } from '../../../core/labs/activations/lab';
import { lossesLab } from '../../../core/labs/losses/lab';
import { LAB_DEFS } from '../../../core/labs/registry';

const byId = (
  list:
    | readonly { id: string; answer(): number; tolerance: number; solution(): string[] }[]
    | undefined,
  id: string,
) => list!.find((e) => e.id === id)!;

/** ∂h₃/∂h₀ of h ← tanh(h) from h₀ = 0.5, link by link. */
function tanhChain(): number {
  let h = 0.5;
  let g = 1;
  for (let k = 0; k < 3; k++) {
    g *= 1 - Math.tanh(h) ** 2;
    h = Math.tanh(h);
  }
  return g;
}

describe('expected answers equal an independent computation', () => {
  const cases: [string, { answer(): number; tolerance: number; solution(): string[] }, number][] = [
    // y₁ = y₀ − η·κ·y₀ on f = ½(x² + κy²): 1 − 0.19·10 = −0.9.
    ['one-step', byId(descentLab.exercises, 'one-step'), 1 - 0.19 * 10],
    // Eigenvalues of a rotated diag(1, κ) are 1 and κ: η < 2/κ = 0.04.
    ['stable-step', byId(descentLab.exercises, 'stable-step'), 2 / 50],
    // e²/(e² + e¹ + e^0.1).
    [
      'softmax-by-hand',
      byId(probabilityLab.exercises, 'softmax-by-hand'),
      Math.E ** 2 / (Math.E ** 2 + Math.E + Math.E ** 0.1),
    ],
    // ½·1 + ¼·2 + ¼·2 = 1.5 bits.
    ['entropy-bits', byId(probabilityLab.exercises, 'entropy-bits'), 1.5],
    // Residuals −0.1, 0.1, −0.2, 0.2 (½r²) and 95.5 (95.5 − ½): (0.05 + 95)/5.
    ['huber-by-hand', byId(lossesLab.exercises, 'huber-by-hand'), (0.005 * 2 + 0.02 * 2 + 95) / 5],
    // −ln 0.2 = ln 5.
    ['bce-confident-wrong', byId(lossesLab.exercises, 'bce-confident-wrong'), Math.log(5)],
    // σ′(1) = e⁻¹/(1 + e⁻¹)².
    [
      'sigmoid-slope',
      byId(activationsLab.exercises, 'sigmoid-slope'),
      Math.exp(-1) / (1 + Math.exp(-1)) ** 2,
    ],
    ['tanh-chain', byId(activationsLab.exercises, 'tanh-chain'), tanhChain()],
  ];
  for (const [id, ex, want] of cases)
    it(id, () => {
      expect(ex.answer()).toBeCloseTo(want, 12);
      expect(ex.solution().at(-1)).toContain(exerciseNum(want));
      expect(exerciseCheck(ex, String(want))).toBe(true);
      expect(exerciseCheck(ex, String(want + 10 * ex.tolerance))).toBe(false);
    });

  it('every exercise of every lab has an answer that is a finite number and a worked solution', () => {
    for (const lab of LAB_DEFS)
      for (const ex of lab.exercises ?? []) {
        expect(Number.isFinite(ex.answer()), `${lab.id} ${ex.id}`).toBe(true);
        expect(ex.solution().length).toBeGreaterThan(1);
      }
    expect(descentLab.exercises?.length).toBeGreaterThanOrEqual(2);
    expect(probabilityLab.exercises?.length).toBeGreaterThanOrEqual(2);
  });
});

describe('typed answers', () => {
  it.each([
    ['-0.9', -0.9],
    [' −0,9 ', -0.9],
    ['2/50', 0.04],
    ['.5', 0.5],
    ['1e-3', 0.001],
    ['+3', 3],
  ])('reads “%s” as %d', (text, v) => expect(exerciseNumber(text)).toBeCloseTo(v, 15));
  it.each(['', 'abc', '1/', '1/2/3', '0x10', '1..2', 'Infinity', 'NaN'])('refuses “%s”', (text) => {
    expect(exerciseNumber(text)).toBeNaN();
    expect(exerciseCheck({ answer: () => 1, tolerance: 1 }, text)).toBeNull();
  });
});
