// Newton's / L-BFGS's quadratic-model patch stays inside the surface's box.
import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { surfaceById } from '../../core/ml/surfaces';
import { HEIGHT, surfaceMappingCreate } from '../../renderer/components/surface-mapping';
import {
  QUADRATIC_CLIP_PLANES,
  quadraticPatchPositions,
} from '../../renderer/labs/descent/quadratic-patch';

const rosen = surfaceById('rosenbrock')!;
const n = 32;
const values = new Float64Array(n * n);
const d = rosen.domain;
for (let j = 0; j < n; j++)
  for (let i = 0; i < n; i++)
    values[j * n + i] = rosen.value(
      d.xMin + (i / (n - 1)) * (d.xMax - d.xMin),
      d.yMin + (j / (n - 1)) * (d.yMax - d.yMin),
    );
const grid = { n, domain: { ...d }, values };

function modelAt(x: number, y: number) {
  const g = rosen.gradient(x, y, [0, 0]);
  const h = rosen.hessian(x, y, [0, 0, 0]);
  return { x, y, f: rosen.value(x, y), gx: g[0], gy: g[1], bxx: h[0], bxy: h[1], byy: h[2] };
}

const kept = (p: Vector3) => QUADRATIC_CLIP_PLANES.every((pl) => pl.distanceToPoint(p) >= 0);

describe('quadratic model patch', () => {
  it.each([
    [d.xMin + 0.01, d.yMax - 0.01],
    [d.xMax - 0.05, d.yMin + 0.02],
    [-1.2, 1],
    [1, 1],
  ])('at (%f, %f) every vertex lies over the domain', (x, y) => {
    for (const scale of ['log', 'linear'] as const) {
      const mapping = surfaceMappingCreate(grid, scale);
      const out = new Float32Array(28 * 28 * 3);
      expect(quadraticPatchPositions(out, 28, modelAt(x, y), grid.domain, mapping)).toBe(true);
      for (let k = 0; k < out.length; k += 3) {
        expect(Math.abs(out[k])).toBeLessThanOrEqual(1 + 1e-6);
        expect(Math.abs(out[k + 2])).toBeLessThanOrEqual(1 + 1e-6);
        expect(Number.isFinite(out[k + 1])).toBe(true);
      }
    }
  });

  it('is not drawn when the iterate has left the domain', () => {
    const mapping = surfaceMappingCreate(grid, 'log');
    const out = new Float32Array(28 * 28 * 3);
    expect(quadraticPatchPositions(out, 28, modelAt(5, 5), grid.domain, mapping)).toBe(false);
  });

  it('heights are not clamped, and the clipping planes cut exactly the outside of the box', () => {
    const mapping = surfaceMappingCreate(grid, 'linear');
    // A saddle-shaped model (one curvature strongly negative) dips below the lowest sample.
    const out = new Float32Array(28 * 28 * 3);
    const saddle = { ...modelAt(1, 1), f: 1, gx: 0, gy: 0, bxx: -400, bxy: 0, byy: 50 };
    quadraticPatchPositions(out, 28, saddle, grid.domain, mapping);
    const ys = Array.from({ length: 28 * 28 }, (_, k) => out[3 * k + 1]);
    expect(Math.min(...ys)).toBeLessThan(0);
    expect(Math.max(...ys)).toBeGreaterThan(mapping.toUnit(1) * HEIGHT);
    expect(kept(new Vector3(0, HEIGHT / 2, 0))).toBe(true);
    expect(kept(new Vector3(0.99, 0.01, -0.99))).toBe(true);
    for (const p of [
      [0, -0.01, 0],
      [0, HEIGHT + 0.05, 0],
      [1.01, 0.3, 0],
      [-1.01, 0.3, 0],
      [0, 0.3, 1.01],
      [0, 0.3, -1.01],
    ])
      expect(kept(new Vector3(...p))).toBe(false);
  });
});
