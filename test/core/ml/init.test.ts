import { describe, expect, it } from 'vitest';
import { initFill, initVariance, INITS, type InitId } from '../../../core/ml/init';
import { rngCreate } from '../../../core/math/rng';

const ids = Object.keys(INITS) as InitId[];

describe('initializers', () => {
  it.each(ids)('%s: sample variance matches the stated variance', (id) => {
    const fanIn = 40;
    const fanOut = 60;
    const w = new Float64Array(20000);
    initFill(w, id, fanIn, fanOut, rngCreate(7));
    let mean = 0;
    for (const v of w) mean += v / w.length;
    let v2 = 0;
    for (const v of w) v2 += (v - mean) ** 2 / w.length;
    const target = initVariance(id, fanIn, fanOut);
    // n = 20000 draws: the sample variance has relative sd ≈ √(2/n) ≈ 1% (less for uniform).
    expect(Math.abs(v2 / target - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(target / w.length));
  });

  it('uniform initializers stay inside their bounds', () => {
    const w = new Float64Array(5000);
    initFill(w, 'xavier-uniform', 10, 30, rngCreate(1));
    const a = Math.sqrt(6 / 40);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(a);
    initFill(w, 'large-uniform', 10, 30, rngCreate(1));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(2);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(1.99);
    initFill(w, 'small-uniform', 10, 30, rngCreate(1));
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.01);
  });

  it('is deterministic for a seed', () => {
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    initFill(a, 'he-normal', 8, 8, rngCreate(42));
    initFill(b, 'he-normal', 8, 8, rngCreate(42));
    expect(a).toEqual(b);
    initFill(b, 'he-normal', 8, 8, rngCreate(43));
    expect(a).not.toEqual(b);
  });
});
