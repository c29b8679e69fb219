import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS,
  optimizerAdagradCreate,
  optimizerAdagradStep,
  optimizerAdamCreate,
  optimizerAdamStep,
  optimizerAdamVelocity,
  optimizerAdamwCreate,
  optimizerById,
  optimizerGdCreate,
  optimizerGdStep,
  optimizerMomentumCreate,
  optimizerMomentumStep,
  optimizerNesterovStep,
  optimizerRmspropCreate,
  optimizerRmspropStep,
  type Objective,
} from '../../../core/ml/optimizers';

const vec = (...v: number[]) => Float64Array.from(v);
/** An objective for optimizers that never look at it. */
const unused: Objective = {
  dimension: 2,
  value: () => {
    throw new Error('not used');
  },
  gradient: () => {
    throw new Error('not used');
  },
};

function expectVec(actual: ArrayLike<number>, expected: number[], digits = 14): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(actual[i]).toBeCloseTo(expected[i], digits);
}

describe('optimizer registry', () => {
  it('lists all ten optimizers with unique kebab-case ids and sane param specs', () => {
    const ids = OPTIMIZERS.map((o) => o.descriptor.id);
    expect(ids).toEqual([
      'gd',
      'sgd',
      'momentum',
      'nesterov',
      'adagrad',
      'rmsprop',
      'adam',
      'adamw',
      'newton',
      'lbfgs',
    ]);
    for (const o of OPTIMIZERS) {
      expect(optimizerById(o.descriptor.id)).toBe(o);
      expect(o.descriptor.tex.length).toBeGreaterThan(0);
      for (const p of o.descriptor.params) {
        expect(p.min).toBeLessThanOrEqual(p.default);
        expect(p.default).toBeLessThanOrEqual(p.max);
        if (p.logScale) expect(p.min).toBeGreaterThan(0);
        if (p.integer) expect(Number.isInteger(p.default)).toBe(true);
      }
      const instance = o.create(2);
      expect(Object.keys(instance.params).sort()).toEqual(
        o.descriptor.params.map((p) => p.id).sort(),
      );
    }
    expect(optimizerById('nope')).toBeUndefined();
  });

  it('resolves params: defaults fill gaps, values are clamped', () => {
    const adam = optimizerById('adam')!.create(2, { lr: 1e9, beta1: 0.5 });
    expect(adam.params).toMatchObject({ lr: 10, beta1: 0.5, beta2: 0.999, eps: 1e-8 });
  });
});

describe('first-order single steps (hand-computed)', () => {
  it('GD: θ ← θ − ηg', () => {
    const s = optimizerGdCreate(2, { lr: 0.1 });
    const theta = vec(1, -2);
    optimizerGdStep(s, theta, [0.5, 4]);
    expectVec(theta, [0.95, -2.4]);
    expect(s.t).toBe(1);
  });

  it('SGD uses the same update on whatever gradient it is given', () => {
    const sgd = optimizerById('sgd')!.create(2, { lr: 0.1 });
    const theta = vec(1, -2);
    sgd.step(theta, vec(0.5, 4), unused);
    expectVec(theta, [0.95, -2.4]);
    expect(sgd.descriptor.stochastic).toBe(true);
  });

  it('momentum (PyTorch): v ← μv + g, θ ← θ − ηv over two steps', () => {
    const s = optimizerMomentumCreate(2, { lr: 0.1, momentum: 0.9 });
    const theta = vec(0, 0);
    optimizerMomentumStep(s, theta, [1, 2]);
    // v₁ = (1, 2); θ₁ = −0.1·(1, 2).
    expectVec(theta, [-0.1, -0.2]);
    optimizerMomentumStep(s, theta, [-1, 0.5]);
    // v₂ = 0.9·(1, 2) + (−1, 0.5) = (−0.1, 2.3); θ₂ = θ₁ − 0.1·v₂.
    expectVec(s.velocity, [-0.1, 2.3]);
    expectVec(theta, [-0.1 + 0.01, -0.2 - 0.23]);
  });

  it('Nesterov (PyTorch): θ ← θ − η(g + μv) with the updated v', () => {
    const s = optimizerMomentumCreate(2, { lr: 0.1, momentum: 0.9 });
    const theta = vec(0, 0);
    optimizerNesterovStep(s, theta, [1, 2]);
    // v₁ = g; step uses g + 0.9·g = 1.9g.
    expectVec(theta, [-0.19, -0.38]);
    optimizerNesterovStep(s, theta, [-1, 0.5]);
    // v₂ = (−0.1, 2.3); g + 0.9v₂ = (−1.09, 2.57).
    expectVec(theta, [-0.19 + 0.109, -0.38 - 0.257]);
  });
});

describe('adaptive single steps (hand-computed)', () => {
  it('AdaGrad: first step ≈ η·sign(g), then η g / √(Σg²)', () => {
    const s = optimizerAdagradCreate(2, { lr: 0.5, eps: 1e-10 });
    const theta = vec(0, 0);
    optimizerAdagradStep(s, theta, [3, -4]);
    expectVec(theta, [-0.5, 0.5], 9);
    optimizerAdagradStep(s, theta, [1, 2]);
    // Σg² = (9 + 1, 16 + 4) = (10, 20).
    expectVec(theta, [-0.5 - 0.5 / Math.sqrt(10), 0.5 - 0.5 * (2 / Math.sqrt(20))], 9);
  });

  it('RMSProp: no bias correction, so the first step is η/√(1 − α) per coordinate', () => {
    const s = optimizerRmspropCreate(2, { lr: 0.01, alpha: 0.99, eps: 1e-8 });
    const theta = vec(0, 0);
    optimizerRmspropStep(s, theta, [2, -0.5]);
    // v = 0.01 g² → √v = 0.1|g| → step 0.01·g / (0.1|g|) = 0.1·sign(g).
    expectVec(theta, [-0.1, 0.1], 7);
    optimizerRmspropStep(s, theta, [1, 1]);
    // v = 0.99·0.01·(4, 0.25) + 0.01·(1, 1) = (0.0496, 0.012475).
    expectVec(theta, [-0.1 - 0.01 / Math.sqrt(0.0496), 0.1 - 0.01 / Math.sqrt(0.012475)], 7);
  });

  it('Adam: first step moves each coordinate by ≈ η·sign(g), whatever |g|', () => {
    const s = optimizerAdamCreate(3, { lr: 0.05 });
    const theta = vec(1, 1, 1);
    optimizerAdamStep(s, theta, [1e-3, -250, 7]);
    expectVec(theta, [0.95, 1.05, 0.95], 6);
    // The recorded velocity is the bias-corrected first moment m̂ = g after one step.
    expectVec(optimizerAdamVelocity(s, new Float64Array(3)), [1e-3, -250, 7], 12);
  });

  it('Adam: a constant gradient keeps moving exactly η per step (bias correction)', () => {
    // ε is clamped to its minimum 1e-12, negligible next to |g| = 3.
    const s = optimizerAdamCreate(1, { lr: 0.1, eps: 0 });
    const theta = vec(0);
    for (let k = 1; k <= 25; k++) {
      optimizerAdamStep(s, theta, [3]);
      expect(theta[0]).toBeCloseTo(-0.1 * k, 10);
    }
  });

  it('Adam: second step from the moment formulas', () => {
    const [b1, b2, lr] = [0.9, 0.999, 0.05];
    const s = optimizerAdamCreate(1, { lr, beta1: b1, beta2: b2, eps: 0 });
    const theta = vec(0);
    optimizerAdamStep(s, theta, [2]);
    optimizerAdamStep(s, theta, [-1]);
    const m = b1 * (1 - b1) * 2 + (1 - b1) * -1; // 0.08
    const v = b2 * (1 - b2) * 4 + (1 - b2) * 1;
    const step2 = (lr * (m / (1 - b1 ** 2))) / Math.sqrt(v / (1 - b2 ** 2));
    expect(m).toBeCloseTo(0.08, 15);
    expect(theta[0]).toBeCloseTo(-lr - step2, 12);
  });

  it('Adam couples weight decay into g; AdamW decays θ ← θ − ηλθ outside the moments', () => {
    // With g = 0: Adam sees g′ = λθ and moves a full η; AdamW only shrinks θ by (1 − ηλ).
    const adam = optimizerAdamCreate(1, { lr: 0.05, weightDecay: 0.1 });
    const adamw = optimizerAdamwCreate(1, { lr: 0.05, weightDecay: 0.1 });
    const a = vec(2);
    const w = vec(2);
    optimizerAdamStep(adam, a, [0]);
    optimizerAdamStep(adamw, w, [0]);
    expect(a[0]).toBeCloseTo(1.95, 6);
    expect(w[0]).toBeCloseTo(2 * (1 - 0.05 * 0.1), 15);
    expect(adamw.params.weightDecay).toBe(0.1);
    expect(optimizerAdamwCreate(1).params.weightDecay).toBe(0.01);
    expect(optimizerAdamCreate(1).params.weightDecay).toBe(0);
  });

  it('AdamW with λ = 0 is exactly Adam', () => {
    const adam = optimizerById('adam')!.create(2, { lr: 0.2 });
    const adamw = optimizerById('adamw')!.create(2, { lr: 0.2, weightDecay: 0 });
    const a = vec(1, -1);
    const w = vec(1, -1);
    for (const g of [
      [1, 2],
      [-0.3, 0.1],
      [5, 5],
    ]) {
      adam.step(a, vec(...g), unused);
      adamw.step(w, vec(...g), unused);
    }
    expect(Array.from(w)).toEqual(Array.from(a));
  });
});
