import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS,
  TRAJECTORY_DIVERGENCE_BOX,
  gradientMinibatchCreate,
  gradientNoisyCreate,
  objectiveFromSurface,
  optimizerById,
  quadraticModelValue,
  trajectoryModelAt,
  trajectoryRun,
  type Objective,
} from '../../../core/ml/optimizers';
import { surfaceById } from '../../../core/ml/surfaces';

const gd = optimizerById('gd')!;
const momentum = optimizerById('momentum')!;
const sgd = optimizerById('sgd')!;

/** First index k with losses[k] < tol, or −1. */
function stepsToReach(losses: Float64Array, tol: number): number {
  return losses.findIndex((l) => l < tol);
}

describe('trajectoryRun: recording', () => {
  it('records positions, losses and exact gradients consistently', () => {
    const s = surfaceById('himmelblau')!;
    const tr = trajectoryRun(s, gd, { lr: 0.01 }, [s.start.x, s.start.y], 50);
    expect(tr.count).toBe(51);
    expect(tr.positions.length).toBe(102);
    expect(tr.positions[0]).toBe(s.start.x);
    for (let k = 0; k < tr.count; k++) {
      const [x, y] = [tr.positions[2 * k], tr.positions[2 * k + 1]];
      expect(tr.losses[k]).toBe(s.value(x, y));
      const g = s.gradient(x, y, [0, 0]);
      expect([tr.gradients[2 * k], tr.gradients[2 * k + 1]]).toEqual(g);
      if (k > 0) {
        // GD: θₖ = θₖ₋₁ − η∇f(θₖ₋₁).
        expect(x).toBeCloseTo(tr.positions[2 * k - 2] - 0.01 * tr.gradients[2 * k - 2], 14);
      }
    }
    expect(tr.velocities).toBeNull();
    expect(tr.modelHessians).toBeNull();
    expect(tr.stepGradients).toBeNull();
  });

  it('momentum velocity glyph: θₖ = θₖ₋₁ − η vₖ, and v₀ = 0', () => {
    const s = surfaceById('ellipse')!;
    const tr = trajectoryRun(s, momentum, { lr: 0.02, momentum: 0.8 }, [2, 1], 40);
    const v = tr.velocities!;
    expect([v[0], v[1]]).toEqual([0, 0]);
    for (let k = 1; k < tr.count; k++) {
      for (let i = 0; i < 2; i++) {
        expect(tr.positions[2 * k + i]).toBeCloseTo(
          tr.positions[2 * k - 2 + i] - 0.02 * v[2 * k + i],
          14,
        );
      }
    }
  });

  it('Adam velocity is the bias-corrected first moment: m̂ after step 1 equals g₀', () => {
    const s = surfaceById('rosenbrock')!;
    const tr = trajectoryRun(s, optimizerById('adam')!, {}, [s.start.x, s.start.y], 3);
    expect(tr.velocities![2]).toBeCloseTo(tr.gradients[0], 12);
    expect(tr.velocities![3]).toBeCloseTo(tr.gradients[1], 12);
  });

  it("Newton and L-BFGS record quadratic models; Newton's is exact on a quadratic", () => {
    const s = surfaceById('ellipse', { kappa: 30, angle: 40 })!;
    const tr = trajectoryRun(s, optimizerById('newton')!, { lr: 0.5 }, [2, -1], 3);
    const model = trajectoryModelAt(tr, 1)!;
    for (const p of [
      [0, 0],
      [1.5, 2],
      [-3, 0.25],
    ]) {
      expect(quadraticModelValue(model, p)).toBeCloseTo(s.value(p[0], p[1]), 10);
    }
    const lb = trajectoryRun(
      surfaceById('rosenbrock')!,
      optimizerById('lbfgs')!,
      {},
      [-1.2, 1],
      20,
    );
    expect(lb.modelHessians!.length).toBe(lb.count * 4);
    const m = trajectoryModelAt(lb, 10)!;
    expect(m.value).toBe(lb.losses[10]);
    expect(quadraticModelValue(m, m.center)).toBe(m.value);
    expect(trajectoryModelAt(tr, 99)).toBeNull();
    expect(trajectoryModelAt(trajectoryRun(s, gd, {}, [1, 1], 2), 0)).toBeNull();
  });

  it('stops early once ‖∇f‖∞ ≤ gradientTolerance', () => {
    const s = surfaceById('bowl')!;
    const tr = trajectoryRun(s, gd, { lr: 0.25 }, [1, 1], 1000, { gradientTolerance: 1e-6 });
    expect(tr.converged).toBe(true);
    // Bowl with η = 0.25: θₖ = 0.5ᵏ θ₀, ∇f = 2θ, so the first k with 2·0.5ᵏ ≤ 1e-6.
    const expected = Math.ceil(Math.log2(2 / 1e-6));
    expect(tr.count - 1).toBe(expected);
  });

  // Speed belongs to `npm run bench` (ratios against a peer), not to a timed unit test.
  it('records all 10,000 steps of every optimizer on Rosenbrock', () => {
    const s = surfaceById('rosenbrock')!;
    for (const o of OPTIMIZERS) {
      const tr = trajectoryRun(s, o, { lr: 1e-4 }, [s.start.x, s.start.y], 10_000);
      expect(tr.diverged, o.descriptor.id).toBe(false);
      expect(tr.count).toBe(10_001);
    }
  });
});

describe('trajectoryRun: convergence and divergence', () => {
  it('momentum beats GD on an ill-conditioned ellipse at the same η', () => {
    const s = surfaceById('ellipse', { kappa: 50 })!;
    const lr = 0.02;
    const plain = trajectoryRun(s, gd, { lr }, [2.5, 1], 5000);
    const heavy = trajectoryRun(s, momentum, { lr, momentum: 0.9 }, [2.5, 1], 5000);
    const nGd = stepsToReach(plain.losses, 1e-10);
    const nMomentum = stepsToReach(heavy.losses, 1e-10);
    expect(nGd).toBeGreaterThan(0);
    expect(nMomentum).toBeGreaterThan(0);
    // GD's slow mode contracts by (1 − η) = 0.98 per step; momentum's by ≈ √μ ≈ 0.95.
    expect(nMomentum).toBeLessThan(nGd / 2);
  });

  it('GD with η > 2/λ_max on a quadratic diverges and is reported at the right step', () => {
    const kappa = 10;
    const lr = 0.25; // 2/λ_max = 0.2
    const s = surfaceById('ellipse', { kappa })!;
    const start = [1, 0.5];
    const tr = trajectoryRun(s, gd, { lr }, start, 500);
    // Closed form: xₖ = (1 − η)ᵏ x₀, yₖ = (1 − ηκ)ᵏ y₀ = (−1.5)ᵏ y₀; the first k with |yₖ| > box.
    let expected = 0;
    while (Math.abs((1 - lr * kappa) ** expected * start[1]) <= TRAJECTORY_DIVERGENCE_BOX)
      expected++;
    expect(tr.diverged).toBe(true);
    expect(tr.divergedAtStep).toBe(expected);
    expect(tr.count).toBe(expected);
    for (let k = 0; k < tr.count; k++) {
      expect(tr.positions[2 * k]).toBeCloseTo((1 - lr) ** k * start[0], 12);
      const y = (1 - lr * kappa) ** k * start[1];
      expect(Math.abs(tr.positions[2 * k + 1] - y)).toBeLessThanOrEqual(1e-12 * Math.abs(y));
      expect(Number.isFinite(tr.losses[k])).toBe(true);
    }
  });

  it('with η just below 2/λ_max the same run converges', () => {
    const s = surfaceById('ellipse', { kappa: 10 })!;
    const tr = trajectoryRun(s, gd, { lr: 0.19 }, [1, 0.5], 500);
    expect(tr.diverged).toBe(false);
    expect(tr.losses[tr.count - 1]).toBeLessThan(1e-20);
  });

  it('stops at the first NaN without storing it', () => {
    // f(θ) = θ², but undefined (NaN) for θ < 0; GD with η = 0.75 gives θ₁ = −0.5.
    const halfLine: Objective = {
      dimension: 1,
      value: (t) => (t[0] < 0 ? NaN : t[0] * t[0]),
      gradient: (t, out) => out.fill(2 * t[0]),
    };
    const tr = trajectoryRun(halfLine, gd, { lr: 0.75 }, [1], 10);
    expect(tr).toMatchObject({ diverged: true, divergedAtStep: 1, count: 1 });
    expect(Array.from(tr.positions)).toEqual([1]);
    expect(Array.from(tr.losses)).toEqual([1]);
  });

  it('treats an infinite gradient as divergence and honours a custom box', () => {
    const wall: Objective = {
      dimension: 1,
      value: (t) => t[0],
      gradient: (t, out) => out.fill(t[0] > 2 ? Infinity : -1),
    };
    // θₖ = k: θ₃ = 3 has ∇f = ∞.
    expect(trajectoryRun(wall, gd, { lr: 1 }, [0], 10).divergedAtStep).toBe(3);
    // With box 1.5, θ₂ = 2 is already outside.
    expect(trajectoryRun(wall, gd, { lr: 1 }, [0], 10, { box: 1.5 }).divergedAtStep).toBe(2);
    // An invalid start is reported as step 0 with nothing stored.
    const bad = trajectoryRun(wall, gd, {}, [NaN], 10);
    expect(bad).toMatchObject({ diverged: true, divergedAtStep: 0, count: 0 });
  });
});

describe('stochastic gradients', () => {
  it('noisy gradient is unbiased with per-coordinate std σ', () => {
    const f = objectiveFromSurface(surfaceById('bowl')!);
    const source = gradientNoisyCreate(f, 0.7, 3);
    const theta = Float64Array.of(1, -2);
    const out = new Float64Array(2);
    const n = 20000;
    const sum = [0, 0];
    const sq = [0, 0];
    for (let k = 0; k < n; k++) {
      source(theta, k, out);
      for (let i = 0; i < 2; i++) {
        const e = out[i] - 2 * theta[i];
        sum[i] += e;
        sq[i] += e * e;
      }
    }
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(sum[i] / n)).toBeLessThan((4 * 0.7) / Math.sqrt(n));
      expect(Math.sqrt(sq[i] / n)).toBeCloseTo(0.7, 1);
    }
  });

  it('minibatches are epochs without replacement', () => {
    const seen: number[] = [];
    const recorder: Objective = {
      dimension: 1,
      value: () => 0,
      gradient: (_t, out) => out.fill(0),
      sampleCount: 10,
      minibatchGradient: (_t, indices, out) => {
        seen.push(...Array.from(indices));
        return out.fill(indices.length);
      },
    };
    const source = gradientMinibatchCreate(recorder, 3, 9);
    const out = new Float64Array(1);
    for (let k = 0; k < 6; k++) expect(source(Float64Array.of(0), k, out)[0]).toBe(3);
    // Two epochs of 3 batches of 3 (the 10th index of each epoch is dropped).
    for (const epoch of [seen.slice(0, 9), seen.slice(9, 18)]) {
      expect(new Set(epoch).size).toBe(9);
      for (const i of epoch) expect(i >= 0 && i < 10).toBe(true);
    }
    expect(() =>
      gradientMinibatchCreate(objectiveFromSurface(surfaceById('bowl')!), 3, 1),
    ).toThrow();
  });

  it('SGD trajectories are deterministic given the seed (noise and minibatch)', () => {
    for (const id of ['bowl', 'linear-regression']) {
      const s = surfaceById(id)!;
      const start = [s.start.x, s.start.y];
      const a = trajectoryRun(s, sgd, { lr: 0.05 }, start, 300, { seed: 5 });
      const b = trajectoryRun(s, sgd, { lr: 0.05 }, start, 300, { seed: 5 });
      const c = trajectoryRun(s, sgd, { lr: 0.05 }, start, 300, { seed: 6 });
      expect(a.positions).toEqual(b.positions);
      expect(a.stepGradients).toEqual(b.stepGradients);
      expect(a.positions).not.toEqual(c.positions);
      // The step really used the stochastic gradient: θₖ = θₖ₋₁ − η ĝₖ₋₁.
      for (let k = 1; k < a.count; k++) {
        expect(a.positions[2 * k]).toBeCloseTo(
          a.positions[2 * k - 2] - 0.05 * a.stepGradients![2 * k - 2],
          13,
        );
      }
    }
  });

  it('SGD with noise settles near the minimum of the bowl but not on it', () => {
    const s = surfaceById('bowl')!;
    const tr = trajectoryRun(s, sgd, { lr: 0.05, noise: 1 }, [2, 2], 2000, { seed: 1 });
    const tail = tr.losses.slice(1000);
    const meanLoss = tail.reduce((a, b) => a + b, 0) / tail.length;
    // Stationary variance of θ ← (1 − 2η)θ − ηε per coordinate: η²σ²/(1 − (1 − 2η)²) = 0.0263…;
    // E[f] = 2·that ≈ 0.0526.
    const expected = (2 * 0.05 ** 2) / (1 - 0.9 ** 2);
    expect(meanLoss).toBeGreaterThan(expected * 0.7);
    expect(meanLoss).toBeLessThan(expected * 1.3);
  });

  it('minibatch SGD on linear regression approaches the least-squares optimum', () => {
    const s = surfaceById('linear-regression')!;
    const tr = trajectoryRun(s, sgd, { lr: 0.02, batchSize: 16 }, [s.start.x, s.start.y], 3000, {
      seed: 2,
    });
    const k = tr.count - 1;
    const [w, b] = [tr.positions[2 * k], tr.positions[2 * k + 1]];
    expect(Math.hypot(w - s.minima[0].x, b - s.minima[0].y)).toBeLessThan(0.15);
  });
});
