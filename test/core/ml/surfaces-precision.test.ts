// Surface values near their minimum, where 1 − e^{−u} cancels: checked against the series
// u − u²/2 + u³/6, which is exact to double precision for u < 1e-5.
import { describe, expect, it } from 'vitest';
import { surfaceById } from '../../../core/ml/surfaces';

describe('plateau surface near its minimum', () => {
  it('keeps full relative precision down to r = 1e-9 (f ≈ 1e-18)', () => {
    for (const sigma of [0.5, 1, 2]) {
      const s = surfaceById('plateau', { sigma })!;
      for (const r of [1e-3, 1e-6, 1e-8, 1e-9]) {
        const u = (r * r) / (sigma * sigma);
        const truth = u - (u * u) / 2 + (u * u * u) / 6;
        const got = s.value(r, 0);
        expect(Math.abs(got - truth) / truth, `σ = ${sigma}, r = ${r}`).toBeLessThan(1e-14);
      }
    }
  });
});
