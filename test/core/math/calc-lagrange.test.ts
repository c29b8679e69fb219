// Lagrange multipliers against closed forms (L = f + λ(g − b), so ∂(f*)/∂b = −λ), and the rate
// −λ against a difference quotient of f* solved at b ± δ.
import { describe, expect, it } from 'vitest';
import type { CalcFunction2 } from '../../../core/math/calc-critical';
import { calcLagrangePoints } from '../../../core/math/calc-lagrange';
import { exprCompileSource, exprEvalPointInto } from '../../../core/math/expr-compile';

const fn = (source: string): CalcFunction2 => {
  const r = exprCompileSource(source);
  if (!r.ok) throw new Error(r.message);
  return (x, y, out) => exprEvalPointInto(r.compiled, x, y, out, 2);
};
const box = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };
const best = (f: string, g: string, b: number) => calcLagrangePoints(fn(f), fn(g), b, box)[0];

describe('calcLagrangePoints', () => {
  it('x + y on the circle x² + y² = b: min −√(2b) at −√(b/2)(1, 1), λ = 1/√(2b), max too', () => {
    for (const b of [1, 2]) {
      const all = calcLagrangePoints(fn('x + y'), fn('x^2 + y^2'), b, box);
      expect(all).toHaveLength(2);
      const [min, max] = all;
      expect(min.x).toBeCloseTo(-Math.sqrt(b / 2), 12);
      expect(min.y).toBeCloseTo(-Math.sqrt(b / 2), 12);
      expect(min.f).toBeCloseTo(-Math.sqrt(2 * b), 12);
      expect(min.lambda).toBeCloseTo(1 / Math.sqrt(2 * b), 12);
      expect(max.f).toBeCloseTo(Math.sqrt(2 * b), 12);
    }
  });
  it('x² + y² on xy = b: f* = 2b at ±(√b, √b), λ = −2', () => {
    const all = calcLagrangePoints(fn('x^2 + y^2'), fn('x*y'), 1, box);
    expect(all).toHaveLength(2);
    for (const p of all) {
      expect(p.f).toBeCloseTo(2, 12);
      expect(p.lambda).toBeCloseTo(-2, 12);
      expect(Math.abs(p.x)).toBeCloseTo(1, 12);
    }
  });
  it('(x − 2)² + 2(y − 1)² on x + y = b: λ = 4(3 − b)/3', () => {
    for (const b of [1, 0.5, 4]) {
      const p = best('(x - 2)^2 + 2*(y - 1)^2', 'x + y', b);
      expect(p.lambda).toBeCloseTo((4 * (3 - b)) / 3, 12);
      expect(p.x).toBeCloseTo(2 - p.lambda / 2, 12);
    }
  });
  it('∇f ∥ ∇g at the solution, and ∂(f*)/∂b = −λ by a difference quotient', () => {
    const cases: [string, string, number][] = [
      ['x + y', 'x^2 + y^2', 1],
      ['x^2 + y^2', 'x*y', 1],
      ['(x - 2)^2 + 2*(y - 1)^2', 'x + y', 1],
      ['exp(x) + y^2', 'x^2 + 4*y^2', 2],
    ];
    for (const [f, g, b] of cases) {
      const p = best(f, g, b);
      const cross = p.gradF[0] * p.gradG[1] - p.gradF[1] * p.gradG[0];
      expect(Math.abs(cross)).toBeLessThan(
        1e-10 * (1 + Math.hypot(...p.gradF) * Math.hypot(...p.gradG)),
      );
      const d = 1e-5;
      const rate = (best(f, g, b + d).f - best(f, g, b - d).f) / (2 * d);
      expect(rate).toBeCloseTo(-p.lambda, 7);
    }
  });
});
