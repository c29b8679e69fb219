/**
 * Functions of one variable for the Calculus lab, on the Descent lab's expression engine: the
 * typed f(x) is read by the same parser, differentiated by the same symbolic rules (repeatedly,
 * for Taylor coefficients) and run by the same bytecode evaluator.
 */
import { ExprPool, exprNodeCount, type ExprNode } from './expr-ast';
import { EXPR_MAX_NODES } from './expr-compile';
import { exprDiff } from './expr-diff';
import { exprColumnOfName, exprFailure, type ExprResult } from './expr-errors';
import { exprParse } from './expr-parse';
import { exprProgramCompile, type ExprProgram } from './expr-program';
import { exprProgramRunPoint } from './expr-run-point';

/** Reads f(x): the engine's parser, refusing y (this lab's functions have one variable). */
export function calcParse1(source: string): ExprResult<{ readonly expr: ExprNode }> {
  const parsed = exprParse(source);
  if (!parsed.ok) {
    const message = parsed.message.replace(
      'f may use only the variables x and y',
      'f may use only the variable x',
    );
    return { ...parsed, message };
  }
  if (parsed.expr.vars & 2) {
    const column = exprColumnOfName(source, 'y');
    const where = column === undefined ? '' : ` at column ${column}`;
    return exprFailure(`This view takes a function of x alone; remove y${where}.`, column);
  }
  return parsed;
}

/**
 * Reads an outer function written in u (for f(g(x))). The text is read with u standing for the
 * engine's x (same length, so columns stay right); a typed x is refused.
 */
export function calcParseOuter(source: string): ExprResult<{ readonly expr: ExprNode }> {
  const xAt = exprColumnOfName(source, 'x');
  if (xAt !== undefined) {
    return exprFailure(
      `Write the outer function in u (it is applied to g(x)); x at column ${xAt}.`,
      xAt,
    );
  }
  const swapped = source.replace(/(?<![A-Za-z0-9_.])u(?![A-Za-z0-9_])/g, 'x');
  const parsed = calcParse1(swapped);
  if (parsed.ok) return parsed;
  return { ...parsed, message: parsed.message.replace(/the variable x\b/, 'the variable u') };
}

/** node with every x replaced by `by`, rebuilt in `pool` (the composite outer(by)). */
export function calcSubstitute(pool: ExprPool, node: ExprNode, by: ExprNode): ExprNode {
  const memo = new Map<ExprNode, ExprNode>();
  const go = (n: ExprNode): ExprNode => {
    const seen = memo.get(n);
    if (seen) return seen;
    let out: ExprNode;
    switch (n.kind) {
      case 'num':
        out = pool.num(n.value);
        break;
      case 'const':
        out = pool.constant(n.name);
        break;
      case 'var':
        out = n.name === 'x' ? by : pool.variable(n.name);
        break;
      case 'neg':
        out = pool.neg(go(n.arg));
        break;
      case 'call':
        out = pool.call(n.fn, n.args.map(go));
        break;
      default:
        out = pool[n.kind](go(n.left), go(n.right));
    }
    memo.set(n, out);
    return out;
  };
  return go(node);
}

/** f and its derivatives f, f′, …, f⁽ᵏ⁾ as nodes of one pool, and a program computing them all. */
export interface CalcDerivatives1 {
  readonly pool: ExprPool;
  /** nodes[k] = dᵏf/dxᵏ. */
  readonly nodes: readonly ExprNode[];
  /** The highest order that could be built (≤ the order asked; lower when the DAG grew too big). */
  readonly order: number;
  readonly program: ExprProgram;
  /** f alone, for drawing curves. */
  readonly valueProgram: ExprProgram;
}

/**
 * Differentiates f up to `order` times symbolically. Stops early when f with its derivatives
 * would pass `maxNodes` distinct nodes (the engine's bound), reporting the order it reached.
 */
export function calcDerivatives1(
  expr: ExprNode,
  order: number,
  maxNodes = EXPR_MAX_NODES,
): CalcDerivatives1 {
  const pool = new ExprPool();
  const nodes = [pool.adopt(expr)];
  const memo = new Map<ExprNode, ExprNode>();
  for (let k = 1; k <= order; k++) {
    const next = exprDiff(pool, nodes[k - 1], 'x', memo);
    if (exprNodeCount(...nodes, next) > maxNodes) break;
    nodes.push(next);
  }
  return {
    pool,
    nodes,
    order: nodes.length - 1,
    program: exprProgramCompile(nodes),
    valueProgram: exprProgramCompile([nodes[0]]),
  };
}

/** [f(a), f′(a), …, f⁽ᵏ⁾(a)] in float64 by the compiled program. */
export function calcDerivativesAt(d: CalcDerivatives1, a: number): Float64Array {
  return exprProgramRunPoint(d.program, a, 0, new Float64Array(d.nodes.length));
}

/** f(x) at one x in float64. */
export function calcValueAt(d: CalcDerivatives1, x: number): number {
  return exprProgramRunPoint(d.valueProgram, x, 0, new Float64Array(1))[0];
}

/** f(x) at each x. */
export function calcValues(d: CalcDerivatives1, xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(xs.length);
  const scratch = new Float64Array(1);
  for (let i = 0; i < xs.length; i++)
    out[i] = exprProgramRunPoint(d.valueProgram, xs[i], 0, scratch)[0];
  return out;
}
