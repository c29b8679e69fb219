// Reading f(x) and an outer f(u): pointed messages with columns, y refused, u read as the variable.
import { describe, expect, it } from 'vitest';
import { ExprPool } from '../../../core/math/expr-ast';
import { calcParse1, calcParseOuter, calcSubstitute } from '../../../core/math/calc-expr1';
import { exprEvalTree } from '../../../core/math/expr-functions';

describe('calcParse1', () => {
  it('refuses y with its column', () => {
    const r = calcParse1('x + y');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.column).toBe(5);
      expect(r.message).toMatch(/function of x alone/);
    }
  });
  it('names the only variable in an unknown-name message', () => {
    const r = calcParse1('x + z');
    expect(!r.ok && r.message).toMatch(/only the variable x\b/);
  });
  it('points at an unclosed bracket', () => {
    const r = calcParse1('sin(x');
    expect(!r.ok && r.column).toBe(4);
  });
});

describe('calcParseOuter', () => {
  it('reads u as the variable and keeps columns', () => {
    const r = calcParseOuter('sin(u) + u^2');
    expect(r.ok).toBe(true);
    if (r.ok) expect(exprEvalTree(r.expr, 0.5, 0)).toBeCloseTo(Math.sin(0.5) + 0.25, 15);
    const bad = calcParseOuter('sin(u) + q');
    expect(!bad.ok && bad.column).toBe(10);
    expect(!bad.ok && bad.message).toMatch(/only the variable u\b/);
  });
  it('refuses x in the outer function', () => {
    const r = calcParseOuter('exp(x)');
    expect(!r.ok && r.column).toBe(5);
  });
  it('leaves names containing u alone (sqrt, softplus)', () => {
    const r = calcParseOuter('sqrt(u) + softplus(u)');
    expect(r.ok).toBe(true);
  });
});

describe('calcSubstitute', () => {
  it('composes sin(u) with x² into sin(x²)', () => {
    const pool = new ExprPool();
    const f = calcParseOuter('sin(u)');
    const g = calcParse1('x^2');
    if (!f.ok || !g.ok) throw new Error('parse');
    const h = calcSubstitute(pool, pool.adopt(f.expr), pool.adopt(g.expr));
    expect(exprEvalTree(h, 1.3, 0)).toBeCloseTo(Math.sin(1.69), 15);
  });
});
