// σ, σ′ and softplus against values computed independently: closed forms at exact points,
// 30-digit references in the tails, and the identities that tie them together.
import { describe, expect, it } from 'vitest';
import { finiteDiffScalar } from '../../../core/math/finite-diff';
import {
  logisticSigmoid,
  logisticSigmoidDerivative,
  logisticSoftplus,
} from '../../../core/math/logistic';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logistic functions', () => {
  it('closed forms: σ(0) = ½, σ(ln 3) = ¾, softplus(0) = ln 2, softplus(ln 3) = ln 4', () => {
    expect(logisticSigmoid(0)).toBe(0.5);
    expect(rel(logisticSigmoid(Math.log(3)), 0.75)).toBeLessThan(1e-15);
    expect(rel(logisticSoftplus(0), Math.LN2)).toBeLessThan(1e-15);
    expect(rel(logisticSoftplus(Math.log(3)), Math.log(4))).toBeLessThan(1e-15);
    expect(logisticSigmoidDerivative(0)).toBe(0.25);
  });

  it('agrees with the textbook formulas where those do not overflow', () => {
    for (const z of [-30, -3, -0.2, 0, 0.5, 4, 25]) {
      expect(logisticSoftplus(z)).toBeCloseTo(Math.log(1 + Math.exp(z)), 12);
      expect(logisticSigmoid(z)).toBeCloseTo(1 / (1 + Math.exp(-z)), 15);
    }
    expect(logisticSoftplus(-1000)).toBe(0);
  });

  it('tails keep relative precision and never overflow (references to 30 digits)', () => {
    // 40-digit decimal references (Python's decimal module); 1 − σ(40) would be 0 in floats.
    expect(rel(logisticSigmoid(-40), 4.248354255291588977280720904404506e-18)).toBeLessThan(1e-14);
    expect(
      rel(logisticSigmoidDerivative(-40), 4.248354255291588959232207025950355e-18),
    ).toBeLessThan(1e-14);
    expect(rel(logisticSoftplus(-40), 4.248354255291588986304743060772924e-18)).toBeLessThan(1e-14);
    expect(logisticSoftplus(1000)).toBe(1000);
    expect(logisticSigmoid(1000)).toBe(1);
    expect(logisticSigmoid(-1000)).toBe(0);
    for (const x of [-800, -1e300, 800, 1e300]) {
      expect(Number.isFinite(logisticSigmoid(x))).toBe(true);
      expect(Number.isFinite(logisticSigmoidDerivative(x))).toBe(true);
    }
  });

  it('softplus′ = σ and σ′ matches finite differences; σ(x) + σ(−x) = 1', () => {
    for (const x of [-7.5, -2, -0.3, 0.4, 1.9, 6.2]) {
      expect(rel(finiteDiffScalar(logisticSoftplus, x), logisticSigmoid(x))).toBeLessThan(1e-8);
      expect(rel(finiteDiffScalar(logisticSigmoid, x), logisticSigmoidDerivative(x))).toBeLessThan(
        1e-7,
      );
      expect(Math.abs(logisticSigmoid(x) + logisticSigmoid(-x) - 1)).toBeLessThanOrEqual(2 ** -53);
    }
  });
});
