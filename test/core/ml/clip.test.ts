import { describe, expect, it } from 'vitest';
import { clipGlobalNorm, normL2 } from '../../../core/ml/clip';
import { rngCreate } from '../../../core/math/rng';

function randomVector(n: number, seed: number, scale: number): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n }, () => scale * rng.normal());
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

describe('gradient clipping by global norm', () => {
  it('normL2 agrees with the plain formula and survives huge entries', () => {
    const v = randomVector(50, 1, 3);
    expect(normL2(v)).toBeCloseTo(Math.sqrt(dot(v, v)), 12);
    expect(normL2([3e200, 4e200])).toBeCloseTo(5e200, -186);
    expect(normL2([0, 0])).toBe(0);
    expect(normL2([1, 2, 2, 9], 0, 3)).toBe(3);
  });

  it.each([1e-3, 0.5, 1, 7])('clips to ≤ %s and keeps the direction', (maxNorm) => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomVector(200, seed, 10);
      const original = Float64Array.from(g);
      const before = normL2(g);
      const r = clipGlobalNorm(g, maxNorm);
      expect(r.normBefore).toBe(before);
      expect(normL2(g)).toBeLessThanOrEqual(maxNorm * (1 + 1e-14));
      expect(normL2(g)).toBeGreaterThanOrEqual(maxNorm * (1 - 1e-14));
      const cosine = dot(g, original) / (normL2(g) * before);
      expect(cosine).toBeGreaterThan(1 - 1e-14);
      expect(r.scale).toBeCloseTo(maxNorm / before, 14);
    }
  });

  it('leaves a gradient already inside the ball untouched', () => {
    const g = randomVector(30, 3, 0.01);
    const copy = Float64Array.from(g);
    const r = clipGlobalNorm(g, 10);
    expect(r.scale).toBe(1);
    expect(g).toEqual(copy);
  });

  it('reports a non-finite norm instead of rescaling it', () => {
    const g = Float64Array.from([1, Infinity]);
    const r = clipGlobalNorm(g, 1);
    expect(r.normBefore).toBe(Infinity);
    expect(Number.isNaN(r.scale)).toBe(true);
    expect(() => clipGlobalNorm(g, 0)).toThrow(RangeError);
  });
});
