/**
 * Scalar definitions of the non-Math functions of the expression language, shared by the
 * evaluators and the compile-time constant folder so every path computes bit-identical values.
 */
import type { ExprFunctionName, ExprNode } from './expr-ast';
import { logisticSigmoid, logisticSoftplus } from './logistic';

/** σ(u) and softplus(u) of the expression language: the app's one definition (math/logistic). */
export { logisticSigmoid as exprSigmoid, logisticSoftplus as exprSoftplus } from './logistic';

/** sign(u) ∈ {−1, 0, 1}; NaN stays NaN. */
export function exprSign(u: number): number {
  return u > 0 ? 1 : u < 0 ? -1 : u === 0 ? 0 : NaN;
}

/** Heaviside step H(u): 0 for u<0, ½ at u=0, 1 for u>0; NaN stays NaN. */
export function exprHeaviside(u: number): number {
  return u > 0 ? 1 : u < 0 ? 0 : u === 0 ? 0.5 : NaN;
}

/** Applies a named function to scalar arguments (b is used only by min and max). */
export function exprApplyFunction(fn: ExprFunctionName, a: number, b = NaN): number {
  switch (fn) {
    case 'sin':
      return Math.sin(a);
    case 'cos':
      return Math.cos(a);
    case 'tan':
      return Math.tan(a);
    case 'exp':
      return Math.exp(a);
    case 'log':
      return Math.log(a);
    case 'sqrt':
      return Math.sqrt(a);
    case 'abs':
      return Math.abs(a);
    case 'tanh':
      return Math.tanh(a);
    case 'sinh':
      return Math.sinh(a);
    case 'cosh':
      return Math.cosh(a);
    case 'sigmoid':
      return logisticSigmoid(a);
    case 'softplus':
      return logisticSoftplus(a);
    case 'sign':
      return exprSign(a);
    case 'heaviside':
      return exprHeaviside(a);
    case 'min':
      return Math.min(a, b);
    case 'max':
      return Math.max(a, b);
  }
}

/**
 * Value of a node by direct recursion at (x, y) — the slow, obviously-correct reference path, used
 * for compile-time folding of variable-free subtrees and in tests. `memo` caches shared nodes.
 */
export function exprEvalTree(
  node: ExprNode,
  x: number,
  y: number,
  memo: Map<ExprNode, number> = new Map(),
): number {
  const cached = memo.get(node);
  if (cached !== undefined) return cached;
  const ev = (n: ExprNode): number => exprEvalTree(n, x, y, memo);
  let v: number;
  switch (node.kind) {
    case 'num':
    case 'const':
      v = node.value;
      break;
    case 'var':
      v = node.name === 'x' ? x : y;
      break;
    case 'neg':
      v = -ev(node.arg);
      break;
    case 'add':
      v = ev(node.left) + ev(node.right);
      break;
    case 'sub':
      v = ev(node.left) - ev(node.right);
      break;
    case 'mul':
      v = ev(node.left) * ev(node.right);
      break;
    case 'div':
      v = ev(node.left) / ev(node.right);
      break;
    case 'pow':
      v = Math.pow(ev(node.left), ev(node.right));
      break;
    case 'call':
      v = exprApplyFunction(
        node.fn,
        ev(node.args[0]),
        node.args.length > 1 ? ev(node.args[1]) : NaN,
      );
      break;
  }
  memo.set(node, v);
  return v;
}
