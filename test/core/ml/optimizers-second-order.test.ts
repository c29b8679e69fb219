import { describe, expect, it } from 'vitest';
import { denseMatVec } from '../../../core/math/linalg-dense';
import { rngCreate } from '../../../core/math/rng';
import {
  objectiveFromSurface,
  optimizerLbfgs,
  optimizerLbfgsAbsorb,
  optimizerLbfgsCreate,
  optimizerLbfgsDirection,
  optimizerLbfgsModel,
  optimizerLbfgsStep,
  optimizerNewton,
  optimizerNewtonCreate,
  optimizerNewtonStep,
  trajectoryRun,
  type Objective,
} from '../../../core/ml/optimizers';
import { surfaceById } from '../../../core/ml/surfaces';

const vec = (...v: number[]) => Float64Array.from(v);

/** f(θ) = ½θᵀAθ − bᵀθ in n dimensions with a random SPD A; minimizer solves Aθ = b. */
function quadratic(
  n: number,
  seed: number,
): { objective: Objective; a: Float64Array; b: Float64Array } {
  const rng = rngCreate(seed);
  const m = Float64Array.from({ length: n * n }, () => rng.normal());
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? 0.5 : 0;
      for (let k = 0; k < n; k++) s += m[i * n + k] * m[j * n + k];
      a[i * n + j] = s;
    }
  }
  const b = Float64Array.from({ length: n }, () => rng.normal());
  const objective: Objective = {
    dimension: n,
    value: (t) => {
      const at = denseMatVec(a, n, t, new Float64Array(n));
      let f = 0;
      for (let i = 0; i < n; i++) f += 0.5 * t[i] * at[i] - b[i] * t[i];
      return f;
    },
    gradient: (t, out) => {
      denseMatVec(a, n, t, out);
      for (let i = 0; i < n; i++) out[i] -= b[i];
      return out;
    },
    hessian: (_t, out) => {
      out.set(a);
      return out;
    },
  };
  return { objective, a, b };
}

describe("Newton's method", () => {
  it('lands on the minimizer of a convex quadratic in one step (n = 5)', () => {
    const { objective, a, b } = quadratic(5, 3);
    const tr = trajectoryRun(objective, optimizerNewton, {}, [3, -1, 2, 0.5, -4], 1);
    const theta = tr.positions.subarray(5, 10);
    // Residual of the normal equations Aθ = b at the new iterate.
    const at = denseMatVec(a, 5, theta, new Float64Array(5));
    for (let i = 0; i < 5; i++) expect(at[i]).toBeCloseTo(b[i], 11);
  });

  it('one step on Booth and on a rotated ellipse reaches the listed minimum', () => {
    for (const s of [surfaceById('booth')!, surfaceById('ellipse', { kappa: 400, angle: 20 })!]) {
      const tr = trajectoryRun(s, optimizerNewton, {}, [s.start.x, s.start.y], 1);
      expect(tr.count).toBe(2);
      expect(tr.positions[2]).toBeCloseTo(s.minima[0].x, 10);
      expect(tr.positions[3]).toBeCloseTo(s.minima[0].y, 10);
    }
  });

  it('damping: (H + δI)⁻¹g on the bowl (H = 2I) with δ = 2 halves θ', () => {
    const bowl = objectiveFromSurface(surfaceById('bowl')!);
    const state = optimizerNewtonCreate(2, { damping: 2 });
    const theta = vec(4, -6);
    optimizerNewtonStep(state, theta, bowl.gradient(theta, new Float64Array(2)), bowl);
    // g = 2θ, (2 + 2)⁻¹·2θ = θ/2.
    expect(Array.from(theta)).toEqual([2, -3]);
  });

  it('step scale η < 1 takes a fraction of the Newton step', () => {
    const bowl = objectiveFromSurface(surfaceById('bowl')!);
    const state = optimizerNewtonCreate(2, { lr: 0.25 });
    const theta = vec(4, -8);
    optimizerNewtonStep(state, theta, bowl.gradient(theta, new Float64Array(2)), bowl);
    expect(Array.from(theta)).toEqual([3, -6]);
  });

  it('raw Newton (safeguard 0) jumps onto the saddle of x² − y²', () => {
    const saddle = objectiveFromSurface(surfaceById('saddle')!);
    const state = optimizerNewtonCreate(2, { safeguard: 0 });
    const theta = vec(1, 0.5);
    optimizerNewtonStep(state, theta, saddle.gradient(theta, new Float64Array(2)), saddle);
    expect(Array.from(theta)).toEqual([0, 0]);
    expect(state.fallback).toBe('none');
  });

  it('safeguarded Newton shifts an indefinite Hessian into a descent direction', () => {
    const saddle = objectiveFromSurface(surfaceById('saddle')!);
    const state = optimizerNewtonCreate(2);
    const theta = vec(1, 0.5);
    const g = saddle.gradient(theta, new Float64Array(2));
    const before = saddle.value(theta);
    optimizerNewtonStep(state, theta, g, saddle);
    expect(state.fallback).toBe('shift');
    // H = diag(2, −2): the shift must exceed |λ_min| = 2 for H + τI to be positive definite.
    expect(state.shift).toBeGreaterThan(2);
    expect(state.model[0]).toBeGreaterThan(0);
    expect(state.model[3]).toBeGreaterThan(0);
    // B p = g for the direction actually taken, p = θ₀ − θ₁.
    const p = vec(1 - theta[0], 0.5 - theta[1]);
    const bp = denseMatVec(state.model, 2, p, new Float64Array(2));
    expect(bp[0]).toBeCloseTo(g[0], 10);
    expect(bp[1]).toBeCloseTo(g[1], 10);
    // It moves away from the saddle along y and lowers f.
    expect(theta[1]).toBeGreaterThan(0.5);
    expect(saddle.value(theta)).toBeLessThan(before);
  });

  it('falls back to a gradient step when H is singular in raw mode', () => {
    const linear: Objective = {
      dimension: 2,
      value: (t) => t[0] + 2 * t[1],
      gradient: (_t, out) => out.set([1, 2]) ?? out,
      hessian: (_t, out) => out.fill(0),
    };
    const state = optimizerNewtonCreate(2, { safeguard: 0, lr: 0.5 });
    const theta = vec(0, 0);
    optimizerNewtonStep(state, theta, vec(1, 2), linear);
    expect(state.fallback).toBe('gradient');
    expect(Array.from(theta)).toEqual([-0.5, -1]);
  });

  it('throws a clear error on an objective without a Hessian', () => {
    const noHessian: Objective = {
      dimension: 1,
      value: (t) => t[0] ** 2,
      gradient: (t, o) => o.fill(2 * t[0]),
    };
    expect(() => trajectoryRun(noHessian, optimizerNewton, {}, [1], 1)).toThrow(/Hessian/);
  });

  it('records its model B = ∇²f at each iterate (convex region)', () => {
    const s = surfaceById('rosenbrock')!;
    const tr = trajectoryRun(s, optimizerNewton, {}, [s.start.x, s.start.y], 6);
    expect(tr.modelHessians).not.toBeNull();
    const h = [0, 0, 0];
    for (let k = 0; k < tr.count; k++) {
      s.hessian(tr.positions[2 * k], tr.positions[2 * k + 1], h);
      if (h[0] <= 0 || h[0] * h[2] - h[1] * h[1] <= 0) continue;
      expect(Array.from(tr.modelHessians!.subarray(4 * k, 4 * k + 4))).toEqual([
        h[0],
        h[1],
        h[1],
        h[2],
      ]);
    }
  });
});

describe('L-BFGS', () => {
  it('first step: steepest descent scaled to α₀ = min(1, 1/‖g‖), accepted by Armijo', () => {
    const bowl = objectiveFromSurface(surfaceById('bowl')!);
    const state = optimizerLbfgsCreate(2);
    const theta = vec(3, 4);
    // g = (6, 8), ‖g‖ = 10 → α₀ = 0.1 → θ₁ = (3, 4) − 0.1·(6, 8); f drops from 25 to 16.
    optimizerLbfgsStep(state, theta, bowl.gradient(theta, new Float64Array(2)), bowl);
    expect(theta[0]).toBeCloseTo(2.4, 14);
    expect(theta[1]).toBeCloseTo(3.2, 14);
    expect(state.lastStepLength).toBeCloseTo(0.1, 15);
  });

  it('skips curvature pairs with sᵀy ≤ 0', () => {
    const state = optimizerLbfgsCreate(2);
    state.prevTheta.set([0, 0]);
    state.prevGrad.set([1, 0]);
    state.pending = true;
    // s = (1, 0), y = (−1, 0) − (1, 0) = (−2, 0): sᵀy = −2 < 0.
    optimizerLbfgsAbsorb(state, [1, 0], [-1, 0]);
    expect(state.count).toBe(0);
    expect(state.skipped).toBe(1);
    state.pending = true;
    optimizerLbfgsAbsorb(state, [1, 0], [3, 0]);
    expect(state.count).toBe(1);
  });

  it('the explicit model B inverts the two-loop operator and satisfies the newest secant equation', () => {
    const s = surfaceById('rosenbrock')!;
    const f = objectiveFromSurface(s);
    const state = optimizerLbfgsCreate(2, { memory: 4 });
    const theta = vec(-1.2, 1);
    const g = new Float64Array(2);
    const b = new Float64Array(4);
    const p = new Float64Array(2);
    for (let k = 0; k < 12; k++) {
      f.gradient(theta, g);
      optimizerLbfgsAbsorb(state, theta, g);
      optimizerLbfgsModel(state, b);
      optimizerLbfgsDirection(state, g, p);
      const bp = denseMatVec(b, 2, p, new Float64Array(2));
      const scale = Math.max(1, Math.hypot(g[0], g[1]));
      expect(Math.abs(bp[0] + g[0]) / scale).toBeLessThan(1e-9);
      expect(Math.abs(bp[1] + g[1]) / scale).toBeLessThan(1e-9);
      // B is symmetric positive definite.
      expect(b[1]).toBeCloseTo(b[2], 9);
      expect(b[0]).toBeGreaterThan(0);
      expect(b[0] * b[3] - b[1] * b[2]).toBeGreaterThan(0);
      if (state.count > 0) {
        const j = (state.oldest + state.count - 1) % 4;
        const sv = state.s.subarray(2 * j, 2 * j + 2);
        const yv = state.y.subarray(2 * j, 2 * j + 2);
        const bs = denseMatVec(b, 2, sv, new Float64Array(2));
        expect(bs[0]).toBeCloseTo(yv[0], 8);
        expect(bs[1]).toBeCloseTo(yv[1], 8);
      }
      optimizerLbfgsStep(state, theta, g, f);
      expect(state.count).toBeLessThanOrEqual(4);
    }
  });

  it("reaches Rosenbrock's minimum (1, 1) to 1e-6 within a few hundred steps", () => {
    const s = surfaceById('rosenbrock')!;
    const tr = trajectoryRun(s, optimizerLbfgs, {}, [s.start.x, s.start.y], 300);
    expect(tr.diverged).toBe(false);
    const k = tr.count - 1;
    expect(Math.abs(tr.positions[2 * k] - 1)).toBeLessThan(1e-6);
    expect(Math.abs(tr.positions[2 * k + 1] - 1)).toBeLessThan(1e-6);
    // And it gets there early: find the first iterate within 1e-6.
    let first = -1;
    for (let i = 0; i < tr.count && first < 0; i++) {
      if (Math.hypot(tr.positions[2 * i] - 1, tr.positions[2 * i + 1] - 1) < 1e-6) first = i;
    }
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(200);
  });

  it('is monotone with the Armijo line search (up to the documented rounding slack)', () => {
    for (const id of ['beale', 'rosenbrock', 'six-hump-camel', 'logistic-regression']) {
      const s = surfaceById(id)!;
      const tr = trajectoryRun(s, optimizerLbfgs, {}, [s.start.x, s.start.y], 200);
      for (let k = 1; k < tr.count; k++) {
        const prev = tr.losses[k - 1];
        expect(tr.losses[k]).toBeLessThanOrEqual(prev + 1e-10 * Math.abs(prev));
      }
    }
  });

  it('minimizes an n = 8 quadratic to the solution of Aθ = b', () => {
    const { objective, a, b } = quadratic(8, 21);
    const tr = trajectoryRun(objective, optimizerLbfgs, { memory: 8 }, new Float64Array(8), 200, {
      gradientTolerance: 1e-10,
    });
    expect(tr.converged).toBe(true);
    const theta = tr.positions.subarray((tr.count - 1) * 8, tr.count * 8);
    const at = denseMatVec(a, 8, theta, new Float64Array(8));
    for (let i = 0; i < 8; i++) expect(at[i]).toBeCloseTo(b[i], 9);
  });

  it('fixed-step mode (lineSearch 0) takes exactly α₀ p', () => {
    const bowl = objectiveFromSurface(surfaceById('bowl')!);
    const state = optimizerLbfgsCreate(2, { lineSearch: 0, lr: 0.5 });
    const theta = vec(0.3, 0.4);
    // ‖g‖ = 1 → α₀ = 0.5·min(1, 1/1) = 0.5 → θ₁ = θ − 0.5·2θ = 0.
    optimizerLbfgsStep(state, theta, bowl.gradient(theta, new Float64Array(2)), bowl);
    expect(Array.from(theta)).toEqual([0, 0]);
  });
});
