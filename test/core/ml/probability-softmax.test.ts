// Softmax, log-softmax, log-sum-exp, the Jacobian and cross-entropy against 50-digit mpmath values
// (probability-refs.py) at ordinary and extreme inputs, and every gradient against central
// finite differences.
import { describe, expect, it } from 'vitest';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { rngCreate } from '../../../core/math/rng';
import {
  crossEntropyGradient,
  crossEntropyLogits,
  logitsScaled,
  logSoftmax,
  logSumExp,
  softmax,
  softmaxJacobian,
  targetSmoothed,
} from '../../../core/ml/probability-softmax';
import { CE_REFS, SOFTMAX_REFS } from './probability-refs';

/** |a − b| ≤ rel·|b| + abs. */
function close(a: number, b: number, rel: number, abs = 0) {
  return Math.abs(a - b) <= rel * Math.abs(b) + abs;
}

describe('softmax, log-softmax and LSE against mpmath', () => {
  it.each(SOFTMAX_REFS.map((r) => [r.name, r] as const))('%s', (_, r) => {
    const lse = logSumExp(logitsScaled(r.z, r.T));
    expect(close(lse, r.lse, 4e-16, 1e-300), `LSE ${lse} vs ${r.lse}`).toBe(true);
    const s = softmax(r.z, r.T);
    const logS = logSoftmax(r.z, r.T);
    const J = softmaxJacobian(s, r.T);
    const m = Math.max(...r.z) / r.T;
    for (let i = 0; i < r.z.length; i++) {
      // Probabilities below float64's range are 0; the rest to a few ulps, times the condition
      // number |xᵢ − m| of exp (z/T itself is rounded once, and exp amplifies that error).
      const rel = 2e-15 + 4e-16 * Math.abs(r.z[i] / r.T - m);
      expect(close(s[i], r.s[i], rel, 1e-300), `s${i}: ${s[i]} vs ${r.s[i]}`).toBe(true);
      // log-softmax stays finite where log(softmax) would be −∞ (the ±1000 case).
      expect(Number.isFinite(logS[i])).toBe(true);
      expect(close(logS[i], r.logS[i], 4e-15, 1e-15), `log s${i}: ${logS[i]} vs ${r.logS[i]}`).toBe(
        true,
      );
    }
    for (let n = 0; n < J.length; n++)
      expect(close(J[n], r.J[n], 1e-14, 1e-300), `J[${n}]: ${J[n]} vs ${r.J[n]}`).toBe(true);
  });

  it('the seed’s softmax([2, 0.5, −1]) is (0.786, 0.175, 0.039), not (0.72, 0.22, 0.06)', () => {
    const s = softmax([2, 0.5, -1]);
    expect(Array.from(s, (v) => +v.toFixed(3))).toEqual([0.786, 0.175, 0.039]);
    expect(Math.abs(s[0] - 0.72)).toBeGreaterThan(0.06);
  });

  it('LSE: −∞ for all −∞, +∞ with a +∞, NaN with a NaN, exact shift invariance', () => {
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([1, Infinity])).toBe(Infinity);
    expect(logSumExp([1, NaN])).toBeNaN();
    expect(logSumExp([-Infinity, 3])).toBe(3);
    // Shifting by a power of two keeps the differences exact: LSE shifts by exactly that much.
    expect(logSumExp([1024 + 2, 1024 + 0.5, 1024 - 1])).toBe(1024 + logSumExp([2, 0.5, -1]));
  });

  it('probabilities sum to 1 and are in [0, 1] at every temperature', () => {
    const rng = rngCreate(3);
    for (let t = 0; t < 200; t++) {
      const k = 2 + rng.int(9);
      const z = Array.from({ length: k }, () => 20 * rng.next() - 10);
      const T = Math.exp(Math.log(0.05) + rng.next() * Math.log(400));
      const s = softmax(z, T);
      expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-14);
      for (const v of s) expect(v >= 0 && v <= 1).toBe(true);
    }
  });
});

describe('gradients against central finite differences', () => {
  const rng = rngCreate(11);
  const cases = Array.from({ length: 40 }, (_, c) => {
    const k = 2 + (c % 9);
    return {
      z: Array.from({ length: k }, () => 16 * rng.next() - 8),
      T: [0.3, 0.7, 1, 2.5, 8][c % 5],
      c: rng.int(k),
      eps: [0, 0.1, 0.5][c % 3],
    };
  });

  it('the softmax Jacobian (diag(s) − s sᵀ)/T, and each row sums to 0', () => {
    for (const { z, T } of cases) {
      const k = z.length;
      const J = softmaxJacobian(softmax(z, T), T);
      for (let i = 0; i < k; i++) {
        const fd = finiteDiffGradient((zz) => softmax(zz, T)[i], z);
        let row = 0;
        for (let j = 0; j < k; j++) {
          expect(Math.abs(J[i * k + j] - fd[j]), `T=${T} J${i}${j}`).toBeLessThan(2e-8);
          row += J[i * k + j];
        }
        expect(Math.abs(row)).toBeLessThan(1e-15 * Math.max(1, 1 / T));
      }
    }
  });

  it('cross-entropy gradient (s − y)/T for hard and smoothed targets', () => {
    for (const { z, T, c, eps } of cases) {
      const y = targetSmoothed(z.length, c, eps);
      const g = crossEntropyGradient(z, y, T);
      const fd = finiteDiffGradient((zz) => crossEntropyLogits(zz, y, T), z);
      for (let j = 0; j < z.length; j++)
        expect(Math.abs(g[j] - fd[j]), `T=${T} ∂L/∂z${j}`).toBeLessThan(2e-7);
    }
  });

  it('for targets that do not sum to 1 the gradient is ((Σy)·s − y)/T', () => {
    const y = [0.5, 1.5, 0];
    const z = [0.3, -1.2, 2];
    const g = crossEntropyGradient(z, y, 1.5);
    const fd = finiteDiffGradient((zz) => crossEntropyLogits(zz, y, 1.5), z);
    for (let j = 0; j < 3; j++) expect(Math.abs(g[j] - fd[j])).toBeLessThan(1e-8);
  });
});

describe('cross-entropy from logits against mpmath', () => {
  it.each(CE_REFS.map((r) => [r.name, r] as const))('%s', (_, r) => {
    const loss = crossEntropyLogits(r.z, r.y, r.T);
    expect(close(loss, r.loss, 1e-14), `${loss} vs ${r.loss}`).toBe(true);
  });

  it('stays finite where −log(softmax) would be ∞', () => {
    const s = softmax([1000, -1000, 0]);
    expect(-Math.log(s[1])).toBe(Infinity);
    expect(crossEntropyLogits([1000, -1000, 0], [0, 1, 0])).toBe(2000);
  });

  it('smoothed target: (1 − ε)·one-hot + ε/k', () => {
    expect(Array.from(targetSmoothed(4, 2, 0.1))).toEqual([0.025, 0.025, 0.925, 0.025]);
    expect(Array.from(targetSmoothed(3, 0, 0))).toEqual([1, 0, 0]);
  });
});
