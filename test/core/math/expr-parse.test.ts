import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exprCompileSource } from '../../../core/math/expr-compile';
import { EXPR_SOURCE_MAX_LENGTH, exprParse } from '../../../core/math/expr-parse';
import { exprToText } from '../../../core/math/expr-tex';

function failure(source: string): { message: string; column?: number } {
  const r = exprParse(source);
  if (r.ok) throw new Error(`expected '${source}' to be rejected`);
  return r;
}

describe('exprParse accepts the supported language', () => {
  it.each([
    ['x^2 + 10*y^2', '(x^2) + (10 * (y^2))'],
    ['sin(x)*cos(y) + 0.1*(x^2+y^2)', '(sin(x) * cos(y)) + (0.1 * ((x^2) + (y^2)))'],
    ['log(1+exp(x-y))', 'log(1 + exp(x - y))'],
    ['(1-x)^2 + 100*(y-x^2)^2', '((1 - x)^2) + (100 * ((y - (x^2))^2))'],
    ['ln(x) + pi*e', 'log(x) + (pi * e)'],
    ['2x + 3y', '(2 * x) + (3 * y)'],
    ['-x^2', '-(x^2)'],
    ['2^-x', '2^(-x)'],
    ['+x', 'x'],
    ['min(x, y) + max(x, 1)', 'min(x, y) + max(x, 1)'],
    ['sigmoid(x) * softplus(y) + tanh(x) + sinh(y) + cosh(x) + sqrt(abs(y)) + tan(x)', null],
    ['x .* y ./ 2', '(x * y) / 2'],
  ])('%s', (source, text) => {
    const r = exprParse(source);
    expect(r.ok).toBe(true);
    if (r.ok && text !== null) expect(exprToText(r.expr)).toBe(text);
  });
});

describe('exprParse explains what is wrong', () => {
  it('syntax error x^^2 points at the second ^', () => {
    const f = failure('x^^2');
    expect(f.message).toMatch(/syntax error at column 3/i);
    expect(f.column).toBe(3);
  });

  it('unclosed parenthesis names the opening one', () => {
    const f = failure('(x+1');
    expect(f.message).toMatch(/parenthes/i);
    expect(f.message).toMatch(/never closed/);
    expect(f.column).toBe(1);
  });

  it('unmatched closing parenthesis', () => {
    const f = failure('x+1)');
    expect(f.message).toMatch(/parenthes/i);
    expect(f.column).toBe(4);
  });

  it('mismatched bracket kinds', () => {
    expect(failure('(x+1]').message).toMatch(/mismatched/i);
  });

  it('unknown variable z, with its column', () => {
    const f = failure('x + z');
    expect(f.message).toMatch(/unknown name 'z'/i);
    expect(f.message).toMatch(/x and y/);
    expect(f.column).toBe(5);
  });

  it('unknown function lists the known ones', () => {
    const f = failure('2*foo(x)');
    expect(f.message).toMatch(/unknown function 'foo'/i);
    expect(f.message).toMatch(/known: .*sin.*cos.*exp.*log/i);
    expect(f.column).toBe(3);
  });

  it('suggests a near miss', () => {
    expect(failure('sine(x)').message).toMatch(/did you mean 'sin'/i);
    expect(failure('xy').message).toMatch(/x\*y/);
  });

  it('wrong arity', () => {
    expect(failure('sin(x, y)').message).toMatch(/sin takes 1 argument but was given 2/);
    expect(failure('max(x)').message).toMatch(/max takes 2 arguments but was given 1/);
    expect(failure('log(x, 2)').message).toMatch(/natural logarithm/);
  });

  it('empty and blank input', () => {
    expect(failure('').message).toMatch(/type a function/i);
    expect(failure('   ').message).toMatch(/type a function/i);
  });

  it('function name without parentheses', () => {
    expect(failure('sin x').message).toMatch(/write sin\(…\)/);
  });

  it('unsupported constructs', () => {
    expect(failure('x == 2').message).toMatch(/operator '==' is not supported/i);
    expect(failure('x!').message).toMatch(/operator '!'/i);
    expect(failure('f(x, y) = x').message).toMatch(/only the expression/i);
    expect(failure('x; y').message).toMatch(/single expression/i);
    expect(failure('x > 0 ? x : y').message).toMatch(/conditionals/i);
    expect(failure('[x, y]').message).toMatch(/matrices/i);
    expect(failure('"x"').message).toMatch(/not a number/i);
    expect(failure('NaN * x').message).toMatch(/NaN/);
    expect(failure('1e999 * x').message).toMatch(/too large/);
    expect(failure('x²').message).toMatch(/column 2.*'²'/);
    expect(failure('x'.repeat(EXPR_SOURCE_MAX_LENGTH + 1)).message).toMatch(/too long/);
    expect(failure('('.repeat(400) + 'x' + ')'.repeat(400)).message).toMatch(/nested too deeply/);
  });
});

describe('exprParse and exprCompileSource never throw', () => {
  const alphabet = 'xyz()[]+-*/^., 0123456789sincotaexplgqrbhmfdu;=!?:"'.split('');
  it('on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), (chars) => {
        const source = chars.join('');
        const parsed = exprParse(source);
        const compiled = exprCompileSource(source);
        expect(parsed.ok).toBe(compiled.ok);
        if (!parsed.ok) {
          expect(parsed.message.length).toBeGreaterThan(0);
          if (parsed.column !== undefined) {
            expect(parsed.column).toBeGreaterThanOrEqual(1);
            expect(parsed.column).toBeLessThanOrEqual(source.length + 1);
          }
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
