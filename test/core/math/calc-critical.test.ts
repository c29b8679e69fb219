// Critical points by Newton from a grid of starts, checked against the Descent lab's surfaces'
// documented minima and saddles (found there from their own seeds) and against closed forms.
import { describe, expect, it } from 'vitest';
import { calcCriticalPoints, type CalcFunction2 } from '../../../core/math/calc-critical';
import { exprCompileSource, exprEvalPointInto } from '../../../core/math/expr-compile';
import { SURFACES } from '../../../core/ml/surfaces';
import type { Surface } from '../../../core/ml/surfaces-types';

const fromSurface = (s: Surface): CalcFunction2 => {
  const g = new Float64Array(2);
  const h = new Float64Array(3);
  return (x, y, out) => {
    out[0] = s.value(x, y);
    s.gradient(x, y, g);
    s.hessian(x, y, h);
    out.set(g, 1);
    out.set(h, 3);
  };
};

const fromText = (source: string): CalcFunction2 => {
  const r = exprCompileSource(source);
  if (!r.ok) throw new Error(r.message);
  return (x, y, out) => exprEvalPointInto(r.compiled, x, y, out, 2);
};

const surface = (id: string) => SURFACES.find((s) => s.id === id)!;

describe('calcCriticalPoints on the Descent surfaces', () => {
  it('Himmelblau: its four documented minima, one maximum near (−0.27, −0.92), four saddles', () => {
    const s = surface('himmelblau');
    const pts = calcCriticalPoints(fromSurface(s), s.domain);
    const kinds = pts.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'minimum')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'saddle')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'maximum')).toHaveLength(1);
    for (const m of s.minima) {
      const hit = pts.find((p) => Math.hypot(p.x - m.x, p.y - m.y) < 1e-6);
      expect(hit?.kind).toBe('minimum');
      expect(hit!.f).toBeCloseTo(0, 10);
    }
    const max = pts.find((p) => p.kind === 'maximum')!;
    expect(max.x).toBeCloseTo(-0.270845, 5);
    expect(max.y).toBeCloseTo(-0.923039, 5);
  });
  it('six-hump camel: its six documented minima and every documented saddle', () => {
    const s = surface('six-hump-camel');
    const pts = calcCriticalPoints(fromSurface(s), s.domain, { grid: 15 });
    expect(pts.filter((p) => p.kind === 'minimum')).toHaveLength(s.minima.length);
    for (const m of s.minima)
      expect(pts.find((p) => Math.hypot(p.x - m.x, p.y - m.y) < 1e-6)?.kind).toBe('minimum');
    expect(s.saddles.length).toBeGreaterThan(0);
    for (const q of s.saddles)
      expect(pts.find((p) => Math.hypot(p.x - q.x, p.y - q.y) < 1e-6)?.kind).toBe('saddle');
  });
});

describe('calcCriticalPoints on typed functions', () => {
  it('x³ − 3x + y²: a minimum at (1, 0) and a saddle at (−1, 0) with eigenvalues ±6 and 2', () => {
    const pts = calcCriticalPoints(fromText('x^3 - 3*x + y^2'), {
      xMin: -2,
      xMax: 2,
      yMin: -2,
      yMax: 2,
    });
    expect(pts).toHaveLength(2);
    const [min, saddle] = pts;
    expect(min.kind).toBe('minimum');
    expect(min.x).toBeCloseTo(1, 12);
    expect(min.y).toBeCloseTo(0, 12);
    expect([min.lambda1, min.lambda2]).toEqual([6, 2]);
    expect(saddle.kind).toBe('saddle');
    expect(saddle.x).toBeCloseTo(-1, 12);
    expect([saddle.lambda1, saddle.lambda2]).toEqual([2, -6]);
  });
  it('a scaled copy is classified the same (the tolerance follows the Hessian)', () => {
    const box = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
    const small = calcCriticalPoints(fromText('1e-9*(x^3 - 3*x + y^2)'), box);
    const big = calcCriticalPoints(fromText('1e9*(x^3 - 3*x + y^2)'), box);
    expect(small.map((p) => p.kind)).toEqual(['minimum', 'saddle']);
    expect(big.map((p) => p.kind)).toEqual(['minimum', 'saddle']);
  });
  it('x⁴ + y⁴ − 4xy: two minima at ±(1, 1) and a saddle at the origin', () => {
    const pts = calcCriticalPoints(fromText('x^4 + y^4 - 4*x*y'), {
      xMin: -2,
      xMax: 2,
      yMin: -2,
      yMax: 2,
    });
    expect(pts.map((p) => p.kind)).toEqual(['minimum', 'minimum', 'saddle']);
    expect(Math.abs(pts[0].x)).toBeCloseTo(1, 10);
    expect(pts[2].f).toBeCloseTo(0, 12);
  });
  it('x⁴ + y² and the monkey saddle x³ − 3xy²: one degenerate point at the origin', () => {
    const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    for (const source of ['x^4 + y^2', 'x^3 - 3*x*y^2']) {
      const pts = calcCriticalPoints(fromText(source), box);
      expect(pts).toHaveLength(1);
      expect(Math.hypot(pts[0].x, pts[0].y)).toBeLessThan(1e-6);
      expect(pts[0].kind).toBe('degenerate');
    }
  });
});
