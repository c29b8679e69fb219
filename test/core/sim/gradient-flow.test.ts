import { describe, expect, it } from 'vitest';
import {
  GradientFlowSim,
  gradientChainProduct,
  gradientChainSigmoidBound,
  gradientFlowRun,
  type GradientFlowConfig,
  type GradientFlowMetrics,
} from '../../../core/sim/gradient-flow';
import { ACTIVATIONS } from '../../../core/ml/activations';
import { normL2 } from '../../../core/ml/clip';
import { finiteDiffScalar } from '../../../core/math/finite-diff';

// Every story below uses these settings and changes only what its name says.
const base: GradientFlowConfig = {
  depth: 20,
  width: 16,
  activation: 'sigmoid',
  init: 'xavier-uniform',
  batchNorm: false,
  residual: false,
  clipNorm: null,
  lr: 0.1,
  batchSize: 32,
  seed: 1,
  dataset: 'moons',
};

function runSteps(over: Partial<GradientFlowConfig>, steps: number): GradientFlowMetrics[] {
  return [...gradientFlowRun({ ...base, ...over }, steps)];
}

/** ‖∂L/∂W_first‖ / ‖∂L/∂W_last‖ (input-side layer over output layer). */
function ratio(m: GradientFlowMetrics): number {
  return m.gradNorms[0] / m.gradNorms[m.gradNorms.length - 1];
}

describe('gradient flow stories (depth 20, width 16, batch 32, moons, seed 1)', () => {
  it('deep sigmoid + Xavier: the first layer gets < 1e-4 of the last layer’s gradient', () => {
    // Each layer multiplies the backward signal by about σ′ ≈ 0.235 (W is norm-preserving under
    // Xavier when fan-in = fan-out), so 20 layers give ≈ 0.235²⁰ ≈ 3e-13. Seen: 8e-13 … 3e-12.
    for (const m of runSteps({}, 5)) expect(ratio(m)).toBeLessThan(1e-4);
  });

  it('ReLU + He normal: the ratio stays within [0.1, 10]', () => {
    // He's variance 2/n_in undoes, in expectation, ReLU zeroing half the signal.
    // Seen: 0.19 … 0.78 (seeds 2–5: 0.13 … 5.1).
    for (const m of runSteps({ activation: 'relu', init: 'he-normal' }, 5)) {
      expect(ratio(m)).toBeGreaterThan(0.1);
      expect(ratio(m)).toBeLessThan(10);
    }
  });

  it('batch norm lifts the deep-sigmoid ratio by ≥ 100×', () => {
    // BN's backward multiplies by γ/sd_batch(z); here sd_batch(z) ≈ 0.19 and σ′ ≈ 0.20 (measured),
    // so each layer passes ≈ 1.06× instead of ≈ 0.236×. Seen: 0.74 … 17 with BN, ~1e-12 without.
    const plain = runSteps({}, 5);
    const bn = runSteps({ batchNorm: true }, 5);
    for (let i = 0; i < 5; i++) {
      expect(ratio(bn[i])).toBeGreaterThan(100 * ratio(plain[i]));
      expect(ratio(bn[i])).toBeGreaterThan(1e-2);
    }
  });

  it('large init (±2) with ReLU explodes; without clipping the run diverges to NaN', () => {
    // Forward gain per layer √(n·Var W/2) = √(16·(4/3)/2) ≈ 3.27; the weight gradient of every
    // layer carries ≈ 3.27²⁰ ≈ 2e10 (forward growth × backward growth). Seen: 1.0e10 at step 1,
    // 2.2e153 at step 2, NaN from step 3.
    const he = runSteps({ activation: 'relu', init: 'he-normal' }, 1)[0];
    const large = runSteps({ activation: 'relu', init: 'large-uniform' }, 4);
    expect(he.gradNorm).toBeLessThan(10);
    expect(large[0].gradNorm).toBeGreaterThan(1e7);
    expect(large[0].gradNorm).toBeGreaterThan(1e6 * he.gradNorm);
    expect(large.some((m) => !Number.isFinite(m.loss) || !Number.isFinite(m.gradNorm))).toBe(true);
  });

  it('clipping bounds the global norm and keeps the exploding run finite', () => {
    const sim = new GradientFlowSim({
      ...base,
      activation: 'relu',
      init: 'large-uniform',
      clipNorm: 1,
    });
    for (let i = 0; i < 8; i++) {
      const m = sim.step();
      expect(m.gradNorm).toBeGreaterThan(1);
      expect(m.clipScale).toBeLessThan(1);
      // After step() the grads buffer holds the gradient that was applied, i.e. the clipped one.
      expect(normL2(sim.net.grads)).toBeLessThanOrEqual(1 + 1e-12);
      expect(Number.isFinite(m.loss)).toBe(true);
    }
  });
});

describe('gradient flow simulation', () => {
  it('yields per-layer norms and histograms of the right shape', () => {
    const [m] = runSteps({ depth: 4, width: 8, batchSize: 10, bins: 12 }, 1);
    expect(m.step).toBe(1);
    expect(m.gradNorms.length).toBe(5);
    expect(m.histograms.length).toBe(4 * 12);
    expect([m.histLo, m.histHi]).toEqual([0, 1]);
    for (let l = 0; l < 4; l++) {
      const counts = m.histograms.subarray(l * 12, (l + 1) * 12);
      expect(counts.reduce((s, c) => s + c, 0)).toBe(10 * 8);
    }
  });

  it('unbounded activations histogram over the data range', () => {
    const [m] = runSteps({ depth: 3, activation: 'gelu', init: 'he-normal' }, 1);
    expect(m.histLo).toBeLessThan(0);
    expect(m.histHi).toBeGreaterThan(0);
    expect(m.histograms.reduce((s, c) => s + c, 0)).toBe(3 * 32 * 16);
  });

  it('is deterministic for a seed and can be driven step by step', () => {
    const a = new GradientFlowSim({ ...base, depth: 5, dataset: 'spiral', batchNorm: true });
    const b = runSteps({ depth: 5, dataset: 'spiral', batchNorm: true }, 3);
    for (let i = 0; i < 3; i++) expect(a.step()).toEqual(b[i]);
    expect(a.stepCount).toBe(3);
  });

  it('trains a regression set with MSE and a shallow net learns', () => {
    const ms = runSteps(
      {
        depth: 2,
        width: 16,
        activation: 'tanh',
        dataset: 'regression-1d',
        lr: 0.05,
        momentum: 0.9,
      },
      400,
    );
    const early = ms.slice(0, 20).reduce((s, m) => s + m.loss, 0) / 20;
    const late = ms.slice(-20).reduce((s, m) => s + m.loss, 0) / 20;
    expect(late).toBeLessThan(0.5 * early);
  });

  it('rejects out-of-range settings', () => {
    expect(() => new GradientFlowSim({ ...base, depth: 1 })).toThrow(RangeError);
    expect(() => new GradientFlowSim({ ...base, depth: 51 })).toThrow(RangeError);
    expect(() => new GradientFlowSim({ ...base, width: 0 })).toThrow(RangeError);
    expect(() => new GradientFlowSim({ ...base, width: 129 })).toThrow(RangeError);
    expect(() => new GradientFlowSim({ ...base, batchSize: 0 })).toThrow(RangeError);
  });
});

describe('scalar chain of derivatives', () => {
  it('products are ∂h_n/∂h_0 (checked by finite differences)', () => {
    for (const id of ['sigmoid', 'tanh', 'gelu'] as const) {
      const f = ACTIVATIONS[id].f;
      const chain = gradientChainProduct(id, 6, 0.3, 1.5, -0.2);
      const hn = (x0: number): number => {
        let h = x0;
        for (let k = 0; k < 6; k++) h = f(1.5 * h - 0.2);
        return h;
      };
      expect(chain.products[5]).toBeCloseTo(finiteDiffScalar(hn, 0.3), 9);
      const direct = chain.derivatives.reduce((p, d) => p * 1.5 * d, 1);
      expect(Math.abs(chain.products[5] / direct - 1)).toBeLessThan(1e-14);
    }
  });

  it('a sigmoid chain never beats 4⁻ⁿ, reached only for n = 1 at 0', () => {
    expect(gradientChainProduct('sigmoid', 1, 0).products[0]).toBe(gradientChainSigmoidBound(1));
    for (const x0 of [-3, -0.5, 0, 0.5, 3]) {
      const { products } = gradientChainProduct('sigmoid', 30, x0);
      for (let n = 1; n <= 30; n++) {
        expect(products[n - 1]).toBeLessThanOrEqual(gradientChainSigmoidBound(n));
      }
    }
    expect(gradientChainSigmoidBound(10)).toBeCloseTo(4 ** -10, 20);
    expect(gradientChainSigmoidBound(3, 2)).toBe(1 / 8);
  });
});
