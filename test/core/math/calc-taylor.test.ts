// Taylor coefficients from the engine's repeated symbolic derivatives against the known series
// (closed forms typed here, not computed by the code under test), the radius estimate against the
// known radii (1 for ln(1 + x) and 1/(1 − x), π for the sigmoid, infinite for eˣ and sin), and
// the polynomial's value against the remainder bound.
import { describe, expect, it } from 'vitest';
import { calcDerivatives1, calcDerivativesAt, calcParse1 } from '../../../core/math/calc-expr1';
import {
  calcFactorial,
  calcRadiusEstimate,
  calcTaylorCoefficients,
  calcTaylorEval,
} from '../../../core/math/calc-taylor';

function coefficients(source: string, a: number, order = 10) {
  const parsed = calcParse1(source);
  if (!parsed.ok) throw new Error(parsed.message);
  const d = calcDerivatives1(parsed.expr, order);
  expect(d.order).toBe(order);
  return calcTaylorCoefficients(calcDerivativesAt(d, a));
}

const fact = calcFactorial;
const near = (got: ArrayLike<number>, want: number[], tol = 1e-12) =>
  want.forEach((w, k) =>
    expect(Math.abs(got[k] - w)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(w))),
  );

describe('Taylor coefficients against known series', () => {
  const ks = Array.from({ length: 11 }, (_, k) => k);
  it('eˣ about 0 and about 1', () => {
    near(
      coefficients('exp(x)', 0),
      ks.map((k) => 1 / fact(k)),
    );
    near(
      coefficients('exp(x)', 1),
      ks.map((k) => Math.E / fact(k)),
    );
  });
  it('sin and cos about 0', () => {
    const sin = ks.map((k) => (k % 2 === 0 ? 0 : (k % 4 === 1 ? 1 : -1) / fact(k)));
    const cos = ks.map((k) => (k % 2 === 1 ? 0 : (k % 4 === 0 ? 1 : -1) / fact(k)));
    near(coefficients('sin(x)', 0), sin);
    near(coefficients('cos(x)', 0), cos);
  });
  it('ln(1 + x) about 0: (−1)^(k+1)/k', () => {
    near(
      coefficients('ln(1 + x)', 0),
      ks.map((k) => (k === 0 ? 0 : (k % 2 ? 1 : -1) / k)),
    );
  });
  it('1/(1 − x) about 0 and about ½: 1 and 2^(k+1)', () => {
    near(
      coefficients('1/(1 - x)', 0),
      ks.map(() => 1),
    );
    near(
      coefficients('1/(1 - x)', 0.5),
      ks.map((k) => 2 ** (k + 1)),
      1e-11,
    );
  });
  it('the sigmoid about 0: ½, ¼, 0, −1/48, 0, 1/480, 0, −17/80640, 0, 31/1451520', () => {
    near(
      coefficients('sigmoid(x)', 0),
      [0.5, 1 / 4, 0, -1 / 48, 0, 1 / 480, 0, -17 / 80640, 0, 31 / 1451520, 0],
      1e-13,
    );
  });
});

describe('calcRadiusEstimate', () => {
  it('finds 1 for ln(1 + x) and 1/(1 − x) about 0, and π for the sigmoid', () => {
    const log = calcRadiusEstimate(coefficients('ln(1 + x)', 0));
    expect(log.ratio).toBeCloseTo(10 / 9, 10);
    expect(log.growing).toBe(false);
    expect(calcRadiusEstimate(coefficients('1/(1 - x)', 0)).ratio).toBeCloseTo(1, 10);
    const sig = calcRadiusEstimate(coefficients('sigmoid(x)', 0));
    expect(sig.from).toEqual([7, 9]);
    expect(Math.abs(sig.ratio / Math.PI - 1)).toBeLessThan(0.01);
    expect(sig.growing).toBe(false);
  });
  it('says the estimate is still growing for eˣ, sin and cos (infinite radius)', () => {
    for (const s of ['exp(x)', 'sin(x)', 'cos(x)'])
      expect(calcRadiusEstimate(coefficients(s, 0)).growing).toBe(true);
  });
  it('gives NaN for a polynomial of degree 1', () => {
    expect(calcRadiusEstimate(coefficients('3*x + 2', 0, 3)).ratio).toBeNaN();
  });
});

describe('calcTaylorEval', () => {
  it('T₁₀ of eˣ about 0 at x = 1 is within the remainder bound e/11! of e', () => {
    const c = coefficients('exp(x)', 0);
    const err = Math.abs(calcTaylorEval(c, 10, 0, 1) - Math.E);
    expect(err).toBeLessThanOrEqual(Math.E / fact(11));
    expect(err).toBeGreaterThan(1 / fact(11));
  });
  it('T₂ about a is f(a) + f′(a)(x − a) + f″(a)(x − a)²/2', () => {
    const c = coefficients('x^3', 2, 3);
    expect(calcTaylorEval(c, 2, 2, 2.5)).toBeCloseTo(8 + 12 * 0.5 + 6 * 0.25, 12);
    expect(calcTaylorEval(c, 3, 2, 2.5)).toBeCloseTo(2.5 ** 3, 12);
  });
});

describe('calcDerivatives1', () => {
  it('stops at the order whose derivative passes the node bound', () => {
    const parsed = calcParse1('sigmoid(sin(x)*exp(x^2))');
    if (!parsed.ok) throw new Error(parsed.message);
    const d = calcDerivatives1(parsed.expr, 10, 400);
    expect(d.order).toBeGreaterThan(0);
    expect(d.order).toBeLessThan(10);
    expect(d.nodes.length).toBe(d.order + 1);
  });
});
