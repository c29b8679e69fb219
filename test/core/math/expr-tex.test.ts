import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ExprPool, type ExprNode } from '../../../core/math/expr-ast';
import { exprDerivatives } from '../../../core/math/expr-diff';
import { exprParse } from '../../../core/math/expr-parse';
import { exprDerivativesTex, exprToTex, exprToText } from '../../../core/math/expr-tex';

function parse(source: string): ExprNode {
  const r = exprParse(source);
  if (!r.ok) throw new Error(`${source}: ${r.message}`);
  return r.expr;
}

const tex = (source: string): string => exprToTex(parse(source));

describe('exprToTex', () => {
  it.each([
    ['x^2 + 10*y^2', 'x^{2} + 10 y^{2}'],
    ['x - (y - 1)', 'x - \\left(y - 1\\right)'],
    ['-(x + y)', '-\\left(x + y\\right)'],
    ['x * (y + 1)', 'x \\cdot \\left(y + 1\\right)'],
    ['x * -y', '-x \\cdot y'],
    ['(x + 1) / (y - 2)', '\\frac{x + 1}{y - 2}'],
    ['(x*y)^2', '\\left(x \\cdot y\\right)^{2}'],
    ['(-2)^x', '\\left(-2\\right)^{x}'],
    ['x^(y^2)', 'x^{y^{2}}'],
    ['sin(x)^2', '\\sin^{2}\\left(x\\right)'],
    ['exp(x)^2', '\\left(\\exp\\left(x\\right)\\right)^{2}'],
    ['sqrt(abs(x))', '\\sqrt{\\left|x\\right|}'],
    [
      'log(x) + sigmoid(y) + softplus(x)',
      '\\ln\\left(x\\right) + \\sigma\\left(y\\right) + \\operatorname{softplus}\\left(x\\right)',
    ],
    ['min(x, pi*y)', '\\min\\left(x, \\pi y\\right)'],
    ['1e-7 * x', '10^{-7} x'],
    ['2.5e-9 * x', '2.5 \\times 10^{-9} x'],
    ['0.1234567891 * x', '0.123457 x'],
  ])('%s → %s', (source, expected) => {
    expect(tex(source)).toBe(expected);
  });

  it('renders with KaTeX for every derivative of a battery', () => {
    const sources = [
      '(1-x)^2 + 100*(y-x^2)^2',
      'sin(x)*cos(y) + 0.1*(x^2+y^2)',
      'log(1+exp(x-y))',
      'x^y / (1 + abs(y)) - tan(x)^2',
      'sigmoid(x*y) + softplus(x) + min(x, y^2) + max(sinh(x), cosh(y))',
      'sqrt(x^2 + y^2) + tanh(x - y) + 1e-7*x^-3 + (2.5e-9)^x',
      'exp(-x^2) * sign(y) + heaviside(x) + e^x + pi',
    ];
    for (const source of sources) {
      const all = exprDerivativesTex(exprDerivatives(parse(source)));
      for (const [key, formula] of Object.entries(all)) {
        expect(
          () => katex.renderToString(formula, { throwOnError: true }),
          `${source} ${key}: ${formula}`,
        ).not.toThrow();
      }
    }
  });

  it('shows a placeholder instead of an enormous formula', () => {
    const source = Array.from({ length: 40 }, (_, i) => `sin(${i + 1}*x*y)`).join(' * ');
    const d = exprDerivatives(parse(source));
    expect(exprToTex(d.fxy)).toMatch(/too long/);
    expect(exprToText(d.fxy)).toBeNull();
  });
});

describe('exprToText', () => {
  it('reads back to the same node', () => {
    for (const source of [
      '(1-x)^2 + 100*(y-x^2)^2',
      'x / (y / 2)',
      'x^-2 - -y',
      'min(x, -3) * e^pi',
    ]) {
      const d = exprDerivatives(parse(source));
      for (const node of [d.f, d.fx, d.fy, d.fxx, d.fxy, d.fyy]) {
        const text = exprToText(node) ?? '';
        const pool = new ExprPool();
        expect(pool.adopt(parse(text)), text).toBe(pool.adopt(node));
      }
    }
  });
});
