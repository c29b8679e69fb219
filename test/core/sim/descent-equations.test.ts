// The Descent lab's equation panel substitutes recorded numbers into PyTorch's momentum and
// Nesterov rules; these checks make sure the recorded trajectory satisfies those very identities.
import { describe, expect, it } from 'vitest';
import { optimizerById, trajectoryRun } from '../../../core/ml/optimizers';
import { surfaceById } from '../../../core/ml/surfaces';

const surface = surfaceById('ellipse', { kappa: 20, angle: 30 })!;

describe('recorded momentum trajectories satisfy the displayed update rules', () => {
  for (const id of ['momentum', 'nesterov'] as const) {
    it(id, () => {
      const lr = 0.02;
      const mu = 0.8;
      const t = trajectoryRun(surface, optimizerById(id)!, { lr, momentum: mu }, [-2, 1.5], 60);
      const v = t.velocities!;
      for (let k = 0; k + 1 < t.count; k++) {
        for (const i of [0, 1]) {
          const g = t.gradients[2 * k + i];
          // v_{k+1} = μ v_k + ∇f(θ_k), with v_0 = 0.
          expect(v[2 * (k + 1) + i]).toBeCloseTo(mu * (k === 0 ? 0 : v[2 * k + i]) + g, 12);
          const step = id === 'momentum' ? v[2 * (k + 1) + i] : g + mu * v[2 * (k + 1) + i];
          expect(t.positions[2 * (k + 1) + i]).toBeCloseTo(t.positions[2 * k + i] - lr * step, 12);
        }
      }
    });
  }
});
