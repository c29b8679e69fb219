// "Stable for η < 2/λmax" is true only where the Hessian is positive definite.
import { describe, expect, it } from 'vitest';
import { curvatureVerdict } from '../../../core/ml/surfaces-curvature';
import { surfaceById } from '../../../core/ml/surfaces';

describe('curvatureVerdict', () => {
  it('a positive-definite Hessian gets κ and the stable step 2/λmax', () => {
    const v = curvatureVerdict([50, 0, 1]);
    expect(v).toMatchObject({ shape: 'bowl', lambdaMax: 50, lambdaMin: 1 });
    expect(v.kappa).toBeCloseTo(50, 12);
    expect(v.stableStep).toBeCloseTo(0.04, 12);
  });

  it('a saddle, a cap and a flat direction get no stable step and no κ', () => {
    for (const [h, shape] of [
      [[2, 0, -2], 'saddle'],
      [[-1, 0.2, -3], 'cap'],
      [[1, 1, 1], 'flat'], // eigenvalues 2 and 0
      [[0, 0, 0], 'flat'],
    ] as const) {
      const v = curvatureVerdict(h);
      expect(v.shape).toBe(shape);
      expect(v.stableStep).toBeNull();
      expect(v.kappa).toBeNull();
    }
  });

  it('at the saddle point of the saddle surface and on Rosenbrock off the floor there is no stable step', () => {
    const h = [0, 0, 0];
    const saddle = surfaceById('saddle')!;
    const p = saddle.saddles[0];
    saddle.hessian(p.x, p.y, h);
    expect(curvatureVerdict(h).stableStep).toBeNull();
    // Rosenbrock at (−1.01, 1.07): fxx = 1200x² − 400y + 2 > 0 but det < 0, an indefinite Hessian.
    surfaceById('rosenbrock')!.hessian(-1.01, 1.07, h);
    expect(curvatureVerdict(h).shape).toBe('saddle');
    expect(curvatureVerdict(h).stableStep).toBeNull();
  });
});
