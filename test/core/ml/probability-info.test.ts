// Entropy, cross-entropy and KL against mpmath values and closed forms.
import { describe, expect, it } from 'vitest';
import {
  crossEntropy,
  distributionNormalize,
  entropy,
  klDivergence,
  klTerms,
} from '../../../core/ml/probability-info';
import { INFO_REFS } from './probability-refs';

describe('entropy, cross-entropy and KL', () => {
  it.each(INFO_REFS.map((r, i) => [i, r] as const))('case %d against mpmath', (_, r) => {
    expect(entropy(r.p)).toBeCloseTo(r.h, 14);
    expect(crossEntropy(r.p, r.q)).toBeCloseTo(r.hpq, 14);
    expect(klDivergence(r.p, r.q)).toBeCloseTo(r.kl, 14);
    expect(klDivergence(r.q, r.p)).toBeCloseTo(r.klReverse, 14);
    // H(p, q) = H(p) + KL(p‖q), and each KL term adds up to the whole.
    expect(crossEntropy(r.p, r.q)).toBeCloseTo(entropy(r.p) + klDivergence(r.p, r.q), 14);
    expect(klTerms(r.p, r.q).reduce((a, b) => a + b, 0)).toBeCloseTo(r.kl, 14);
  });

  it('closed forms: uniform entropy is log k, a point mass has 0, Bernoulli KL', () => {
    for (let k = 1; k <= 10; k++)
      expect(entropy(new Array(k).fill(1 / k))).toBeCloseTo(Math.log(k), 14);
    expect(entropy([0, 1, 0])).toBe(0);
    const [a, b] = [0.3, 0.8];
    const bern = a * Math.log(a / b) + (1 - a) * Math.log((1 - a) / (1 - b));
    expect(klDivergence([a, 1 - a], [b, 1 - b])).toBeCloseTo(bern, 15);
  });

  it('KL(p‖p) = 0; q = 0 where p > 0 makes KL(p‖q) and H(p, q) infinite, not the reverse', () => {
    expect(klDivergence([0.2, 0.8], [0.2, 0.8])).toBe(0);
    const p = [0.5, 0.5];
    const q = [1, 0];
    expect(klDivergence(p, q)).toBe(Infinity);
    expect(crossEntropy(p, q)).toBe(Infinity);
    expect(klDivergence(q, p)).toBeCloseTo(Math.log(2), 15);
    expect(Array.from(klTerms(q, p))).toEqual([Math.log(2), 0]);
  });

  it('normalizes weights; refuses negative, non-finite or all-zero weights', () => {
    expect(Array.from(distributionNormalize([1, 3])!)).toEqual([0.25, 0.75]);
    expect(distributionNormalize([0, 0])).toBeNull();
    expect(distributionNormalize([1, -1, 2])).toBeNull();
    expect(distributionNormalize([1, Infinity])).toBeNull();
  });
});
