// The complex extension of typed functions: its real part is the real evaluator's value, and the
// complex step Im f(a + ih)/h with h = 1e-20 matches the engine's symbolic derivative for every
// function of the language (a derivative computed by a different route: rules on the tree).
import { describe, expect, it } from 'vitest';
import { calcEvalComplex } from '../../../core/math/calc-complex';
import { calcParse1 } from '../../../core/math/calc-expr1';
import { exprDiff } from '../../../core/math/expr-diff';
import { ExprPool } from '../../../core/math/expr-ast';
import { exprEvalTree } from '../../../core/math/expr-functions';

const cases: [string, number][] = [
  ['sin(x) + cos(2*x)', 0.7],
  ['tan(x)', 0.4],
  ['exp(-x^2)', 1.3],
  ['ln(x)', 2.5],
  ['sqrt(x)', 3],
  ['sqrt(x)', 1e-3],
  ['abs(x - 1)', -0.5],
  ['abs(x - 1)', 2],
  ['tanh(3*x)', 0.2],
  ['tanh(x)', 30],
  ['sinh(x) * cosh(x)', -0.8],
  ['sigmoid(x)', -40],
  ['sigmoid(x)', 2],
  ['softplus(x)', 50],
  ['softplus(x)', -3],
  ['x^x', 1.7],
  ['2^x', -1.2],
  ['x^-3', 0.9],
  ['x^2.5', 1.1],
  ['min(x, x^2)', 0.5],
  ['max(x, 2 - x)', 1.5],
  ['1/(1 - x)', 0.25],
  ['sign(x) * x^2 + heaviside(x)', 0.3],
];

describe('calcEvalComplex', () => {
  for (const [source, a] of cases) {
    it(`${source} at ${a}`, () => {
      const parsed = calcParse1(source);
      if (!parsed.ok) throw new Error(parsed.message);
      const pool = new ExprPool();
      const f = pool.adopt(parsed.expr);
      const exact = exprEvalTree(exprDiff(pool, f, 'x'), a, 0);
      const [re, im] = calcEvalComplex(f, [a, 1e-20]);
      expect(re).toBeCloseTo(exprEvalTree(f, a, 0), 12);
      const scale = Math.max(1e-300, Math.abs(exact));
      expect(Math.abs(im / 1e-20 - exact) / scale).toBeLessThan(1e-13);
    });
  }
});
