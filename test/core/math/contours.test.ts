import { describe, expect, it } from 'vitest';
import { contourLevels, contourSegments } from '../../../core/math/contours';

function sample(n: number, f: (x: number, y: number) => number, half = 2) {
  const values = new Float64Array(n * n);
  const toX = (i: number) => -half + (2 * half * i) / (n - 1);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(toX(i), toX(j));
  return { values, toX };
}

describe('marching squares', () => {
  it('traces a circle: every endpoint lies on x² + y² = 1 within the grid error', () => {
    const n = 81;
    const { values, toX } = sample(n, (x, y) => x * x + y * y);
    const segs = contourSegments(values, n, 1);
    expect(segs.length / 4).toBeGreaterThan(100);
    const h = 4 / (n - 1);
    let length = 0;
    for (let k = 0; k < segs.length; k += 4) {
      for (const [i, j] of [
        [segs[k], segs[k + 1]],
        [segs[k + 2], segs[k + 3]],
      ]) {
        const r = Math.hypot(toX(i), toX(j));
        expect(Math.abs(r - 1)).toBeLessThan(h * h);
      }
      length += Math.hypot(toX(segs[k + 2]) - toX(segs[k]), toX(segs[k + 3]) - toX(segs[k + 1]));
    }
    // Total length ≈ circumference 2π.
    expect(length).toBeCloseTo(2 * Math.PI, 1);
  });

  it('gives no segments for a level outside the range, and skips NaN cells', () => {
    const n = 11;
    const { values } = sample(n, (x, y) => x + y);
    expect(contourSegments(values, n, 100).length).toBe(0);
    values[5 * n + 5] = NaN;
    const segs = contourSegments(values, n, 0);
    // The line x + y = 0 crosses 2(n−1) − 1 cells … minus the ones touching the NaN corner.
    expect(segs.length / 4).toBeLessThan(2 * (n - 1));
    expect(segs.length / 4).toBeGreaterThan(n - 5);
  });

  it('levels lie strictly inside the range, log levels crowd toward the minimum', () => {
    const lin = contourLevels([0, 10], 4, 'linear');
    expect(lin).toEqual([2, 4, 6, 8]);
    const log = contourLevels([0, 10], 4, 'log');
    expect(log[0]).toBeGreaterThan(0);
    expect(log[0]).toBeLessThan(0.01);
    expect(log[3]).toBeLessThan(10);
    expect(contourLevels([3, 3, NaN], 5, 'linear')).toEqual([]);
  });
});
