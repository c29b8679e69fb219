import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  activationElu,
  activationGelu,
  activationGeluTanh,
  activationLeakyRelu,
  activationSaturation,
  activationSigmoid,
  activationTanh,
  erf,
  erfc,
  type Activation,
} from '../../../core/ml/activations';
import { finiteDiffScalar } from '../../../core/math/finite-diff';

const all: Activation[] = [
  ...Object.values(ACTIVATIONS),
  activationLeakyRelu(0.2),
  activationElu(0.5),
];

const grid = [
  -1000, -50, -20, -7.5, -3, -1.3, -0.5, -1e-8, 1e-8, 0.25, 0.7, 1, 2.2, 6, 20, 50, 1000,
];

/** Central difference, but one-sided near a kink so the stencil never straddles it. */
function numericDerivative(act: Activation, x: number): number {
  const h = 1e-6 * Math.max(1, Math.abs(x));
  const nearKink = act.kinks.some((k) => Math.abs(x - k) < 2 * h);
  if (!nearKink) return finiteDiffScalar(act.f, x, h);
  const hs = Math.abs(x) / 4;
  return x > 0 ? (act.f(x + hs) - act.f(x)) / hs : (act.f(x) - act.f(x - hs)) / hs;
}

describe('activations', () => {
  it.each(all.map((a) => [a.label, a] as const))('%s: df matches finite differences', (_, act) => {
    for (const x of grid) {
      const analytic = act.df(x);
      const numeric = numericDerivative(act, x);
      // Central differences have truncation O(h²) and round-off ~1e-16·|f|/h; 1e-6 absolute
      // headroom covers both at |x| = 1000 where h = 1e-3.
      expect(Math.abs(analytic - numeric), `${act.id} at ${x}`).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(analytic)),
      );
    }
  });

  it.each(all.map((a) => [a.label, a] as const))('%s: finite at ±1000 and beyond', (_, act) => {
    for (const x of [-1e6, -1000, -710, 710, 1000, 1e6]) {
      expect(Number.isFinite(act.f(x)), `f(${x})`).toBe(true);
      expect(Number.isFinite(act.df(x)), `f'(${x})`).toBe(true);
    }
  });

  it.each(all.map((a) => [a.label, a] as const))(
    '%s: NaN propagates through f and f′',
    (_, act) => {
      expect(act.f(NaN)).toBeNaN();
      expect(act.df(NaN)).toBeNaN();
    },
  );

  it('kink conventions: left derivative at 0', () => {
    expect(ACTIVATIONS.relu.df(0)).toBe(0);
    expect(activationLeakyRelu(0.2).df(0)).toBe(0.2);
    expect(activationElu(0.5).df(0)).toBe(0.5);
    expect(ACTIVATIONS.elu.df(0)).toBe(1);
  });

  it('sigmoid, softplus and friends have the right tails', () => {
    expect(activationSigmoid.f(1000)).toBe(1);
    expect(activationSigmoid.f(-1000)).toBe(0);
    expect(ACTIVATIONS.softplus.f(1000)).toBe(1000);
    expect(ACTIVATIONS.softplus.f(-1000)).toBe(0);
    expect(ACTIVATIONS.softplus.f(0)).toBeCloseTo(Math.LN2, 15);
    expect(activationSigmoid.df(-40)).toBeGreaterThan(0);
    expect(Math.abs(activationSigmoid.df(-40) / Math.exp(-40) - 1)).toBeLessThan(1e-14);
  });

  it("σ' ≤ 1/4 everywhere with equality only at 0", () => {
    expect(activationSigmoid.df(0)).toBe(0.25);
    let worst = 0;
    for (let i = -30000; i <= 30000; i++) {
      if (i !== 0) worst = Math.max(worst, activationSigmoid.df(i / 1000 + 1e-7));
    }
    expect(worst).toBeLessThan(0.25);
  });

  it('erf matches reference values', () => {
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 15);
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 15);
    expect(erf(2)).toBeCloseTo(0.9953222650189527, 15);
    expect(erf(-1)).toBe(-erf(1));
    expect(erf(0)).toBe(0);
    // erf(x) ≈ 2x/√π for tiny x.
    expect(erf(1e-8) / (2e-8 / Math.sqrt(Math.PI))).toBeCloseTo(1, 14);
    // erfc keeps relative precision in the tail: erfc(5) = 1.5374597944280348e-12.
    expect(Math.abs(erfc(5) / 1.5374597944280348e-12 - 1)).toBeLessThan(1e-14);
    expect(erfc(-3) + erfc(3)).toBeCloseTo(2, 15);
  });

  it('erf and erfc are continuous across their internal switch points', () => {
    // Across a switch, the jump must be what the slope 2/√π·e^{−x²} predicts, to round-off.
    const d = 1e-9;
    for (const x of [1, 2.5]) {
      const slope = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
      expect(Math.abs(erf(x + d) - erf(x - d) - 2 * d * slope)).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x + d) - erfc(x - d) + 2 * d * slope)).toBeLessThan(1e-15);
    }
  });

  it('GELU tanh approximation is within 5e-4 of exact GELU on [−10, 10]', () => {
    let worst = 0;
    for (let i = -10000; i <= 10000; i++) {
      const x = i / 1000;
      worst = Math.max(worst, Math.abs(activationGelu.f(x) - activationGeluTanh.f(x)));
    }
    // The maximum gap, ≈ 4.73e-4 near |x| ≈ 2.7, is a property of the approximation; it is
    // neither zero (it is an approximation) nor larger than 5e-4.
    expect(worst).toBeGreaterThan(4e-4);
    expect(worst).toBeLessThan(5e-4);
  });

  it('saturation intervals match closed forms', () => {
    // σ'(x) = 0.01 ⇔ t/(1+t)² = 0.01 with t = e^{−|x|} ⇔ 0.01t² − 0.98t + 0.01 = 0.
    const e = (0.98 - Math.sqrt(0.98 * 0.98 - 4 * 0.01 * 0.01)) / (2 * 0.01);
    const xs = -Math.log(e);
    const sig = activationSigmoid.saturation.intervals;
    expect(sig).toHaveLength(2);
    expect(sig[0][0]).toBe(-Infinity);
    expect(sig[0][1]).toBeCloseTo(-xs, 9);
    expect(sig[1][0]).toBeCloseTo(xs, 9);
    expect(sig[1][1]).toBe(Infinity);
    // tanh'(x) = 0.01 ⇔ tanh²(x) = 0.99.
    const xt = Math.atanh(Math.sqrt(0.99));
    expect(activationTanh.saturation.intervals[1][0]).toBeCloseTo(xt, 9);
    expect(ACTIVATIONS.relu.saturation.intervals).toEqual([[-Infinity, 0]]);
    expect(ACTIVATIONS.linear.saturation.intervals).toEqual([]);
    // ELU (α=1): e^x < 0.01 ⇔ x < ln 0.01.
    expect(ACTIVATIONS.elu.saturation.intervals[0][1]).toBeCloseTo(Math.log(0.01), 9);
  });

  it('saturation intervals are where |f′| is below threshold', () => {
    for (const act of all) {
      const sat = activationSaturation(act.df, 0.05);
      for (let x = -20; x <= 20; x += 0.037) {
        const inside = sat.intervals.some(([a, b]) => x > a && x < b);
        const small = Math.abs(act.df(x)) < 0.05;
        expect(inside, `${act.id} at ${x}`).toBe(small);
      }
    }
  });

  it('every registry entry has TeX for f and f′ and its id as key', () => {
    for (const [id, act] of Object.entries(ACTIVATIONS)) {
      expect(act.id).toBe(id);
      expect(act.texF.length).toBeGreaterThan(3);
      expect(act.texDf.length).toBeGreaterThan(3);
    }
  });
});
