// Calibration: the reliability bins and ECE / MCE against a hand computation, the NLL's
// derivatives in 1/T against finite differences, temperature scaling recovering the distortion
// the simulation put in, and Pearson's r ignoring calibration.
import { describe, expect, it } from 'vitest';
import { finiteDiffScalar } from '../../../core/math/finite-diff';
import {
  calNll,
  calNllInverse,
  calPredict,
  calReliability,
  calTemperatureFit,
  pearson,
} from '../../../core/ml/probability-calibration';
import { calSetScaled, calSimulate } from '../../../core/ml/probability-calibration-data';

describe('reliability diagram, ECE and MCE', () => {
  it('match a hand computation', () => {
    // Bins of width 0.2. [0.8, 1): 0.95 ✓, 0.85 ✗, 0.9 ✓ → acc 2/3, conf 0.9, gap 7/30.
    // [0.6, 0.8): 0.65 ✓, 0.7 ✗ → acc 1/2, conf 0.675, gap 0.175. [0.4, 0.6): 0.45 ✗ → gap 0.45.
    // ECE = 3/6·7/30 + 2/6·0.175 + 1/6·0.45 = 0.25; MCE = 0.45.
    const r = calReliability(
      {
        confidence: Float64Array.from([0.95, 0.85, 0.9, 0.65, 0.7, 0.45]),
        correct: Float64Array.from([1, 0, 1, 1, 0, 0]),
        nll: NaN,
      },
      5,
    );
    expect(r.bins.map((b) => b.count)).toEqual([0, 0, 1, 2, 3]);
    expect(r.bins[4].accuracy).toBeCloseTo(2 / 3, 15);
    expect(r.bins[4].confidence).toBeCloseTo(0.9, 15);
    expect(r.bins[3].confidence).toBeCloseTo(0.675, 15);
    expect(r.bins[0].accuracy).toBeNaN();
    expect(r.ece).toBeCloseTo(0.25, 15);
    expect(r.mce).toBeCloseTo(0.45, 15);
    expect(r.accuracy).toBeCloseTo(0.5, 15);
  });

  it('a confidence of exactly 1 falls in the last bin', () => {
    const r = calReliability(
      { confidence: Float64Array.from([1]), correct: Float64Array.from([1]), nll: 0 },
      10,
    );
    expect(r.bins[9].count).toBe(1);
    expect(r.ece).toBe(0);
  });
});

describe('NLL and temperature scaling', () => {
  const { heldOut, test } = calSimulate({
    n: 3000,
    classes: 5,
    confidence: 2.5,
    seed: 3,
    marginMax: 6,
  });

  it('the first and second derivatives in a = 1/T match finite differences', () => {
    for (const a of [0.1, 0.4, 1, 2.5]) {
      const d = calNllInverse(heldOut, a);
      expect(d.df).toBeCloseTo(
        finiteDiffScalar((x) => calNllInverse(heldOut, x).f, a),
        7,
      );
      expect(d.d2f).toBeCloseTo(
        finiteDiffScalar((x) => calNllInverse(heldOut, x).df, a),
        6,
      );
      expect(d.d2f).toBeGreaterThan(0);
    }
  });

  it('calPredict’s NLL equals the mean −log softmax of the labels', () => {
    expect(calPredict(test, 0.7).nll).toBeCloseTo(calNll(test, 0.7), 13);
  });

  it('recovers the over-confidence factor β as the fitted T, at a zero of dNLL/da', () => {
    const fit = calTemperatureFit(heldOut);
    expect(fit.temperature).toBeGreaterThan(2.5 * 0.9);
    expect(fit.temperature).toBeLessThan(2.5 * 1.1);
    expect(Math.abs(calNllInverse(heldOut, 1 / fit.temperature).df)).toBeLessThan(1e-10);
    for (const dt of [-0.05, 0.05])
      expect(calNll(heldOut, fit.temperature + dt)).toBeGreaterThan(fit.nll);
    expect(fit.iterations).toBeLessThan(20);
    const under = calTemperatureFit(
      calSimulate({ n: 3000, classes: 5, confidence: 0.5, seed: 4, marginMax: 6 }).heldOut,
    );
    expect(under.temperature).toBeGreaterThan(0.45);
    expect(under.temperature).toBeLessThan(0.55);
  });

  it('scaling lowers the test ECE several-fold and changes no prediction', () => {
    const fit = calTemperatureFit(heldOut);
    const raw = calPredict(test, 1);
    const scaled = calPredict(test, fit.temperature);
    expect(Array.from(scaled.correct)).toEqual(Array.from(raw.correct));
    const before = calReliability(raw, 10).ece;
    const after = calReliability(scaled, 10).ece;
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(before / 4);
  });

  it('the simulation draws the same examples for every β and scales them last', () => {
    const a = calSimulate({ n: 200, classes: 4, confidence: 1, seed: 9 });
    const b = calSimulate({ n: 200, classes: 4, confidence: 1.7, seed: 9 });
    expect(Array.from(calSetScaled(a.test, 1.7).logits)).toEqual(Array.from(b.test.logits));
    expect(Array.from(a.test.labels)).toEqual(Array.from(b.test.labels));
  });
});

describe('Pearson correlation', () => {
  it('a closed form, and invariance under c ↦ a + b·c (b > 0)', () => {
    // x = 1..4, y = 2, 4, 5, 4. By hand: sxy = 3.5, sxx = 5, syy = 4.75.
    expect(pearson([1, 2, 3, 4], [2, 4, 5, 4])).toBeCloseTo(3.5 / Math.sqrt(5 * 4.75), 15);
    const c = [0.9, 0.7, 0.55, 0.8, 0.99];
    const y = [1, 0, 0, 1, 1];
    expect(
      pearson(
        c.map((v) => (1 + v) / 2),
        y,
      ),
    ).toBeCloseTo(pearson(c, y), 14);
    expect(pearson([1, 1, 1], [0, 1, 0])).toBeNaN();
  });
});
