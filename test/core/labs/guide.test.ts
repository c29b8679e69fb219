// Lab guides (core/labs/guide.ts): every tour step, view and formula of every registered lab names
// a state its lab's schema accepts; predictions are computed from core and agree with what the
// stories say happens; defineLab refuses a guide that names what does not exist.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineLab } from '../../../core/labs/define';
import { labTargetParams, LAB_BRANCHES, type LabTourStep } from '../../../core/labs/guide';
import { LAB_DEFS } from '../../../core/labs/registry';
import { descentLab } from '../../../core/labs/descent/lab';
import { regularizationLab } from '../../../core/labs/regularization/lab';
import { activationsLab } from '../../../core/labs/activations/lab';
import { activationsChainGain } from '../../../core/labs/activations/guide';
import { lossesLab } from '../../../core/labs/losses/lab';
import { focalKept } from '../../../core/labs/losses/guide';
import { ACTIVATIONS } from '../../../core/ml/activations';
import { probabilityLab } from '../../../core/labs/probability/lab';
import { probCalibration, probNanRows, probOrderKept } from '../../../core/labs/probability/guide';
import { softmax } from '../../../core/ml/probability-softmax';
import { networksLab } from '../../../core/labs/networks/lab';
import { networksSize, networksTrained } from '../../../core/labs/networks/guide';

describe('every registered lab’s guide', () => {
  for (const lab of LAB_DEFS) {
    const def = lab as unknown as Parameters<typeof labTargetParams>[0] & {
      params: z.ZodType;
      id: string;
    };
    it(`${lab.id}: tour steps, views and formulas fit the schema`, () => {
      for (const tour of lab.tours ?? []) {
        expect(tour.steps.length, tour.id).toBeGreaterThanOrEqual(4);
        expect(tour.steps.length, tour.id).toBeLessThanOrEqual(6);
        for (const [k, step] of tour.steps.entries()) {
          const r = def.params.safeParse(labTargetParams(def, step));
          expect(r.success, `${tour.id} step ${k + 1}`).toBe(true);
          if (step.story) expect(lab.presets.map((s) => s.id)).toContain(step.story);
          for (const text of [step.title, step.text, step.look, step.act])
            expect(text.trim().length).toBeGreaterThan(3);
        }
      }
      for (const f of lab.formulas ?? []) {
        expect(def.params.safeParse(labTargetParams(def, f)).success, f.id).toBe(true);
        expect(f.tex.length).toBeGreaterThan(2);
      }
      for (const v of lab.views ?? [])
        expect(def.params.safeParse(labTargetParams(def, { view: v.id })).success).toBe(true);
      if (lab.curriculum) expect(LAB_BRANCHES.map((b) => b.id)).toContain(lab.curriculum.branch);
    });
  }

  it('Descent and Regularization each have a tour', () => {
    expect(descentLab.tours?.length).toBeGreaterThan(0);
    expect(regularizationLab.tours?.length).toBeGreaterThan(0);
  });
});

/** The computed answer's text for each step of a lab's first tour that asks a prediction. */
function answers<P>(lab: { tours?: readonly { steps: readonly LabTourStep<P>[] }[] }) {
  const out: Record<string, string> = {};
  const def = lab as unknown as Parameters<typeof labTargetParams>[0];
  for (const step of lab.tours![0].steps) {
    if (!step.predict) continue;
    const p = labTargetParams(def, step as never) as P;
    const choices = step.predict.choices(p);
    const k = step.predict.answer(p);
    expect(Number.isInteger(k) && k >= 0 && k < choices.length, step.title).toBe(true);
    out[step.title] = choices[k];
  }
  return out;
}

describe('predictions are computed and agree with the stories', () => {
  it('Descent: the larger step diverges, Nesterov is first down the valley, momentum finds the deeper well', () => {
    const a = answers(descentLab);
    expect(a['A step too far']).toBe('Gradient descent, η = 0.21');
    expect(a['A long, narrow valley']).toMatch(/^Nesterov/);
    expect(a['Which valley you end up in']).toMatch(/^Momentum/);
  });

  it('Regularization: L2 keeps both, the lasso zeroes w₂, a looser budget and the elastic net keep both', () => {
    const a = answers(regularizationLab);
    expect(a['A round budget']).toBe('None');
    expect(a['A budget with corners']).toBe('w₂');
    expect(a['Loosen the budget']).toBe('No');
    expect(a['A compromise']).toBe('None');
  });
});

describe('predictions of the Activations and Losses tours agree with their step text', () => {
  /** The params of the step with this title in the lab's first tour. */
  const at = <P>(
    lab: { tours?: readonly { steps: readonly LabTourStep<P>[] }[] },
    title: string,
  ) => {
    const step = lab.tours![0].steps.find((s) => s.title === title)!;
    return labTargetParams(lab as unknown as Parameters<typeof labTargetParams>[0], step) as P;
  };

  it('Activations: sigmoid peaks lowest, tanh is flattest at 4, 20 sigmoid links fall below 10⁻⁹, ReLU survives, w = 2 explodes', () => {
    const a = answers(activationsLab);
    expect(a['The slope is what travels back']).toBe('Sigmoid');
    expect(ACTIVATIONS.sigmoid.df(0)).toBe(0.25);
    expect(a['Flat tails']).toBe('Tanh');
    expect(ACTIVATIONS.tanh.df(4)).toBeLessThan(ACTIVATIONS.sigmoid.df(4));
    expect(a['Twenty sigmoid layers']).toBe('Below 10⁻⁹');
    // The explanation says about 10⁻¹³: twenty factors of σ′ ≈ 0.22.
    const deep = activationsChainGain(at(activationsLab, 'Twenty sigmoid layers'));
    expect(Math.log10(deep)).toBeGreaterThan(-14);
    expect(Math.log10(deep)).toBeLessThan(-12);
    expect(a['A slope of exactly one']).toBe('ReLU');
    expect(activationsChainGain(at(activationsLab, 'A slope of exactly one'))).toBe(1);
    expect(a['Too much of a good thing']).toBe('Above 10³');
    expect(activationsChainGain(at(activationsLab, 'Too much of a good thing'))).toBe(2 ** 20);
  });

  it('Losses: MSE is steepest at r = 3, MAE passes through the four, only MSE follows the outlier, Huber at δ = 50 is MSE, MAE picks the median, focal keeps 1%', () => {
    const a = answers(lossesLab);
    expect(a['How hard each loss pulls']).toBe('MSE');
    expect(a['One point far away']).toBe('MAE');
    expect(a['Move the outlier']).toBe('Only MSE');
    expect(a['Huber’s threshold']).toBe('MSE');
    expect(a['A loss is a noise model']).toBe('The median, 3');
    expect(a['Ignoring the easy points']).toBe('About 1%');
    expect(focalKept(at(lossesLab, 'Ignoring the easy points'), 0.9)).toBeCloseTo(0.01, 9);
  });
});

describe('predictions of the Probability tour agree with its step text', () => {
  const at = (title: string) => {
    const step = probabilityLab.tours![0].steps.find((s) => s.title === title)!;
    return labTargetParams(
      probabilityLab as unknown as Parameters<typeof labTargetParams>[0],
      step,
    ) as Parameters<typeof probNanRows>[0];
  };

  it('T = 0.1 gives the top class above 0.99, T keeps the order, rows sum to 0, f16 and f32 overflow, KL(p‖q) is ∞, scaling keeps accuracy', () => {
    const a = answers(probabilityLab);
    expect(a['Scores into probabilities']).toBe('Above 0.99');
    // The explanation: gaps of 15 and 30 after dividing by 0.1.
    const s = softmax([2, 0.5, -1], 0.1);
    expect(1 - s[0]).toBeCloseTo(Math.exp(-15), 9);
    expect(a['Temperature keeps the order']).toBe('No, only the gaps change');
    expect(probOrderKept(at('Temperature keeps the order'))).toBe(true);
    expect(a['How probabilities respond to a logit']).toBe('0');
    expect(a['When exp does not fit']).toBe('float16 and float32, naive');
    expect(probNanRows(at('When exp does not fit')).sort()).toEqual([
      'float16 naive',
      'float32 naive',
    ]);
    expect(a['Which way you measure']).toBe('KL(p‖q)');
    expect(a['Confident is not the same as right']).toBe('It stays exactly the same');
    const m = probCalibration(at('Confident is not the same as right'));
    expect(m.scaled.correct).toEqual(m.data.raw.correct);
    expect(m.temperature).toBeGreaterThan(1);
  });
});

describe('predictions of the Networks tour agree with its step text', () => {
  const at = (title: string) => {
    const step = networksLab.tours![0].steps.find((s) => s.title === title)!;
    return labTargetParams(
      networksLab as unknown as Parameters<typeof labTargetParams>[0],
      step,
    ) as Parameters<typeof networksSize>[0];
  };

  it('the 4-2 net has 25 parameters; XOR is not solved without a hidden layer (about two thirds) and is with four neurons', () => {
    const a = answers(networksLab);
    expect(a['A small network, neuron by neuron']).toBe('From 20 to 40');
    expect(networksSize(at('A small network, neuron by neuron'))).toBe(
      2 * 4 + 4 + (4 * 2 + 2) + (2 + 1),
    );
    expect(a['One line is not enough']).toBe('No');
    const lin = networksTrained(at('One line is not enough')).testAcc;
    expect(lin).toBeGreaterThan(0.6);
    expect(lin).toBeLessThan(0.7);
    expect(a['Add four neurons']).toBe('Yes');
  });
});

describe('defineLab refuses a guide that names what does not exist', () => {
  const params = z.object({ k: z.number().min(0).max(1), seed: z.number().int() });
  const base = {
    id: 'toy',
    title: 'Toy',
    summary: 'A toy.',
    params,
    defaults: { k: 0.5, seed: 1 },
    presets: [{ id: 's', title: 'S', story: 'S.', params: { k: 1 } }],
    seedPath: ['seed'] as ['seed'],
    sims: [],
  };
  const step = { title: 'T', text: 'Text.', look: 'Look.', act: 'Act.' };
  const tour = (steps: LabTourStep<{ k: number; seed: number }>[]) => [
    { id: 't', title: 'T', summary: 'S.', steps },
  ];
  it('accepts a good guide', () => {
    expect(() =>
      defineLab({
        ...base,
        views: [{ id: 'v', title: 'V', params: { k: 0 } }],
        tours: tour([{ ...step, story: 's', view: 'v' }]),
      }),
    ).not.toThrow();
  });
  it.each([
    ['an unknown story', { tours: tour([{ ...step, story: 'nope' }]) }, /names no story "nope"/],
    ['an unknown view', { tours: tour([{ ...step, view: 'nope' }]) }, /names no view "nope"/],
    [
      'params outside the schema',
      { tours: tour([{ ...step, params: { k: 2 } }]) },
      /step 1 does not fit the schema: k/,
    ],
    ['a tour without steps', { tours: tour([]) }, /has no steps/],
    [
      'a formula out of range',
      { formulas: [{ id: 'f', title: 'F', tex: 'x', params: { k: -1 } }] },
      /formula "f"/,
    ],
    [
      'two views with one id',
      {
        views: [
          { id: 'v', title: 'A', params: {} },
          { id: 'v', title: 'B', params: {} },
        ],
      },
      /two views/,
    ],
    ['an order of 0', { curriculum: { branch: 'calculus', order: 0, question: 'Q?' } }, /order/],
  ])('refuses %s', (_, extra, message) => {
    expect(() => defineLab({ ...base, ...(extra as object) })).toThrow(message);
  });
});
