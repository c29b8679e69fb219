/**
 * The whole state of the Probability lab a scene file or link carries: the logits with their
 * temperature and target (Softmax and Jacobian views), the shift added to every logit in the
 * log-sum-exp view, the two distributions of the entropy view, the simulated classifier of the
 * calibration view, and which view is on screen. Validated with zod on the way in.
 */
import { z } from 'zod';
import { labSeedSchema, type LabPreset } from '../define';

export const PROB_TABS = ['softmax', 'jacobian', 'lse', 'entropy', 'calibration'] as const;
export type ProbTab = (typeof PROB_TABS)[number];

/** Logits the bars can be dragged over. */
export const LOGIT_RANGE = { min: -10, max: 10 } as const;
export const TEMPERATURE_RANGE = { min: 0.05, max: 20 } as const;
export const SHIFT_RANGE = { min: -1000, max: 1000 } as const;
export const CLASSES_RANGE = { min: 2, max: 10 } as const;

const logit = z.number().finite().min(LOGIT_RANGE.min).max(LOGIT_RANGE.max);
const weight = z.number().min(0).max(1);

const softmaxSchema = z
  .object({
    logits: z.array(logit).min(CLASSES_RANGE.min).max(CLASSES_RANGE.max),
    temperature: z.number().min(TEMPERATURE_RANGE.min).max(TEMPERATURE_RANGE.max),
    /** The true class of the cross-entropy target (0-based). */
    target: z
      .number()
      .int()
      .min(0)
      .max(CLASSES_RANGE.max - 1),
    /** Label smoothing ε: the target is (1 − ε)·one-hot + ε/k. */
    smoothing: z.number().min(0).max(0.5),
  })
  .refine((s) => s.target < s.logits.length, {
    message: 'the target must be one of the classes (below the number of logits)',
    path: ['target'],
  });

const entropySchema = z
  .object({
    /** Outcome weights of p and q (each distribution is its weights over their sum). */
    pairs: z
      .array(z.object({ p: weight, q: weight }))
      .min(CLASSES_RANGE.min)
      .max(CLASSES_RANGE.max),
    units: z.enum(['nats', 'bits']),
  })
  .refine((e) => e.pairs.some((x) => x.p > 0) && e.pairs.some((x) => x.q > 0), {
    message: 'p and q each need some weight above 0',
    path: ['pairs'],
  });

const calibrationSchema = z.object({
  /** β: the simulated network reports β times the true logits (> 1 over-confident). */
  confidence: z.number().min(0.2).max(5),
  classes: z.number().int().min(CLASSES_RANGE.min).max(CLASSES_RANGE.max),
  /** Examples in the held-out set and again in the test set. */
  samples: z.number().int().min(200).max(5000),
  bins: z.number().int().min(5).max(20),
  /** Temperature scaling with the T fitted on held-out data, or a T chosen by hand. */
  scaling: z.enum(['fitted', 'manual']),
  /** The hand-chosen T (used when scaling is manual). */
  temperature: z.number().min(0.1).max(10),
});

export const probParamsSchema = z.object({
  tab: z.enum(PROB_TABS),
  softmax: softmaxSchema,
  /** The constant c added to every (tempered) logit in the log-sum-exp view. */
  shift: z.number().finite().min(SHIFT_RANGE.min).max(SHIFT_RANGE.max),
  entropy: entropySchema,
  calibration: calibrationSchema,
  seed: labSeedSchema,
});
export type ProbParams = z.infer<typeof probParamsSchema>;
export type ProbSoftmaxParams = ProbParams['softmax'];
export type ProbEntropyParams = ProbParams['entropy'];
export type ProbCalibrationParams = ProbParams['calibration'];

export const PROB_DEFAULTS: ProbParams = {
  tab: 'softmax',
  softmax: { logits: [2, 0.5, -1], temperature: 1, target: 0, smoothing: 0 },
  shift: 0,
  entropy: {
    pairs: [
      { p: 0.5, q: 0.25 },
      { p: 0.3, q: 0.25 },
      { p: 0.2, q: 0.25 },
      { p: 0, q: 0.25 },
    ],
    units: 'bits',
  },
  calibration: {
    confidence: 1,
    classes: 10,
    samples: 2000,
    bins: 10,
    scaling: 'fitted',
    temperature: 1,
  },
  seed: 7,
};

export const PROB_PRESETS: readonly LabPreset<ProbParams>[] = [
  {
    id: 'temperature-sweep',
    title: 'Temperature: from argmax to uniform',
    story:
      'Softmax divides every logit by T before exponentiating. Drag T toward 0.05 and nearly all the probability goes to the largest logit, as argmax would; drag it toward 20 and the differences between logits stop mattering, so every class approaches 1/k. The point in the triangle follows the dashed path from a corner to the centre.',
    params: { tab: 'softmax' },
  },
  {
    id: 'overflow',
    title: 'The overflow the trick avoids',
    story:
      'Every logit is raised by 100. In float32 and float16 exp(102) is too large to store, so the naive sum is ∞ and each probability is ∞/∞ = NaN. Subtracting the largest logit first leaves exponents ≤ 0: the stable column stays finite in every precision. Push the shift to ±1000 and float64 fails as well.',
    params: { tab: 'lse', shift: 100 },
  },
  {
    id: 'kl-asymmetry',
    title: 'KL is not symmetric',
    story:
      'q gives the fourth outcome no probability while p uses it, so coding p with q’s code would need an infinitely long word: KL(p‖q) = ∞. The other way round every outcome of q is possible under p, and KL(q‖p) is finite.',
    params: {
      tab: 'entropy',
      entropy: {
        pairs: [
          { p: 0.25, q: 0.4 },
          { p: 0.25, q: 0.35 },
          { p: 0.25, q: 0.25 },
          { p: 0.25, q: 0 },
        ],
        units: 'bits',
      },
    },
  },
  {
    id: 'over-confident',
    title: 'Over-confident network, fixed by one parameter',
    story:
      'This network reports logits 2.5 times too large, so it claims more certainty than it has: in the reliability diagram the bars fall below the diagonal. One temperature, fitted on held-out examples, divides the logits back; the test-set bars return to the diagonal and the ECE falls several-fold, while no prediction changes.',
    params: {
      tab: 'calibration',
      calibration: { ...PROB_DEFAULTS.calibration, confidence: 2.5 },
    },
  },
];
