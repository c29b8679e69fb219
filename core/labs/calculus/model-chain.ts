/**
 * The Chain-rule view's numbers: for h(x) = f(g(x)) typed as an outer f(u) and an inner g(x), the
 * two factors f′(g(a)) and g′(a) and their product, beside the derivative the engine derives from
 * the composite on its own and a central difference that checks both.
 */
import { ExprPool } from '../../math/expr-ast';
import { calcParse1, calcParseOuter, calcSubstitute } from '../../math/calc-expr1';
import { calcCentral } from '../../math/calc-diff';
import { exprDiff } from '../../math/expr-diff';
import type { ExprFailure } from '../../math/expr-errors';
import { exprEvalTree } from '../../math/expr-functions';
import { exprToTex } from '../../math/expr-tex';
import type { CalculusParams } from './params';

export interface ChainModel {
  readonly ok: true;
  readonly a: number;
  readonly tex: {
    /** f(u), g(x), f(g(x)) and the engine's d/dx f(g(x)). */
    readonly outer: string;
    readonly outerPrime: string;
    readonly inner: string;
    readonly innerPrime: string;
    readonly composite: string;
    readonly compositePrime: string;
  };
  /** g(a), g′(a), f(g(a)), f′(g(a)). */
  readonly g: number;
  readonly gPrime: number;
  readonly fOfG: number;
  readonly fPrimeOfG: number;
  /** f′(g(a))·g′(a). */
  readonly product: number;
  /** The engine's derivative of the composite, at a. */
  readonly symbolic: number;
  /** The central difference of the composite at a, with its step. */
  readonly check: number;
  readonly checkH: number;
}

export type ChainResult = ChainModel | (ExprFailure & { readonly field: 'outer' | 'inner' | 'a' });

/** TeX of a function of x with its variable printed as u (commands such as \exp are left alone). */
export const texInU = (tex: string) => tex.replace(/(?<![A-Za-z\\])x(?![A-Za-z])/g, 'u');

/** Everything the Chain-rule view prints, from its params. */
export function chainModel(p: CalculusParams['chain']): ChainResult {
  const outer = calcParseOuter(p.outer);
  if (!outer.ok) return { ...outer, field: 'outer' };
  const inner = calcParse1(p.inner);
  if (!inner.ok) return { ...inner, field: 'inner' };
  const pool = new ExprPool();
  const f = pool.adopt(outer.expr);
  const g = pool.adopt(inner.expr);
  const fPrime = exprDiff(pool, f, 'x');
  const gPrime = exprDiff(pool, g, 'x');
  const composite = calcSubstitute(pool, f, g);
  const compositePrime = exprDiff(pool, composite, 'x');
  const { a } = p;
  const at = (node: typeof f, x: number) => exprEvalTree(node, x, 0);
  const gA = at(g, a);
  const values = {
    g: gA,
    gPrime: at(gPrime, a),
    fOfG: at(f, gA),
    fPrimeOfG: at(fPrime, gA),
    symbolic: at(compositePrime, a),
  };
  if (!Object.values(values).every(Number.isFinite)) {
    return {
      ok: false,
      field: 'a',
      message: `f(g(x)) or its derivative is undefined or infinite at a = ${a}; move a.`,
    };
  }
  const checkH = 1e-5 * Math.max(1, Math.abs(a));
  return {
    ok: true,
    a,
    tex: {
      outer: texInU(exprToTex(f)),
      outerPrime: texInU(exprToTex(fPrime)),
      inner: exprToTex(g),
      innerPrime: exprToTex(gPrime),
      composite: exprToTex(composite),
      compositePrime: exprToTex(compositePrime),
    },
    ...values,
    product: values.fPrimeOfG * values.gPrime,
    check: calcCentral((x) => at(composite, x), a, checkH),
    checkH,
  };
}
