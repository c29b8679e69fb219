// The Calculus lab's definition and models: defaults and stories fit the schema, each story's
// claim holds for the numbers its view will show, and bad text comes back as a message.
import { describe, expect, it } from 'vitest';
import { labPresetParams } from '../../../core/labs/define';
import { calculusLab } from '../../../core/labs/calculus/lab';
import { chainModel } from '../../../core/labs/calculus/model-chain';
import { criticalModel } from '../../../core/labs/calculus/model-critical';
import { derivativeModel } from '../../../core/labs/calculus/model-derivative';
import { taylorModel } from '../../../core/labs/calculus/model-taylor';
import { CALCULUS_DEFAULTS, CALCULUS_PRESETS } from '../../../core/labs/calculus/presets';
import type { CalculusParams } from '../../../core/labs/calculus/params';

const story = (id: string): CalculusParams => {
  const p = CALCULUS_PRESETS.find((s) => s.id === id);
  if (!p) throw new Error(id);
  return labPresetParams(calculusLab, p, CALCULUS_DEFAULTS);
};

describe('calculus lab definition', () => {
  it('has kebab id, valid defaults and stories', () => {
    expect(calculusLab.id).toBe('calculus');
    expect(calculusLab.params.safeParse(CALCULUS_DEFAULTS).success).toBe(true);
    for (const p of CALCULUS_PRESETS)
      expect(calculusLab.params.safeParse(story(p.id)).success).toBe(true);
  });
  it('refuses an empty function and an empty window', () => {
    const bad = {
      ...CALCULUS_DEFAULTS,
      derivative: { ...CALCULUS_DEFAULTS.derivative, source: '' },
    };
    expect(calculusLab.params.safeParse(bad).success).toBe(false);
    const win = { ...CALCULUS_DEFAULTS.taylor, window: { lo: 1, width: 0 } };
    expect(calculusLab.params.safeParse({ ...CALCULUS_DEFAULTS, taylor: win }).success).toBe(false);
  });
});

describe('derivativeModel', () => {
  it('the secant slope at h is the forward difference, and tends to f′(a)', () => {
    const m = derivativeModel(story('secant-to-tangent').derivative);
    if (!m.ok) throw new Error(m.message);
    expect(m.slope).toBeCloseTo(Math.E, 14);
    expect(m.secantSlope).toBeCloseTo(Math.exp(2) - Math.E, 12);
    const closer = derivativeModel({ ...story('secant-to-tangent').derivative, hLog10: -6 });
    if (!closer.ok) throw new Error(closer.message);
    expect(Math.abs(closer.secantSlope - Math.E)).toBeLessThan(2e-6);
  });
  it('too-small-h: the forward difference is best near 10⁻⁸ and worse at 10⁻¹²', () => {
    const m = derivativeModel(story('too-small-h').derivative);
    if (!m.ok) throw new Error(m.message);
    const fwd = m.curves.find((c) => c.kind === 'forward')!;
    expect(fwd.bestH).toBeGreaterThan(1e-9);
    expect(fwd.bestH).toBeLessThan(1e-7);
    expect(Math.abs(m.atH.forward - m.slope)).toBeGreaterThan(100 * fwd.bestError);
  });
  it('knows when a + h rounds to a', () => {
    const m = derivativeModel({ ...CALCULUS_DEFAULTS.derivative, hLog10: -16 });
    expect(m.ok && m.stepLost).toBe(true);
    expect(m.ok && m.secantSlope).toBe(0);
  });
  it('returns the engine message for bad text and a message where f is undefined', () => {
    const m = derivativeModel({ ...CALCULUS_DEFAULTS.derivative, source: 'sin(x' });
    expect(!m.ok && m.message).toMatch(/column 4/);
    const u = derivativeModel({ ...CALCULUS_DEFAULTS.derivative, source: 'ln(x)', a: -1 });
    expect(!u.ok && u.message).toMatch(/undefined/);
  });
});

describe('chainModel', () => {
  it('sin(x²) at 1.2: cos(1.44)·2.4, equal to the engine and to a difference quotient', () => {
    const m = chainModel(story('chain-rule').chain);
    if (!m.ok) throw new Error(m.message);
    expect(m.g).toBeCloseTo(1.44, 15);
    expect(m.gPrime).toBeCloseTo(2.4, 15);
    expect(m.fPrimeOfG).toBeCloseTo(Math.cos(1.44), 15);
    expect(m.product).toBeCloseTo(Math.cos(1.44) * 2.4, 14);
    expect(m.symbolic).toBeCloseTo(m.product, 14);
    expect(Math.abs(m.check - m.product)).toBeLessThan(1e-8);
    expect(m.tex.outer).toBe('\\sin\\left(u\\right)');
  });
  it('says which field is wrong', () => {
    const o = chainModel({ ...CALCULUS_DEFAULTS.chain, outer: 'exp(x)' });
    expect(!o.ok && o.field).toBe('outer');
    const i = chainModel({ ...CALCULUS_DEFAULTS.chain, inner: 'x*y' });
    expect(!i.ok && i.field).toBe('inner');
  });
});

describe('taylorModel', () => {
  it('ln(1 + x) about 0: more terms help at x = 0.5 and hurt at x = 1.8', () => {
    const p = story('taylor-log-radius').taylor;
    const m = taylorModel({ ...p, order: 8 });
    if (!m.ok) throw new Error(m.message);
    const at = (x: number) => m.xs.findIndex((v) => Math.abs(v - x) < 0.006);
    const inside = at(0.5);
    const outside = at(1.8);
    for (let k = 1; k < 8; k++) {
      expect(m.err[k][inside]).toBeLessThan(m.err[k - 1][inside]);
      expect(m.err[k][outside]).toBeGreaterThan(m.err[k - 1][outside]);
    }
    expect(m.radius.ratio).toBeGreaterThan(0.9);
    expect(m.radius.ratio).toBeLessThan(1.3);
  });
  it('sigmoid story: the ratio of coefficients is within 1 % of π', () => {
    const m = taylorModel(story('taylor-sigmoid').taylor);
    if (!m.ok) throw new Error(m.message);
    expect(Math.abs(m.radius.ratio / Math.PI - 1)).toBeLessThan(0.01);
  });
  it('eˣ story: the error falls everywhere in the window as the order rises', () => {
    const m = taylorModel(story('taylor-exp').taylor);
    if (!m.ok) throw new Error(m.message);
    m.xs.forEach((x, i) => {
      if (Math.abs(x) > 0.05) expect(m.err[5][i]).toBeLessThan(m.err[4][i]);
    });
  });
  it('custom text with a typo returns the engine message', () => {
    const m = taylorModel({ ...CALCULUS_DEFAULTS.taylor, fn: 'custom', custom: 'sinn(x)' });
    expect(!m.ok && m.message).toMatch(/Did you mean 'sin'/);
  });
});

describe('criticalModel', () => {
  it('himmelblau story: nine points, four minima, four saddles, one maximum', () => {
    const m = criticalModel(story('himmelblau-census').critical);
    if (!m.ok) throw new Error(m.message);
    const count = (k: string) => m.points.filter((p) => p.kind === k).length;
    expect([m.points.length, count('minimum'), count('saddle'), count('maximum')]).toEqual([
      9, 4, 4, 1,
    ]);
    expect(m.contours.length).toBeGreaterThan(5);
  });
  it('default: x³ − 3x + y³ − 3y has a minimum, a maximum and two saddles', () => {
    const m = criticalModel(CALCULUS_DEFAULTS.critical);
    if (!m.ok) throw new Error(m.message);
    expect(m.points.map((p) => [p.kind, Math.round(p.x), Math.round(p.y)])).toEqual([
      ['minimum', 1, 1],
      ['saddle', 1, -1],
      ['saddle', -1, 1],
      ['maximum', -1, -1],
    ]);
  });
});

describe('quantileLevels', () => {
  it('puts levels at evenly spaced quantiles, skipping repeats and non-finite values', async () => {
    const { quantileLevels } = await import('../../../core/labs/calculus/model-critical');
    const values = [NaN, ...Array.from({ length: 100 }, (_, i) => i ** 3)];
    const levels = quantileLevels(values, 4);
    expect(levels).toEqual([12 ** 3, 37 ** 3, 62 ** 3, 87 ** 3]);
    expect(quantileLevels([1, 1, 1, 1], 3)).toEqual([1]);
  });
});

describe('lagrangeModel', () => {
  it('each story: ∂(f*)/∂b measured at b ± δ equals −λ, and the stories’ numbers hold', async () => {
    const { lagrangeModel } = await import('../../../core/labs/calculus/model-lagrange');
    for (const id of ['lagrange-circle', 'lagrange-hyperbola', 'lagrange-linear']) {
      const m = lagrangeModel(story(id).lagrange);
      if (!m.ok) throw new Error(m.message);
      expect(m.rate).toBeCloseTo(-m.points[0].lambda, 6);
      expect(m.curve.length).toBeGreaterThan(0);
      expect(m.arrows.length).toBe(12);
    }
    const hyper = lagrangeModel(story('lagrange-hyperbola').lagrange);
    if (!hyper.ok) throw new Error(hyper.message);
    expect(hyper.points.map((p) => +p.lambda.toFixed(9))).toEqual([-2, -2]);
    const at3 = lagrangeModel({ ...story('lagrange-linear').lagrange, b: 3 });
    if (!at3.ok) throw new Error(at3.message);
    expect(at3.points[0].lambda).toBeCloseTo(0, 12);
    expect([at3.points[0].x, at3.points[0].y].map((v) => +v.toFixed(9))).toEqual([2, 1]);
  });
  it('says which field is wrong', async () => {
    const { lagrangeModel } = await import('../../../core/labs/calculus/model-lagrange');
    const m = lagrangeModel({ ...CALCULUS_DEFAULTS.lagrange, g: 'x^2 + ' });
    expect(!m.ok && m.field).toBe('g');
  });
});

describe('kktModel', () => {
  it('stories: the half-plane and the disk are active with their closed-form λ, the big disk is not', async () => {
    const { kktModel } = await import('../../../core/labs/calculus/model-kkt');
    const half = kktModel(story('kkt-halfplane').kkt);
    if (!half.ok || !half.best) throw new Error('no solution');
    expect(half.best.active).toBe(true);
    expect([half.best.x, half.best.y, half.best.lambda].map((v) => +v.toFixed(9))).toEqual([
      0.5, 0.5, 1,
    ]);
    expect(half.excluded.length).toBeGreaterThan(0);
    const disk = kktModel(story('kkt-disk').kkt);
    if (!disk.ok || !disk.best) throw new Error('no solution');
    expect(disk.best.active).toBe(true);
    expect(disk.best.lambda).toBeCloseTo(Math.sqrt(5) - 1, 10);
    const inside = kktModel(story('kkt-inactive').kkt);
    if (!inside.ok || !inside.best) throw new Error('no solution');
    expect(inside.best.active).toBe(false);
    expect(inside.best.lambda).toBe(0);
    expect([inside.best.x, inside.best.y].map((v) => +v.toFixed(9))).toEqual([2, 1]);
    for (const m of [half, disk, inside])
      for (const r of Object.values(m.best!.residuals)) expect(r).toBeLessThan(1e-10);
  });
  it('the sweep over b: λ = −b while b < 0 on the half-plane, 0 from b = 0 on; f* = b²/2 then 0', async () => {
    const { kktSweep } = await import('../../../core/labs/calculus/model-kkt');
    const sweep = kktSweep(story('kkt-halfplane').kkt);
    if (!sweep) throw new Error('no sweep');
    for (let k = 0; k < sweep.b.length; k++) {
      const b = sweep.b[k];
      // The half-plane's edge leaves the box drawn (|x|, |y| ≤ 2) below b = −4.
      if (b < -4) continue;
      expect(sweep.lambda[k]).toBeCloseTo(Math.max(0, -b), 9);
      expect(sweep.f[k]).toBeCloseTo(b < 0 ? (b * b) / 2 : 0, 9);
    }
  });
  it('says which field is wrong', async () => {
    const { kktModel } = await import('../../../core/labs/calculus/model-kkt');
    const m = kktModel({ ...CALCULUS_DEFAULTS.kkt, f: 'x^^2' });
    expect(!m.ok && m.field).toBe('f');
  });
});

describe('svmModel', () => {
  it('stories: the symmetric set has margin 2 with α = ½ at (±1, 0); the default set agrees with the angle search', async () => {
    const { svmModel } = await import('../../../core/labs/calculus/model-svm');
    const sym = svmModel(story('svm-symmetric').svm);
    if (!sym.solution.ok) throw new Error(sym.solution.reason);
    expect(sym.solution.margin).toBeCloseTo(2, 12);
    expect(sym.solution.support).toEqual([0, 3]);
    expect(Array.from(sym.solution.alpha, (a) => +a.toFixed(9))).toEqual([0.5, 0, 0, 0.5, 0, 0]);
    const def = svmModel(story('svm-margin').svm);
    if (!def.solution.ok || !def.check) throw new Error('no solution');
    expect(def.solution.w[0]).toBeCloseTo(def.check.w[0], 6);
    expect(def.solution.w[1]).toBeCloseTo(def.check.w[1], 6);
    for (const v of def.products) expect(Math.abs(v)).toBeLessThan(1e-9);
    // Moving a point that is not a support vector, away from the band, changes nothing.
    const far = def.solution.alpha.findIndex((a) => a === 0);
    const pts = story('svm-margin').svm.points.map((q, i) =>
      i === far ? { ...q, x: q.x + q.label * 0.5 } : q,
    );
    const moved = svmModel({ points: pts });
    if (!moved.solution.ok) throw new Error(moved.solution.reason);
    expect(moved.solution.w[0]).toBeCloseTo(def.solution.w[0], 9);
    expect(moved.solution.b).toBeCloseTo(def.solution.b, 9);
  });
});
