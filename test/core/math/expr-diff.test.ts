import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { ExprPool, exprNodeCount, type ExprNode } from '../../../core/math/expr-ast';
import { exprCompile, exprEvalPointInto, type ExprCompiled } from '../../../core/math/expr-compile';
import { exprDerivatives, exprDiff } from '../../../core/math/expr-diff';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { exprParse } from '../../../core/math/expr-parse';
import { exprToText } from '../../../core/math/expr-tex';
import { rngCreate } from '../../../core/math/rng';

const math = create(all, { predictable: true });

function parse(source: string): ExprNode {
  const r = exprParse(source);
  if (!r.ok) throw new Error(`${source}: ${r.message}`);
  return r.expr;
}

function compile(source: string): ExprCompiled {
  return exprCompile(parse(source));
}

/**
 * Smooth on the sampling box [0.2, 1.4]² (arguments of log/sqrt stay positive, tan stays inside
 * (−π/2, π/2), kinks of abs/min/max are hit with probability 0). Every function and operator is
 * exercised through an inner non-trivial argument so the chain rule is tested, not just the table.
 */
const BATTERY = [
  'x^2 + 10*y^2',
  '(1-x)^2 + 100*(y-x^2)^2',
  'sin(x)*cos(y) + 0.1*(x^2+y^2)',
  'log(1+exp(x-y))',
  'sin(x*y) + cos(x^2 - y)',
  'tan(0.5*x*y)',
  'exp(-x^2 - 0.5*y^2)',
  'log(1 + x^2 + y)',
  'ln(x*y)',
  'sqrt(x + y^2 + 0.5)',
  'abs(x - 2*y) + abs(sin(3*x))',
  'tanh(2*x - y) * y',
  'sinh(x - y) + cosh(x*y)',
  'sigmoid(3*x - 2*y)',
  'softplus(x*y - 1)',
  'min(x^2, y) + max(x*y, sin(y))',
  'x^y + y^x',
  '2^(x*y) + e^(x - y) + pi^x',
  'x / (1 + y^2) - y / (x + 1)',
  '(x + y)^-1.5 + (x*y)^0.5 + x^3*y^-2',
  '-(x - y)^3 / 3',
  'sigmoid(sin(x)) * softplus(cos(y)) / sqrt(x)',
  'exp(sin(x*y)) * log(cosh(y - x) + 1)',
  'x*y',
  '7',
];

function samplePoints(seed: number, count: number): [number, number][] {
  const rng = rngCreate(seed);
  return Array.from({ length: count }, () => [0.2 + 1.2 * rng.next(), 0.2 + 1.2 * rng.next()]);
}

/** |a − b| ≤ tol · scale, componentwise. */
function expectClose(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  tol: number,
  scale: number,
  what: string,
): void {
  for (let i = 0; i < a.length; i++) {
    const err = Math.abs(a[i] - b[i]);
    if (!(err <= tol * scale))
      throw new Error(`${what}[${i}]: ${a[i]} vs ${b[i]} (err ${err}, scale ${scale})`);
  }
}

describe('exact derivatives agree with central finite differences', () => {
  it.each(BATTERY)('%s', (source) => {
    const compiled = compile(source);
    const out = new Float64Array(6);
    const grad = new Float64Array(3);
    const value = (p: Float64Array): number => exprEvalPointInto(compiled, p[0], p[1], grad, 0)[0];
    const gradient = (p: Float64Array, j: number): number =>
      exprEvalPointInto(compiled, p[0], p[1], grad, 1)[j];
    for (const [x, y] of samplePoints(42, 20)) {
      exprEvalPointInto(compiled, x, y, out, 2);
      const [f, fx, fy, fxx, fxy, fyy] = out;
      const fd = finiteDiffGradient(value, [x, y]);
      expectClose(
        [fx, fy],
        fd,
        2e-7,
        Math.max(1, Math.abs(f), Math.abs(fx), Math.abs(fy)),
        `${source} ∇f at (${x}, ${y})`,
      );
      // Hessian rows by differencing the analytic gradient: an independent check of fxx, fxy, fyy.
      const row1 = finiteDiffGradient((p) => gradient(p, 1), [x, y]);
      const row2 = finiteDiffGradient((p) => gradient(p, 2), [x, y]);
      const scale = Math.max(
        1,
        Math.abs(fx),
        Math.abs(fy),
        Math.abs(fxx),
        Math.abs(fxy),
        Math.abs(fyy),
      );
      expectClose(
        [fxx, fxy, fxy, fyy],
        [row1[0], row1[1], row2[0], row2[1]],
        2e-7,
        scale,
        `${source} H at (${x}, ${y})`,
      );
    }
  });
});

describe('exact derivatives agree with mathjs derivative()', () => {
  const mathjsKnown = BATTERY.filter((s) => !/sigmoid|softplus|min|max|ln/.test(s));
  it.each(mathjsKnown)('%s', (source) => {
    const compiled = compile(source);
    const dx = math.compile(math.derivative(source, 'x').toString());
    const dy = math.compile(math.derivative(source, 'y').toString());
    const out = new Float64Array(3);
    for (const [x, y] of samplePoints(9, 10)) {
      exprEvalPointInto(compiled, x, y, out, 1);
      const ref = [Number(dx.evaluate({ x, y })), Number(dy.evaluate({ x, y }))];
      expectClose(
        [out[1], out[2]],
        ref,
        1e-11,
        Math.max(1, Math.abs(ref[0]), Math.abs(ref[1])),
        source,
      );
    }
  });
});

describe('simplification keeps derivatives small and exact', () => {
  const text = (node: ExprNode): string | null => exprToText(node);

  it('d/dx of a constant or of a y-only expression is the literal 0', () => {
    for (const source of ['7', 'pi^2 + sin(3)', 'y^3 + exp(y)', 'log(2)*y']) {
      const d = exprDerivatives(parse(source));
      expect(d.fx.kind).toBe('num');
      expect(text(d.fx)).toBe('0');
      expect(text(d.fxx)).toBe('0');
      expect(text(d.fxy)).toBe('0');
    }
  });

  it('basic rules print in closed form', () => {
    const d = exprDerivatives(parse('x^2 + 10*y^2'));
    expect([d.fx, d.fy, d.fxx, d.fxy, d.fyy].map(text)).toEqual([
      '2 * x',
      '20 * y',
      '2',
      '0',
      '20',
    ]);
    expect(text(exprDerivatives(parse('x')).fx)).toBe('1');
    expect(text(exprDerivatives(parse('sin(x)')).fx)).toBe('cos(x)');
    expect(text(exprDerivatives(parse('exp(x)')).fxx)).toBe('exp(x)');
    expect(text(exprDerivatives(parse('x*y')).fxy)).toBe('1');
    expect(text(exprDerivatives(parse('log(x)')).fx)).toBe('1 / x');
    expect(text(exprDerivatives(parse('(1-x)^2 + 100*(y-x^2)^2')).fxy)).toBe('(-400) * x');
  });

  it('trivial algebra in the pool', () => {
    const pool = new ExprPool();
    const x = pool.variable('x');
    expect(pool.mul(pool.num(0), x)).toBe(pool.num(0));
    expect(pool.mul(pool.num(1), x)).toBe(x);
    expect(pool.add(x, pool.num(0))).toBe(x);
    expect(pool.sub(x, x)).toBe(pool.num(0));
    expect(pool.pow(x, pool.num(1))).toBe(x);
    expect(pool.pow(x, pool.num(0))).toBe(pool.num(1));
    expect(pool.neg(pool.neg(x))).toBe(x);
    expect(pool.mul(pool.num(2), pool.mul(pool.num(3), x))).toBe(pool.mul(pool.num(6), x));
    expect(pool.div(pool.num(1), pool.num(0)).kind).toBe('div');
    expect(pool.add(pool.call('sin', [x]), pool.call('sin', [x]))).toBe(
      pool.add(pool.call('sin', [x]), pool.call('sin', [x])),
    );
  });

  it('shared subexpressions keep deep compositions linear in size', () => {
    const depth = 30;
    const source = 'sin('.repeat(depth) + 'x*y' + ')'.repeat(depth);
    const d = exprDerivatives(parse(source));
    const count = exprNodeCount(d.f, d.fx, d.fy, d.fxx, d.fxy, d.fyy);
    expect(count).toBeLessThan(40 * depth);
  });

  it('exprDiff reuses its memo within one pool', () => {
    const pool = new ExprPool();
    const f = pool.adopt(parse('exp(x*y) + exp(x*y)^2'));
    const memo = new Map<ExprNode, ExprNode>();
    const first = exprDiff(pool, f, 'x', memo);
    expect(exprDiff(pool, f, 'x', memo)).toBe(first);
  });
});
