// One inequality constraint g ≤ b by active sets, against closed forms: the solution switches from
// inactive (λ = 0) to active as b tightens, λ ≥ 0 equals −∂f*/∂b, and all four KKT residuals vanish.
import { describe, expect, it } from 'vitest';
import type { CalcFunction2 } from '../../../core/math/calc-critical';
import { calcKktSolve } from '../../../core/math/calc-kkt';
import { exprCompileSource, exprEvalPointInto } from '../../../core/math/expr-compile';

const fn = (source: string): CalcFunction2 => {
  const r = exprCompileSource(source);
  if (!r.ok) throw new Error(r.message);
  return (x, y, out) => exprEvalPointInto(r.compiled, x, y, out, 2);
};
const box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
const solve = (f: string, g: string, b: number) => calcKktSolve(fn(f), fn(g), b, box).best!;
const residualsSmall = (p: ReturnType<typeof solve>) => {
  for (const r of Object.values(p.residuals)) expect(r).toBeLessThan(1e-10);
};

describe('calcKktSolve', () => {
  it('x² + y² with x + y ≥ 1 (−x − y ≤ −1): (½, ½), λ = 1, active', () => {
    const p = solve('x^2 + y^2', '-x - y', -1);
    expect(p.active).toBe(true);
    expect(p.x).toBeCloseTo(0.5, 12);
    expect(p.y).toBeCloseTo(0.5, 12);
    expect(p.f).toBeCloseTo(0.5, 12);
    expect(p.lambda).toBeCloseTo(1, 12);
    residualsSmall(p);
  });
  it('the same with −x − y ≤ b for b from −2 to 1: active with λ = −b below 0, inactive above', () => {
    for (const b of [-2, -1.5, -0.5, -0.1, 0.1, 0.5, 1]) {
      const p = solve('x^2 + y^2', '-x - y', b);
      residualsSmall(p);
      if (b < 0) {
        expect(p.active).toBe(true);
        expect(p.lambda).toBeCloseTo(-b, 10);
        expect(p.f).toBeCloseTo((b * b) / 2, 10);
      } else {
        expect(p.active).toBe(false);
        expect(p.lambda).toBe(0);
        expect(Math.hypot(p.x, p.y)).toBeLessThan(1e-8);
        expect(p.g).toBeLessThan(b);
      }
    }
  });
  it('(x − 2)² + (y − 1)² in the disk x² + y² ≤ r²: on the circle towards (2, 1), λ = (√5 − r)/r, inactive for r > √5', () => {
    for (const r of [0.5, 1, 2]) {
      const p = solve('(x - 2)^2 + (y - 1)^2', 'x^2 + y^2', r * r);
      expect(p.active).toBe(true);
      expect(p.x).toBeCloseTo((2 * r) / Math.sqrt(5), 10);
      expect(p.y).toBeCloseTo(r / Math.sqrt(5), 10);
      expect(p.lambda).toBeCloseTo((Math.sqrt(5) - r) / r, 10);
      expect(p.f).toBeCloseTo((Math.sqrt(5) - r) ** 2, 10);
      residualsSmall(p);
    }
    const inside = solve('(x - 2)^2 + (y - 1)^2', 'x^2 + y^2', 6);
    expect(inside.active).toBe(false);
    expect(inside.x).toBeCloseTo(2, 10);
    expect(inside.y).toBeCloseTo(1, 10);
    expect(inside.lambda).toBe(0);
    residualsSmall(inside);
  });
  it('λ is the rate at which f* falls as b loosens, measured by solving again', () => {
    const f = '(x - 2)^2 + (y - 1)^2';
    const d = 1e-5;
    const p = solve(f, 'x^2 + y^2', 2);
    const rate = (solve(f, 'x^2 + y^2', 2 + d).f - solve(f, 'x^2 + y^2', 2 - d).f) / (2 * d);
    expect(rate).toBeCloseTo(-p.lambda, 6);
  });
  it('a constrained maximum of f on the curve (λ < 0) is never offered', () => {
    const all = calcKktSolve(fn('x + y'), fn('x^2 + y^2'), 1, box).points;
    expect(all).toHaveLength(1);
    expect(all[0].f).toBeCloseTo(-Math.SQRT2, 12);
    expect(all[0].lambda).toBeGreaterThan(0);
  });
});
