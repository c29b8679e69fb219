import { all, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  exprCompile,
  exprCompileSource,
  exprEvalGrid,
  exprEvalPoint,
  exprEvalPointInto,
  type ExprCompiled,
} from '../../../core/math/expr-compile';
import { exprEvalTree } from '../../../core/math/expr-functions';
import { exprParse } from '../../../core/math/expr-parse';
import { exprToText } from '../../../core/math/expr-tex';
import { EXPR_GRID_CHUNK } from '../../../core/math/expr-run-grid';
import { rngCreate } from '../../../core/math/rng';

const math = create(all, { predictable: true });

/** Independent definitions for the functions mathjs lacks, written the naive textbook way. */
const MATHJS_EXTRAS = {
  sigmoid: (u: number) => 1 / (1 + Math.exp(-u)),
  softplus: (u: number) => Math.log(1 + Math.exp(u)),
  heaviside: (u: number) => (u > 0 ? 1 : u < 0 ? 0 : 0.5),
  ln: (u: number) => Math.log(u),
};

function compile(source: string): ExprCompiled {
  const r = exprCompileSource(source);
  if (!r.ok) throw new Error(`${source}: ${r.message}`);
  return r.compiled;
}

/** Points on [−2, 2]², where some battery entries are undefined (NaN) on purpose. */
function samplePoints(seed: number, count: number): { xs: Float64Array; ys: Float64Array } {
  const rng = rngCreate(seed);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = -2 + 4 * rng.next();
    ys[i] = -2 + 4 * rng.next();
  }
  return { xs, ys };
}

const BATTERY = [
  'x^2 + 10*y^2',
  '(1-x)^2 + 100*(y-x^2)^2',
  'sin(x)*cos(y) + 0.1*(x^2+y^2)',
  'log(1+exp(x-y))',
  'tan(x*y) - tanh(x) + sinh(y) * cosh(x)',
  'exp(-x^2) * sqrt(x^2 + y^2)',
  'abs(x) - abs(y - 1) + max(x, y) - min(x^2, 1)',
  'sigmoid(2*x) + softplus(x - y)',
  '(x^2 + 1)^y + 2^x + e^y + pi*x',
  'x / y - 1 / (x*y)',
  'log(x) + sqrt(y)',
  '(x^2 + y^2)^1.5 - x^-2 + y^0.5',
  'sign(x)*y + heaviside(y)',
  'ln(1 + x^2)*y - 7',
];

/** Relative agreement with NaN matching NaN (both undefined at the same points). */
function expectAgree(ours: number, ref: number, tol: number, what: string): void {
  if (Number.isNaN(ref) || Number.isNaN(ours)) {
    expect(Number.isNaN(ours), `${what}: ${ours} vs ${ref}`).toBe(Number.isNaN(ref));
    return;
  }
  if (!Number.isFinite(ref)) {
    expect(ours, what).toBe(ref);
    return;
  }
  const err = Math.abs(ours - ref) / Math.max(1, Math.abs(ref));
  expect(err, `${what}: ${ours} vs ${ref}`).toBeLessThanOrEqual(tol);
}

describe('values agree with mathjs evaluate', () => {
  it.each(BATTERY)('%s', (source) => {
    const compiled = compile(source);
    const reference = math.compile(source);
    const { xs, ys } = samplePoints(1, 50);
    const out = new Float64Array(1);
    for (let i = 0; i < xs.length; i++) {
      const ref = Number(reference.evaluate({ x: xs[i], y: ys[i], ...MATHJS_EXTRAS }));
      exprEvalPointInto(compiled, xs[i], ys[i], out, 0);
      expectAgree(out[0], ref, 1e-12, `${source} at (${xs[i]}, ${ys[i]})`);
    }
  });
});

describe('compiled derivative programs agree with their trees read back by mathjs', () => {
  it.each(BATTERY)('%s', (source) => {
    const compiled = compile(source);
    const { fx, fy, fxx, fxy, fyy } = compiled.derivatives;
    const roots = [fx, fy, fxx, fxy, fyy];
    const references = roots.map((node) => math.compile(exprToText(node) ?? 'NaN'));
    const { xs, ys } = samplePoints(2, 30);
    const out = new Float64Array(6);
    for (let i = 0; i < xs.length; i++) {
      exprEvalPointInto(compiled, xs[i], ys[i], out, 2);
      references.forEach((ref, j) => {
        const value = Number(ref.evaluate({ x: xs[i], y: ys[i], ...MATHJS_EXTRAS }));
        expectAgree(out[j + 1], value, 1e-9, `${source} output ${j + 1}`);
      });
    }
  });
});

describe('grid evaluation', () => {
  it.each(BATTERY)('equals point evaluation bit for bit: %s', (source) => {
    const compiled = compile(source);
    const n = 2 * EXPR_GRID_CHUNK + 37;
    const { xs, ys } = samplePoints(3, n);
    const names = ['f', 'fx', 'fy', 'fxx', 'fxy', 'fyy'] as const;
    const grid = Object.fromEntries(names.map((k) => [k, new Float64Array(n)])) as Record<
      (typeof names)[number],
      Float64Array
    >;
    exprEvalGrid(compiled, xs, ys, grid);
    const gradientOnly = {
      f: new Float64Array(n),
      fx: new Float64Array(n),
      fy: new Float64Array(n),
    };
    exprEvalGrid(compiled, xs, ys, gradientOnly);
    const point = new Float64Array(6);
    for (let i = 0; i < n; i++) {
      exprEvalPointInto(compiled, xs[i], ys[i], point, 2);
      names.forEach((k, j) => expect(Object.is(grid[k][i], point[j]), `${k}[${i}]`).toBe(true));
      expect(Object.is(gradientOnly.fx[i], point[1])).toBe(true);
      expect(Object.is(gradientOnly.fy[i], point[2])).toBe(true);
    }
  });

  it('agrees with direct tree recursion', () => {
    for (const source of BATTERY) {
      const compiled = compile(source);
      const { f, fx, fy } = compiled.derivatives;
      const { xs, ys } = samplePoints(4, 40);
      const out = { f: new Float64Array(40), fx: new Float64Array(40), fy: new Float64Array(40) };
      exprEvalGrid(compiled, xs, ys, out);
      for (let i = 0; i < 40; i++) {
        expectAgree(out.f[i], exprEvalTree(f, xs[i], ys[i]), 1e-13, source);
        expectAgree(out.fx[i], exprEvalTree(fx, xs[i], ys[i]), 1e-13, source);
        expectAgree(out.fy[i], exprEvalTree(fy, xs[i], ys[i]), 1e-13, source);
      }
    }
  });

  it('handles empty, single-point and exact-chunk lengths and fills only requested outputs', () => {
    const compiled = compile('x*y + 1');
    for (const n of [0, 1, EXPR_GRID_CHUNK, EXPR_GRID_CHUNK + 1]) {
      const { xs, ys } = samplePoints(5, n);
      const fy = new Float64Array(n).fill(-99);
      exprEvalGrid(compiled, xs, ys, { fy });
      for (let i = 0; i < n; i++) expect(fy[i]).toBe(xs[i]);
    }
  });

  it('rejects mismatched lengths with a RangeError', () => {
    const compiled = compile('x + y');
    const a = new Float64Array(4);
    expect(() => exprEvalGrid(compiled, a, new Float64Array(3), { f: a })).toThrow(RangeError);
    expect(() => exprEvalGrid(compiled, a, a, { f: new Float64Array(2) })).toThrow(RangeError);
  });
});

describe('point evaluation', () => {
  it('returns value, gradient and symmetric Hessian', () => {
    const p = exprEvalPoint(compile('(1-x)^2 + 100*(y-x^2)^2'), 1, 1);
    expect(p.value).toBe(0);
    expect(p.gradient.map((g) => g + 0)).toEqual([0, 0]);
    expect(p.hessian).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });

  it('constant derivatives come out of the program as constants', () => {
    const p = exprEvalPoint(compile('3*x - 2*y + 5'), 0.25, -4);
    expect(p.value).toBe(3 * 0.25 + 8 + 5);
    expect(p.gradient).toEqual([3, -2]);
    expect(p.hessian).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it('folds variable-free subtrees at compile time', () => {
    const r = exprParse('sin(pi/6) * x + exp(2)^2');
    if (!r.ok) throw new Error(r.message);
    const compiled = exprCompile(r.expr);
    expect(compiled.programs[0].instructionCount).toBe(2);
    expect(exprEvalPoint(compiled, 2, 0).value).toBeCloseTo(
      Math.sin(Math.PI / 6) * 2 + Math.exp(4),
      12,
    );
  });

  it('shares subexpressions between f and its derivatives', () => {
    const compiled = compile('exp(sin(x*y))');
    // f: x*y, sin, exp. The gradient reuses all three and adds cos(x*y) plus two products per
    // partial; a tree-walking evaluator would recompute x*y, sin and exp for each partial.
    expect(compiled.programs[0].instructionCount).toBe(3);
    expect(compiled.programs[1].instructionCount).toBe(8);
  });
});
