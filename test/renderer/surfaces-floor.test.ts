// Rosenbrock's steep walls in 3D: no teeth along the narrow floor, no dashed contour lines.
import { describe, expect, it } from 'vitest';
import { surfaceById } from '../../core/ml/surfaces';
import { surfaceFloorValues } from '../../core/ml/surfaces-floor';
import { contourLevels, contourSegments } from '../../core/math/contours';
import { surfaceContourLines, surfaceTriangles } from '../../renderer/components/surface-mesh';
import { surfaceMappingCreate } from '../../renderer/components/surface-mapping';

const rosen = surfaceById('rosenbrock')!;
const n = 64;
const d = rosen.domain;
const hx = (d.xMax - d.xMin) / (n - 1);
const hy = (d.yMax - d.yMin) / (n - 1);
const values = new Float64Array(n * n);
for (let j = 0; j < n; j++)
  for (let i = 0; i < n; i++) values[j * n + i] = rosen.value(d.xMin + i * hx, d.yMin + j * hy);

/** Height of the drawn mesh (triangles of surfaceTriangles) at grid coordinates (u, v). */
function meshAt(units: Float64Array, index: Uint32Array, u: number, v: number): number {
  const i = Math.min(n - 2, Math.floor(u));
  const j = Math.min(n - 2, Math.floor(v));
  const c = j * (n - 1) + i;
  for (let t = 6 * c; t < 6 * c + 6; t += 3) {
    const p = [0, 1, 2].map((q) => {
      const k = index[t + q];
      return [k % n, Math.floor(k / n), units[k]];
    });
    const det =
      (p[1][1] - p[2][1]) * (p[0][0] - p[2][0]) + (p[2][0] - p[1][0]) * (p[0][1] - p[2][1]);
    const a = ((p[1][1] - p[2][1]) * (u - p[2][0]) + (p[2][0] - p[1][0]) * (v - p[2][1])) / det;
    const b = ((p[2][1] - p[0][1]) * (u - p[2][0]) + (p[0][0] - p[2][0]) * (v - p[2][1])) / det;
    if (a >= -1e-9 && b >= -1e-9 && a + b <= 1 + 1e-9)
      return a * p[0][2] + b * p[1][2] + (1 - a - b) * p[2][2];
  }
  throw new Error('point outside its cell');
}

/**
 * Teeth along the floor: across each horizontal line y (between rows too), the lowest point of the
 * drawn mesh on one branch of the valley, less the true floor there (f = (1 − x)² at x = ±√y), in
 * log height [0, 1]. Where consecutive rows' floor samples are not joined by a mesh edge the line
 * finds no floor and this rises.
 */
function floorRoughness(grid: Float64Array): number {
  const mapping = surfaceMappingCreate({ n, domain: d, values: grid }, 'log');
  const units = Float64Array.from(grid, (v) => mapping.toUnit(v));
  const index = surfaceTriangles(units, n);
  let worst = 0;
  for (const side of [-1, 1]) {
    for (let s = 0; s <= 600; s++) {
      const y = 0.3 + ((d.yMax - 0.3) * s) / 600;
      const xf = side * Math.sqrt(y);
      if (xf < d.xMin + hx || xf > d.xMax - hx) continue;
      let lowest = Infinity;
      for (let q = 0; q <= 400; q++) {
        const x = xf + ((q / 400) * 2 - 1) * 3 * hx;
        lowest = Math.min(lowest, meshAt(units, index, (x - d.xMin) / hx, (y - d.yMin) / hy));
      }
      worst = Math.max(worst, lowest - mapping.toUnit(rosen.value(xf, y)));
    }
  }
  return worst;
}

describe('surfaceFloorValues', () => {
  const floor = surfaceFloorValues(values, n, d, (x, y) => rosen.value(x, y));

  it('the mesh follows Rosenbrock’s floor instead of rising between rows (no teeth)', () => {
    expect(floorRoughness(values)).toBeGreaterThan(0.05); // the plain samples: teeth
    expect(floorRoughness(floor)).toBeLessThan(0.01);
  });

  it('only lowers samples that are the lowest of their row or column neighbours', () => {
    let changed = 0;
    for (let k = 0; k < n * n; k++) {
      expect(floor[k]).toBeLessThanOrEqual(values[k]);
      if (floor[k] < values[k]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(0.1 * n * n);
    // Each lowered value is f somewhere within half a cell: never below the global minimum 0.
    for (const v of floor) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('leaves a smooth bowl as it is but for the samples next to its minimum', () => {
    const bowl = new Float64Array(n * n);
    const f = (x: number, y: number) => x * x + 2 * y * y;
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) bowl[j * n + i] = f(d.xMin + i * hx, d.yMin + j * hy);
    const out = surfaceFloorValues(bowl, n, d, f);
    let biggest = 0;
    for (let k = 0; k < n * n; k++) biggest = Math.max(biggest, bowl[k] - out[k]);
    expect(biggest).toBeLessThan(2 * (hx * hx + hy * hy));
  });
});

describe('contour lines on the 3D mesh', () => {
  it('lie exactly on the drawn triangles, where lines traced in f and lifted to their level sink into steep walls', () => {
    const mapping = surfaceMappingCreate({ n, domain: d, values }, 'log');
    const units = Float64Array.from(values, (v) => mapping.toUnit(v));
    const index = surfaceTriangles(units, n);
    const levels = contourLevels(values, 12, 'log');
    const lines = surfaceContourLines(units, n, index, levels.map(mapping.toUnit), 1);
    let worstNew = 0;
    for (let k = 0; k < lines.length; k += 3) {
      const u = ((lines[k] + 1) / 2) * (n - 1);
      const v = ((1 - lines[k + 2]) / 2) * (n - 1);
      worstNew = Math.max(worstNew, Math.abs(meshAt(units, index, u, v) - lines[k + 1]));
    }
    expect(worstNew).toBeLessThan(1e-6);
    // The old way: marching squares in f, each line at its level's height.
    let worstOld = 0;
    for (const level of levels) {
      const segs = contourSegments(values, n, level);
      for (let k = 0; k < segs.length; k += 2)
        worstOld = Math.max(
          worstOld,
          Math.abs(meshAt(units, index, segs[k], segs[k + 1]) - mapping.toUnit(level)),
        );
    }
    expect(worstOld).toBeGreaterThan(0.02); // far more than the 0.004 they were lifted by
  });
});
