// Names inherited from Object.prototype (constructor, __proto__, toString, …) are not names of the
// expression language: they must be refused as unknown, never read as the constant e or called
// as a function "that takes undefined arguments".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exprCompileSource } from '../../../core/math/expr-compile';
import { exprParse } from '../../../core/math/expr-parse';

const INHERITED = Object.getOwnPropertyNames(Object.prototype);

function failure(source: string): { message: string; column?: number } {
  const r = exprParse(source);
  if (r.ok) throw new Error(`expected '${source}' to be rejected`);
  return r;
}

describe('names inherited from Object.prototype', () => {
  it('the list covers the names the issue found', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
      expect(INHERITED).toContain(name);
    }
  });

  it.each(INHERITED)('%s alone is an unknown name, with its column', (name) => {
    const f = failure(`x + ${name}`);
    expect(f.message).toBe(
      `Unknown name '${name}' at column 5: f may use only the variables x and y and the constants pi and e.`,
    );
    expect(f.column).toBe(5);
  });

  it.each(INHERITED)('%s(x) is an unknown function', (name) => {
    const f = failure(`${name}(x)`);
    expect(f.message).toMatch(new RegExp(`^Unknown function '${name}' at column 1\\.`));
    expect(f.message).toMatch(/Known: sin, cos, /);
    expect(f.message).not.toMatch(/undefined/);
    expect(f.column).toBe(1);
  });

  it('the known names still work', () => {
    for (const source of ['e', 'E', 'pi', 'PI', 'π', 'ln(x)', 'max(x, y)', 'sin(e*x)']) {
      expect(exprParse(source).ok).toBe(true);
    }
  });

  it('fuzz: an inherited name anywhere in an expression is refused as unknown', () => {
    const name = fc.constantFrom(...INHERITED);
    const shape = fc.constantFrom(
      (n: string) => n,
      (n: string) => `x*${n}`,
      (n: string) => `${n}^2 + y`,
      (n: string) => `sin(${n})`,
      (n: string) => `${n}(x)`,
      (n: string) => `${n}(x, y)`,
      (n: string) => `${n}()`,
      (n: string) => `max(x, ${n}(y))`,
      (n: string) => `-${n} / 2`,
    );
    fc.assert(
      fc.property(name, shape, (n, make) => {
        const source = make(n);
        for (const r of [exprParse(source), exprCompileSource(source)]) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.message).toMatch(new RegExp(`^Unknown (name|function) '${n}'`));
            expect(r.message).not.toMatch(/undefined/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
