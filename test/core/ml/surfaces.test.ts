import { describe, expect, it } from 'vitest';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { sym2Classify, sym2Eigen } from '../../../core/math/linalg2';
import { rngCreate } from '../../../core/math/rng';
import { SURFACES, paramsResolve, surfaceById, type Surface } from '../../../core/ml/surfaces';

/** Built-ins with defaults plus variants that exercise every parameter. */
const variants: Surface[] = [
  ...SURFACES,
  surfaceById('ellipse', { kappa: 100, angle: 30 })!,
  surfaceById('ellipse', { kappa: 3, angle: 135 })!,
  surfaceById('rosenbrock', { b: 10 })!,
  surfaceById('rastrigin', { a: 3 })!,
  surfaceById('plateau', { sigma: 0.5 })!,
  surfaceById('two-wells', { depth: 0.5 })!,
  surfaceById('two-wells', { depth: 1.9 })!,
  surfaceById('linear-regression', { samples: 20, noise: 1.3, seed: 3 })!,
  surfaceById('logistic-regression', { samples: 40, spread: 2, seed: 5 })!,
];
const label = (s: Surface) => `${s.id} ${JSON.stringify(s.paramValues)}`;
const cases = variants.map((s) => [label(s), s] as const);

const maxAbs = (v: ArrayLike<number>) => Math.max(...Array.from(v, Math.abs));

/** Random points in the surface's domain (seeded, so failures are reproducible). */
function samplePoints(s: Surface, count: number, seed: number): [number, number][] {
  const rng = rngCreate(seed);
  const { xMin, xMax, yMin, yMax } = s.domain;
  return Array.from({ length: count }, () => [
    xMin + (xMax - xMin) * rng.next(),
    yMin + (yMax - yMin) * rng.next(),
  ]);
}

describe('surface registry', () => {
  it('has at least 14 analytic surfaces with unique kebab-case ids', () => {
    expect(SURFACES.length).toBeGreaterThanOrEqual(16);
    const ids = SURFACES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const id of [
      'bowl',
      'ellipse',
      'rosenbrock',
      'beale',
      'himmelblau',
      'booth',
      'matyas',
      'saddle',
      'monkey-saddle',
      'six-hump-camel',
      'rastrigin',
      'ackley',
      'plateau',
      'two-wells',
    ]) {
      expect(surfaceById(id)?.id).toBe(id);
    }
    expect(surfaceById('nope')).toBeUndefined();
  });

  it.each(cases)('%s: metadata is consistent', (_, s) => {
    expect(s.title.length).toBeGreaterThan(0);
    expect(s.tex.length).toBeGreaterThan(0);
    const { xMin, xMax, yMin, yMax } = s.domain;
    expect(xMin).toBeLessThan(xMax);
    expect(yMin).toBeLessThan(yMax);
    expect(s.start.x).toBeGreaterThan(xMin);
    expect(s.start.x).toBeLessThan(xMax);
    expect(s.start.y).toBeGreaterThan(yMin);
    expect(s.start.y).toBeLessThan(yMax);
    expect(Object.keys(s.paramValues).sort()).toEqual(s.params.map((p) => p.id).sort());
    for (const p of s.params) {
      expect(p.min).toBeLessThanOrEqual(p.default);
      expect(p.default).toBeLessThanOrEqual(p.max);
      if (p.logScale) expect(p.min).toBeGreaterThan(0);
    }
  });

  it('withParams keeps other values, clamps to range and rounds integers', () => {
    const e = surfaceById('ellipse', { kappa: 1e9 })!;
    expect(e.paramValues.kappa).toBe(1000);
    expect(e.paramValues.angle).toBe(0);
    expect(e.withParams({ angle: 45 }).paramValues).toEqual({ kappa: 1000, angle: 45 });
    const specs = surfaceById('linear-regression')!.params;
    expect(paramsResolve(specs, { samples: 10.6, noise: NaN })).toMatchObject({
      samples: 11,
      noise: 0.5,
    });
  });
});

describe('surface derivatives', () => {
  it.each(cases)('%s: gradient matches central finite differences', (_, s) => {
    const f = (p: ArrayLike<number>) => s.value(p[0], p[1]);
    for (const [x, y] of samplePoints(s, 80, 11)) {
      const g = s.gradient(x, y, [0, 0]);
      const numeric = finiteDiffGradient(f, [x, y]);
      const tol =
        1e-6 * Math.max(maxAbs(g), maxAbs(numeric)) + 1e-8 * Math.max(1, Math.abs(f([x, y])));
      expect(Math.abs(g[0] - numeric[0]), `at (${x}, ${y})`).toBeLessThanOrEqual(tol);
      expect(Math.abs(g[1] - numeric[1]), `at (${x}, ${y})`).toBeLessThanOrEqual(tol);
    }
  });

  it.each(cases)('%s: Hessian matches finite differences of the gradient', (_, s) => {
    const gx = (p: ArrayLike<number>) => s.gradient(p[0], p[1], [0, 0])[0];
    const gy = (p: ArrayLike<number>) => s.gradient(p[0], p[1], [0, 0])[1];
    for (const [x, y] of samplePoints(s, 80, 12)) {
      const h = s.hessian(x, y, [0, 0, 0]);
      const rowX = finiteDiffGradient(gx, [x, y]);
      const rowY = finiteDiffGradient(gy, [x, y]);
      const numeric = [rowX[0], 0.5 * (rowX[1] + rowY[0]), rowY[1]];
      const g = s.gradient(x, y, [0, 0]);
      const tol = 1e-6 * Math.max(maxAbs(h), maxAbs(numeric)) + 1e-8 * Math.max(1, maxAbs(g));
      for (let i = 0; i < 3; i++) {
        expect(Math.abs(h[i] - numeric[i]), `entry ${i} at (${x}, ${y})`).toBeLessThanOrEqual(tol);
      }
      // The analytic mixed partials must agree with both numeric ones (symmetry).
      expect(Math.abs(rowX[1] - rowY[0])).toBeLessThanOrEqual(2 * tol);
    }
  });
});

describe('surface minima and saddles', () => {
  it.each(cases)(
    '%s: listed minima have the listed value, ∇f ≈ 0 and positive curvature',
    (_, s) => {
      for (const m of s.minima) {
        expect(s.value(m.x, m.y)).toBeCloseTo(m.value, 12);
        // Independently of how the listed value was found: no point on a small ring around the
        // minimum is lower.
        for (let k = 0; k < 16; k++) {
          const a = (2 * Math.PI * k) / 16;
          expect(s.value(m.x + 1e-3 * Math.cos(a), m.y + 1e-3 * Math.sin(a))).toBeGreaterThan(
            m.value - 1e-12,
          );
        }
        const g = s.gradient(m.x, m.y, [0, 0]);
        expect(maxAbs(g)).toBeLessThan(1e-9);
        const h = s.hessian(m.x, m.y, [0, 0, 0]);
        expect(sym2Classify(h[0], h[1], h[2], 1e-9)).toBe('minimum');
      }
      for (const p of s.saddles) {
        expect(maxAbs(s.gradient(p.x, p.y, [0, 0]))).toBeLessThan(1e-9);
        const h = s.hessian(p.x, p.y, [0, 0, 0]);
        expect(['saddle', 'degenerate']).toContain(sym2Classify(h[0], h[1], h[2], 1e-9));
      }
    },
  );

  it.each(cases)('%s: no grid point over the domain beats the global minimum', (_, s) => {
    const globals = s.minima.filter((m) => m.global);
    if (s.minima.length === 0) {
      // Listed without a minimum: then f must fall below any value inside the domain's box
      // (a saddle or an unbounded surface), which the boundary of the box shows.
      const { xMin, xMax, yMin, yMax } = s.domain;
      const inside = s.value((xMin + xMax) / 2, (yMin + yMax) / 2);
      const edge = Math.min(
        s.value(xMin, (yMin + yMax) / 2),
        s.value(xMax, (yMin + yMax) / 2),
        s.value((xMin + xMax) / 2, yMin),
        s.value((xMin + xMax) / 2, yMax),
      );
      expect(edge).toBeLessThan(inside);
      return;
    }
    expect(globals.length).toBeGreaterThan(0);
    const best = Math.min(...globals.map((m) => m.value));
    for (const m of s.minima) expect(m.value).toBeGreaterThanOrEqual(best - 1e-12);
    const { xMin, xMax, yMin, yMax } = s.domain;
    const n = 120;
    let lowest = Infinity;
    for (let i = 0; i <= n; i++) {
      for (let j = 0; j <= n; j++) {
        lowest = Math.min(
          lowest,
          s.value(xMin + ((xMax - xMin) * i) / n, yMin + ((yMax - yMin) * j) / n),
        );
      }
    }
    expect(lowest).toBeGreaterThanOrEqual(best - 1e-12);
  });

  it('closed-form values of the classic benchmarks', () => {
    const v = (id: string, x: number, y: number) => surfaceById(id)!.value(x, y);
    expect(v('rosenbrock', 1, 1)).toBe(0);
    expect(v('beale', 3, 0.5)).toBe(0);
    expect(v('booth', 1, 3)).toBe(0);
    expect(v('matyas', 0, 0)).toBe(0);
    expect(v('rastrigin', 0, 0)).toBe(0);
    expect(Math.abs(v('ackley', 0, 0))).toBeLessThan(1e-14);
    expect(v('bowl', 3, -4)).toBe(25);
    expect(v('saddle', 2, 1)).toBe(3);
    expect(v('monkey-saddle', 1, 1)).toBe(-2);
    // Rosenbrock by hand at (0, 0): (1 − 0)² + 100·0² = 1; Beale at (0, 0): 1.5² + 2.25² + 2.625².
    expect(v('rosenbrock', 0, 0)).toBe(1);
    expect(v('beale', 0, 0)).toBeCloseTo(1.5 ** 2 + 2.25 ** 2 + 2.625 ** 2, 12);
    expect(v('plateau', 0, 0)).toBe(0);
    expect(v('plateau', 30, 0)).toBe(1);
  });

  it("Himmelblau's four minima are at the published points with f = 0", () => {
    const s = surfaceById('himmelblau')!;
    const published = [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ];
    expect(s.minima).toHaveLength(4);
    for (const [x, y] of published) {
      const m = s.minima.find((q) => Math.hypot(q.x - x, q.y - y) < 1e-5);
      expect(m, `minimum near (${x}, ${y})`).toBeDefined();
      expect(m!.global).toBe(true);
      expect(m!.value).toBeLessThan(1e-20);
    }
  });

  it('six-hump camel: two global minima ≈ −1.0316 at (±0.0898, ∓0.7126)', () => {
    const s = surfaceById('six-hump-camel')!;
    const globals = s.minima.filter((m) => m.global);
    expect(globals).toHaveLength(2);
    expect(s.minima).toHaveLength(6);
    for (const m of globals) {
      expect(m.value).toBeCloseTo(-1.0316284535, 9);
      expect(Math.abs(Math.abs(m.x) - 0.0898)).toBeLessThan(1e-4);
      expect(Math.abs(Math.abs(m.y) - 0.7126)).toBeLessThan(1e-4);
      expect(Math.sign(m.x)).toBe(-Math.sign(m.y));
    }
  });

  it('ellipse: Hessian eigenvalues are exactly 1 and κ for any rotation', () => {
    for (const [kappa, angle] of [
      [10, 0],
      [250, 30],
      [7, 90],
      [1000, 123],
    ]) {
      const s = surfaceById('ellipse', { kappa, angle })!;
      const h = s.hessian(0.3, -0.2, [0, 0, 0]);
      const e = sym2Eigen(h[0], h[1], h[2]);
      expect(e.lambda1).toBeCloseTo(kappa, 9);
      expect(e.lambda2).toBeCloseTo(1, 9);
      // The stiff direction is v = (−sin φ, cos φ).
      const phi = (angle * Math.PI) / 180;
      expect(Math.abs(e.v1x * -Math.sin(phi) + e.v1y * Math.cos(phi))).toBeCloseTo(1, 9);
    }
  });

  it('monkey saddle: gradient and Hessian both vanish at the origin', () => {
    const s = surfaceById('monkey-saddle')!;
    expect(s.gradient(0, 0, [1, 1]).map(Math.abs)).toEqual([0, 0]);
    expect(s.hessian(0, 0, [1, 1, 1]).map(Math.abs)).toEqual([0, 0, 0]);
  });

  it('two wells: a deep global and a shallow local minimum separated by a saddle', () => {
    for (const depth of [0.5, 1.2, 1.9]) {
      const s = surfaceById('two-wells', { depth })!;
      expect(s.minima).toHaveLength(2);
      const [global, local] = [s.minima.find((m) => m.global)!, s.minima.find((m) => !m.global)!];
      expect(global.value).toBeLessThan(local.value);
      expect(global.x).toBeGreaterThan(0);
      expect(local.x).toBeLessThan(0);
      expect(s.saddles).toHaveLength(1);
      const sad = s.value(s.saddles[0].x, s.saddles[0].y);
      expect(sad).toBeGreaterThan(local.value);
    }
  });

  it('plateau: the gradient really vanishes far from the well', () => {
    const s = surfaceById('plateau')!;
    const g = s.gradient(s.start.x, s.start.y, [0, 0]);
    expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-5);
    expect(Math.hypot(g[0], g[1])).toBeGreaterThan(0);
  });
});
