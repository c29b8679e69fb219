// Finite differences in float64 against closed forms of their truncation error (exact formulas of
// the difference quotients of exp and sin, independent of the code under test), the round-off
// rise below the best step, and the best step found from the computed errors against the theory.
import { describe, expect, it } from 'vitest';
import {
  calcDerivatives1,
  calcDerivativesAt,
  calcParse1,
  calcValueAt,
} from '../../../core/math/calc-expr1';
import {
  CALC_EPS,
  calcBestStepIndex,
  calcCentral,
  calcComplexStep,
  calcDiffTheory,
  calcErrorCurve,
  calcForward,
  calcStepGrid,
} from '../../../core/math/calc-diff';

function compile(source: string) {
  const parsed = calcParse1(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const d = calcDerivatives1(parsed.expr, 3);
  return { d, expr: d.nodes[0], f: (x: number) => calcValueAt(d, x) };
}

const steps = calcStepGrid(20);

describe('calcStepGrid', () => {
  it('runs from 1 to 1e-16, 20 steps a decade', () => {
    expect(steps.length).toBe(321);
    expect(steps[0]).toBe(1);
    expect(steps[320]).toBeCloseTo(1e-16, 30);
    expect(steps[20]).toBeCloseTo(0.1, 15);
  });
});

describe('truncation error against closed forms', () => {
  const a = 1;
  const e = Math.exp(a);
  const { f, expr } = compile('exp(x)');
  // Exact values of the three quotients for exp: e^a·(e^h − 1)/h, e^a·sinh(h)/h, e^a·sin(h)/h.
  const exact = {
    forward: (h: number) => e * (Math.expm1(h) / h - 1),
    central: (h: number) => e * (Math.sinh(h) / h - 1),
    complex: (h: number) => e * (1 - Math.sin(h) / h),
  };
  it('forward: the float64 error is the exact truncation error while h ≥ 1e-5', () => {
    for (const h of steps.filter((s) => s >= 1e-5)) {
      const err = calcForward(f, a, h) - e;
      expect(Math.abs(err / exact.forward(h) - 1)).toBeLessThan(1e-3);
    }
  });
  it('central: the float64 error is the exact truncation error while h ≥ 1e-3', () => {
    for (const h of steps.filter((s) => s >= 1e-3)) {
      const err = calcCentral(f, a, h) - e;
      expect(Math.abs(err / exact.central(h) - 1)).toBeLessThan(1e-3);
    }
  });
  it('complex step: the float64 error is the exact truncation error while h ≥ 1e-3', () => {
    for (const h of steps.filter((s) => s >= 1e-3)) {
      const err = e - calcComplexStep(expr, a, h);
      expect(Math.abs(err / exact.complex(h) - 1)).toBeLessThan(1e-3);
    }
  });
  it('sin at 0.7: central quotient is cos(a)·sin(h)/h', () => {
    const s = compile('sin(x)');
    for (const h of [1, 0.3, 0.1, 0.01, 0.001])
      expect(calcCentral(s.f, 0.7, h)).toBeCloseTo((Math.cos(0.7) * Math.sin(h)) / h, 12);
  });
  it('log–log slopes in the truncation range are 1, 2 and 2', () => {
    const slope = (g: (h: number) => number) => Math.log10(g(1e-2) / g(1e-3));
    expect(slope((h) => Math.abs(calcForward(f, a, h) - e))).toBeCloseTo(1, 2);
    expect(slope((h) => Math.abs(calcCentral(f, a, h) - e))).toBeCloseTo(2, 2);
    expect(slope((h) => Math.abs(e - calcComplexStep(expr, a, h)))).toBeCloseTo(2, 2);
  });
});

describe('round-off and the best step', () => {
  const cases = [
    { source: 'exp(x)', a: 1 },
    { source: 'sin(x)', a: 0.7 },
    { source: 'ln(1 + x)', a: 0.5 },
    { source: 'sigmoid(x)', a: 0.8 },
    { source: 'x^3 - 2*x', a: 1.5 },
  ];
  for (const { source, a } of cases) {
    it(`${source} at ${a}: best steps within a factor 10 of √ε and ∛ε theory`, () => {
      const { d, f, expr } = compile(source);
      const [fa, slope, f2, f3] = calcDerivativesAt(d, a);
      const theory = calcDiffTheory(fa, f2, f3);
      const fwd = calcErrorCurve('forward', (h) => calcForward(f, a, h), slope, steps);
      const cen = calcErrorCurve('central', (h) => calcCentral(f, a, h), slope, steps);
      const cpx = calcErrorCurve('complex', (h) => calcComplexStep(expr, a, h), slope, steps);
      expect(fwd.bestH / theory.forwardH).toBeGreaterThan(0.1);
      expect(fwd.bestH / theory.forwardH).toBeLessThan(10);
      expect(cen.bestH / theory.centralH).toBeGreaterThan(0.1);
      expect(cen.bestH / theory.centralH).toBeLessThan(10);
      // The best errors are about √ε and ε^(2/3) of the scale, as the models predict.
      expect(fwd.bestError).toBeLessThan(10 * theory.forward(theory.forwardH));
      expect(cen.bestError).toBeLessThan(10 * theory.central(theory.centralH));
      expect(fwd.bestError).toBeGreaterThan(1e-3 * theory.forward(theory.forwardH));
      // Below the best step the real formulas get worse: the tiny steps are 100× off.
      const tiny = fwd.errors.filter((_, i) => steps[i] <= 1e-12 && steps[i] >= 1e-14);
      const median = [...tiny].sort((x, y) => x - y)[Math.floor(tiny.length / 2)];
      expect(median).toBeGreaterThan(100 * fwd.bestError);
      // The complex step does not: at every h ≤ 1e-8 it is within a few ε of f′(a).
      cpx.errors.forEach((err, i) => {
        if (steps[i] <= 1e-8) expect(err).toBeLessThanOrEqual(4 * CALC_EPS * Math.abs(slope));
      });
    });
  }
  it('a + h rounding to a leaves the forward difference at 0', () => {
    const { f } = compile('exp(x)');
    expect(calcForward(f, 1, 1e-17)).toBe(0);
  });
});

describe('calcBestStepIndex', () => {
  it('ignores a single lucky zero in the noise', () => {
    const errs = [1, 0.1, 0.01, 0.001, 0.01, 0, 0.01, 0.1, 1, 10];
    expect(calcBestStepIndex(errs, 1)).toBe(4);
    // Alone, the zero ties with the 0.001 before it (a zero counts as the smallest error seen).
    expect(calcBestStepIndex(errs, 0)).toBe(3);
  });
  it('returns −1 when nothing is finite', () => {
    expect(calcBestStepIndex([NaN, NaN])).toBe(-1);
  });
});
