// The "too complex" limit (EXPR_MAX_NODES nodes for f with its gradient and Hessian) is checked
// before any program is compiled: on f itself, then after each order of derivatives.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExprPool, exprNodeCount, type ExprNode } from '../../../core/math/expr-ast';
import {
  EXPR_MAX_NODES,
  exprCompileSource,
  exprCompileTree,
} from '../../../core/math/expr-compile';
import { exprDerivatives } from '../../../core/math/expr-diff';
import { exprParse } from '../../../core/math/expr-parse';
import { exprProgramCompile } from '../../../core/math/expr-program';

vi.mock('../../../core/math/expr-program', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../core/math/expr-program')>();
  return { ...actual, exprProgramCompile: vi.fn(actual.exprProgramCompile) };
});

const compileCalls = () => vi.mocked(exprProgramCompile).mock.calls.length;
const TOO_COMPLEX = 'The function is too complex to differentiate here; try a simpler form.';

/**
 * A balanced tree of `depth` levels of `op` over leaves (x + 1), (y + 2), (x + 3), … (balanced, so
 * the recursive differentiator and compiler stay far from the stack limit).
 */
function balanced(depth: number, op: 'pow' | 'mul'): ExprNode {
  const pool = new ExprPool();
  const build = (level: number, i: number): ExprNode =>
    level === 0
      ? pool.add(pool.variable(i % 2 ? 'x' : 'y'), pool.num(i + 1))
      : pool[op](build(level - 1, 2 * i), build(level - 1, 2 * i + 1));
  return build(depth, 0);
}

beforeEach(() => {
  vi.mocked(exprProgramCompile).mockClear();
});

describe('the complexity limit', () => {
  it('a tree over the limit by itself is refused before it is differentiated or compiled', () => {
    const f = balanced(13, 'mul');
    expect(exprNodeCount(f)).toBeGreaterThan(EXPR_MAX_NODES);
    const t0 = performance.now();
    const r = exprCompileTree(f);
    const ms = performance.now() - t0;
    expect(r).toEqual({ ok: false, message: TOO_COMPLEX });
    expect(compileCalls()).toBe(0);
    expect(ms).toBeLessThan(100);
  });

  it('a small f with too large derivatives is refused without compiling a program', () => {
    const f = balanced(10, 'pow');
    const d = exprDerivatives(f);
    expect(exprNodeCount(d.f, d.fx, d.fy)).toBeLessThan(EXPR_MAX_NODES);
    expect(exprNodeCount(d.f, d.fx, d.fy, d.fxx, d.fxy, d.fyy)).toBeGreaterThan(EXPR_MAX_NODES);
    const r = exprCompileTree(f);
    expect(r).toEqual({ ok: false, message: TOO_COMPLEX });
    expect(compileCalls()).toBe(0);
  });

  it('refuses before the second derivatives when the gradient alone is too large', () => {
    const f = balanced(11, 'pow');
    expect(exprNodeCount(f)).toBeLessThan(EXPR_MAX_NODES);
    const d = exprDerivatives(f);
    expect(exprNodeCount(d.f, d.fx, d.fy)).toBeGreaterThan(EXPR_MAX_NODES);
    const t0 = performance.now();
    expect(exprCompileTree(f)).toEqual({ ok: false, message: TOO_COMPLEX });
    const refusal = performance.now() - t0;
    const t1 = performance.now();
    exprDerivatives(f);
    const full = performance.now() - t1;
    // Building fxx, fxy and fyy is most of the work of exprDerivatives; the refusal skips it.
    expect(refusal).toBeLessThan(full);
  });

  it('under the limit, f compiles into its three programs', () => {
    const f = balanced(10, 'mul');
    const d = exprDerivatives(f);
    expect(exprNodeCount(d.f, d.fx, d.fy, d.fxx, d.fxy, d.fyy)).toBeLessThan(EXPR_MAX_NODES);
    expect(exprCompileTree(f).ok).toBe(true);
    expect(compileCalls()).toBe(3);
  });

  it('the most complex text found within the length limit compiles', () => {
    // x^y^x^… up to 1000 characters: the largest derivative DAG found (13,438 nodes) by a random
    // search over 3,000 expressions and by hand-built towers, products and nestings.
    const source = Array.from({ length: 499 }, (_, i) => (i % 2 ? 'x' : 'y')).join('^');
    expect(source.length).toBeLessThanOrEqual(1000);
    const parsed = exprParse(source);
    expect(parsed.ok).toBe(true);
    expect(exprCompileSource(source).ok).toBe(true);
  });
});
