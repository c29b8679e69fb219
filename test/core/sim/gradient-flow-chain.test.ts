// The chain bound the Activations lab draws must hold for the activation it is drawn with:
// (|w|/4)ⁿ only for the sigmoid, |w|ⁿ where |f′| ≤ 1, and none where f′ exceeds 1.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type ActivationId } from '../../../core/ml/activations';
import { gradientChainProduct } from '../../../core/sim/gradient-flow';
import {
  gradientChainBound,
  gradientChainBoundValue,
  gradientChainSlopeMax,
} from '../../../core/sim/gradient-flow-chain';
import { rngCreate } from '../../../core/math/rng';

const ids = Object.keys(ACTIVATIONS) as ActivationId[];

/** Largest |f′| on [−50, 50] at step 10⁻³, plus the kinks and ±0. */
function supSlope(id: ActivationId): number {
  const df = ACTIVATIONS[id].df;
  let max = Math.max(Math.abs(df(0)), Math.abs(df(-0)), Math.abs(df(1e-12)));
  for (let i = 0; i <= 100_000; i++) max = Math.max(max, Math.abs(df(-50 + i * 1e-3)));
  return max;
}

describe('gradient chain bound per activation', () => {
  it('gives (|w|/4)ⁿ for the sigmoid and |w|ⁿ for tanh, ReLU and the others with f′ ≤ 1', () => {
    expect(gradientChainBound('sigmoid')).toMatchObject({ slope: 0.25, label: '(|w|/4)ⁿ' });
    for (const id of ['tanh', 'relu', 'leaky-relu', 'elu', 'softplus', 'linear'] as const)
      expect(gradientChainBound(id)).toMatchObject({ slope: 1, label: '|w|ⁿ' });
    for (const id of ['gelu', 'gelu-tanh', 'swish', 'mish'] as const) {
      expect(gradientChainBound(id).slope).toBeNull();
      expect(gradientChainBoundValue(id, 5, 1)).toBeNull();
    }
  });

  it('each slope c is the supremum of |f′|: never exceeded, and approached', () => {
    for (const id of ids) {
      const { slope } = gradientChainBound(id);
      const sup = supSlope(id);
      if (slope === null) {
        expect(sup, id).toBeGreaterThan(1.05);
        expect(gradientChainSlopeMax(id).max).toBeCloseTo(sup, 4);
      } else {
        // Up to rounding in f′ itself (σ′(0) evaluates to ¼ + 6·10⁻¹⁷).
        expect(sup, id).toBeLessThanOrEqual(slope * (1 + 1e-12));
        expect(sup, id).toBeGreaterThan(slope - 1e-6);
      }
    }
  });

  it('holds on random chains for every activation that has one', () => {
    const rng = rngCreate(11);
    for (const id of ids) {
      if (gradientChainBound(id).slope === null) continue;
      for (let trial = 0; trial < 200; trial++) {
        const x0 = -5 + 10 * rng.next();
        const w = -4 + 8 * rng.next();
        const { products } = gradientChainProduct(id, 30, x0, w);
        for (let n = 1; n <= 30; n++) {
          const bound = gradientChainBoundValue(id, n, w)!;
          expect(Math.abs(products[n - 1])).toBeLessThanOrEqual(bound * (1 + 1e-12));
        }
      }
    }
  });

  it('is reached where the text says: tanh from h₀ = 0, ReLU while every zₖ > 0', () => {
    const tanh = gradientChainProduct('tanh', 12, 0, 1.3).products;
    expect(Math.abs(tanh[11])).toBeCloseTo(gradientChainBoundValue('tanh', 12, 1.3)!, 12);
    const relu = gradientChainProduct('relu', 12, 0.5, 1.5).products;
    relu.forEach((p, k) => expect(p).toBeCloseTo(1.5 ** (k + 1), 9));
    // A negative weight makes z₁ < 0 from a positive input: ReLU′ = 0 and the product is 0.
    const dead = Array.from(gradientChainProduct('relu', 5, 0.5, -1.5).products, Math.abs);
    expect(dead).toEqual([0, 0, 0, 0, 0]);
  });

  it('the sigmoid bound does not hold for ReLU or tanh (why it is no longer drawn for them)', () => {
    const sigmoidBound = (n: number, w: number) => (Math.abs(w) / 4) ** n;
    expect(Math.abs(gradientChainProduct('relu', 10, 0.5, 1).products[9])).toBeGreaterThan(
      sigmoidBound(10, 1),
    );
    expect(Math.abs(gradientChainProduct('tanh', 10, 0, 1).products[9])).toBeGreaterThan(
      sigmoidBound(10, 1),
    );
  });

  it('where f′ exceeds 1, one link at its peak beats |w| (no |w|ⁿ bound)', () => {
    for (const id of ['gelu', 'gelu-tanh', 'swish', 'mish'] as const) {
      const { at, max } = gradientChainSlopeMax(id);
      const p = gradientChainProduct(id, 1, at, 1).products[0];
      expect(p).toBeCloseTo(max, 12);
      expect(p).toBeGreaterThan(1);
      expect(gradientChainBound(id).reason).toContain(max.toFixed(3));
    }
  });
});
