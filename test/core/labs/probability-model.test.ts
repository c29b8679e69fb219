// The Probability lab's definition and model: the schema's bounds, each story's claim checked on
// the numbers the views show, and the model's identities (rows of J sum to 0, H(p, q) = H(p) +
// KL(p‖q), the gradients agreeing with finite differences).
import { describe, expect, it } from 'vitest';
import { labPresetParams } from '../../../core/labs/define';
import { probabilityLab } from '../../../core/labs/probability/lab';
import { probModel } from '../../../core/labs/probability/model';
import { probSoftmaxModel, T_CURVE } from '../../../core/labs/probability/model-softmax';
import {
  PROB_DEFAULTS,
  probParamsSchema,
  type ProbParams,
} from '../../../core/labs/probability/params';

const story = (id: string): ProbParams => {
  const preset = probabilityLab.presets.find((p) => p.id === id)!;
  return labPresetParams(probabilityLab, preset, PROB_DEFAULTS);
};

describe('probability params', () => {
  const parse = (patch: Partial<ProbParams>) =>
    probParamsSchema.safeParse({ ...PROB_DEFAULTS, ...patch });

  it('accepts the defaults and every story', () => {
    expect(parse({}).success).toBe(true);
    for (const p of probabilityLab.presets)
      expect(probParamsSchema.safeParse(story(p.id)).success, p.id).toBe(true);
  });

  it('refuses a target outside the classes, logits past ±10, shifts past ±1000, T outside [0.05, 20]', () => {
    const sm = PROB_DEFAULTS.softmax;
    const bad = parse({ softmax: { ...sm, target: 3 } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0].path.join('.')).toBe('softmax.target');
    expect(parse({ softmax: { ...sm, logits: [1, 10.5] } }).success).toBe(false);
    expect(parse({ softmax: { ...sm, logits: [1] } }).success).toBe(false);
    expect(parse({ softmax: { ...sm, temperature: 0.04 } }).success).toBe(false);
    expect(parse({ shift: 1000.5 }).success).toBe(false);
    expect(parse({ shift: -1000 }).success).toBe(true);
  });

  it('refuses a distribution with no weight, and calibration sizes out of range', () => {
    const pairs = PROB_DEFAULTS.entropy.pairs.map((x) => ({ ...x, q: 0 }));
    expect(parse({ entropy: { ...PROB_DEFAULTS.entropy, pairs } }).success).toBe(false);
    expect(parse({ calibration: { ...PROB_DEFAULTS.calibration, samples: 100 } }).success).toBe(
      false,
    );
    expect(parse({ calibration: { ...PROB_DEFAULTS.calibration, confidence: 6 } }).success).toBe(
      false,
    );
  });
});

describe('probability model', () => {
  it('shows softmax([2, 0.5, −1]) = (0.786, 0.175, 0.039) at T = 1', () => {
    const m = probSoftmaxModel(PROB_DEFAULTS.softmax);
    expect(Array.from(m.probabilities, (v) => +v.toFixed(3))).toEqual([0.786, 0.175, 0.039]);
    expect(m.loss).toBeCloseTo(-Math.log(m.probabilities[0]), 14);
  });

  it('Jacobian rows sum to 0; both gradients agree with finite differences', () => {
    const m = probSoftmaxModel({
      logits: [1.5, -2, 0.25, 3, 0],
      temperature: 0.4,
      target: 2,
      smoothing: 0.1,
    });
    for (const r of m.rowSums) expect(Math.abs(r)).toBeLessThan(1e-15);
    expect(m.jacobianCheck).toBeLessThan(1e-8);
    expect(m.gradientCheck).toBeLessThan(1e-7);
    // The gradient sums to 0 when the target sums to 1: s and y both do.
    expect(Math.abs(m.gradient.reduce((a, b) => a + b, 0))).toBeLessThan(1e-15);
  });

  it('story "temperature": T → 0.05 is almost argmax, T → 20 almost uniform; the path runs corner → centre', () => {
    const p = story('temperature-sweep').softmax;
    const cold = probSoftmaxModel({ ...p, temperature: 0.05 });
    expect(cold.probabilities[0]).toBeGreaterThan(0.9999);
    const hot = probSoftmaxModel({ ...p, temperature: 20 });
    for (const v of hot.probabilities) expect(Math.abs(v - 1 / 3)).toBeLessThan(0.03);
    expect(hot.entropy).toBeGreaterThan(0.99 * hot.entropyMax);
    const m = probSoftmaxModel(p);
    const last = (T_CURVE.length - 1) * 3;
    expect(m.path[0]).toBeGreaterThan(0.9999);
    expect(Math.abs(m.path[last] - 1 / 3)).toBeLessThan(0.03);
    // Entropy grows with T along the curve.
    for (let i = 1; i < m.entropyCurve.length; i++)
      expect(m.entropyCurve[i]).toBeGreaterThanOrEqual(m.entropyCurve[i - 1] - 1e-15);
  });

  it('story "overflow": at +100 float32 and float16 naive give ∞ and NaN, stable stays finite; at ±1000 float64 too', () => {
    const m = probModel(story('overflow')).lse;
    const row = (p: string, method: string) =>
      m.rows.find((r) => r.precision === p && r.method === method)!;
    expect(Number.isFinite(row('float64', 'naive').lse)).toBe(true);
    for (const p of ['float32', 'float16']) {
      expect(row(p, 'naive').lse).toBe(Infinity);
      expect(row(p, 'naive').nanCount).toBe(3);
    }
    for (const p of ['float64', 'float32', 'float16'])
      expect(Number.isFinite(row(p, 'stable').lse)).toBe(true);
    for (const shift of [1000, -1000]) {
      const far = probModel({ ...story('overflow'), shift }).lse;
      const naive = far.rows.find((r) => r.precision === 'float64' && r.method === 'naive')!;
      expect(Number.isFinite(naive.lse)).toBe(false);
      expect(naive.nanCount).toBe(3);
      for (const r of far.rows.filter((x) => x.method === 'stable'))
        expect(Number.isFinite(r.lse)).toBe(true);
    }
  });

  it('story "KL is not symmetric": KL(p‖q) = ∞ and KL(q‖p) finite; H(p, q) = H(p) + KL(p‖q)', () => {
    const e = probModel(story('kl-asymmetry')).entropy;
    expect(e.klPQ).toBe(Infinity);
    expect(Number.isFinite(e.klQP)).toBe(true);
    expect(e.hQP).toBeCloseTo(e.hQ + e.klQP, 14);
    const d = probModel(PROB_DEFAULTS).entropy;
    expect(d.units).toBe('bits');
    expect(d.hPQ).toBeCloseTo(d.hP + d.klPQ, 14);
    expect(d.hMax).toBeCloseTo(2, 15); // log₂ 4
  });

  it('story "over-confident": bars below the diagonal, fitted T near 2.5, ECE falls several-fold, r barely moves', () => {
    const c = probModel(story('over-confident')).calibration;
    const raw = c.data.rawReliability;
    const busy = raw.bins.filter((b) => b.count >= 50 && b.lo >= 0.5);
    expect(busy.length).toBeGreaterThan(2);
    for (const b of busy) expect(b.accuracy).toBeLessThan(b.confidence);
    expect(c.temperature).toBeGreaterThan(2.2);
    expect(c.temperature).toBeLessThan(2.8);
    expect(c.scaledReliability.ece).toBeLessThan(raw.ece / 4);
    expect(Math.abs(c.scaledPearson - c.data.rawPearson)).toBeLessThan(0.1);
    // Confidences pushed halfway to 1: the very same r, a far larger ECE.
    expect(c.squashed.pearson).toBeCloseTo(c.scaledPearson, 12);
    expect(c.squashed.ece).toBeGreaterThan(0.1);
  });

  it('the default classifier is calibrated: fitted T near 1, small ECE', () => {
    const c = probModel(PROB_DEFAULTS).calibration;
    expect(Math.abs(c.temperature - 1)).toBeLessThan(0.1);
    expect(c.data.rawReliability.ece).toBeLessThan(0.05);
  });
});
