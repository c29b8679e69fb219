/**
 * Exact symbolic differentiation of an {@link ExprNode} by the chain rule. Derivatives are built in
 * the same hash-consing {@link ExprPool} as f, so f, ∂f/∂x, ∂f/∂y and the Hessian share every common
 * subexpression (e.g. the cos(u) in d sin(u) is the node of f's own cos if it has one), and each
 * node is differentiated once per variable (memoised), which keeps the work linear in the DAG size.
 */
import {
  ExprPool,
  exprNodeCount,
  exprVariableBit,
  type ExprNode,
  type ExprVariable,
} from './expr-ast';

/** f with its gradient and Hessian entries, all nodes of one pool. fxy = ∂²f/∂x∂y = ∂²f/∂y∂x. */
export interface ExprDerivatives {
  readonly pool: ExprPool;
  readonly f: ExprNode;
  readonly fx: ExprNode;
  readonly fy: ExprNode;
  readonly fxx: ExprNode;
  readonly fxy: ExprNode;
  readonly fyy: ExprNode;
}

/** ln of a constant node without a call where it is exact: ln e = 1, ln of a literal folded. */
function lnOf(pool: ExprPool, c: ExprNode): ExprNode {
  if (c.kind === 'const' && c.name === 'e') return pool.num(1);
  if (c.kind === 'num' && c.value > 0) return pool.num(Math.log(c.value));
  return pool.call('log', [c]);
}

/** d outer(u)/du for the one-argument functions, as a node in u (the call node is `self`). */
function outerDerivative(pool: ExprPool, self: ExprNode & { kind: 'call' }): ExprNode {
  const u = self.args[0];
  const one = pool.num(1);
  switch (self.fn) {
    case 'sin':
      return pool.call('cos', [u]);
    case 'cos':
      return pool.neg(pool.call('sin', [u]));
    case 'tan':
      return pool.add(one, pool.pow(self, pool.num(2)));
    case 'exp':
      return self;
    case 'log':
      return pool.div(one, u);
    case 'sqrt':
      return pool.div(one, pool.mul(pool.num(2), self));
    case 'abs':
      return pool.call('sign', [u]);
    case 'tanh':
      return pool.sub(one, pool.pow(self, pool.num(2)));
    case 'sinh':
      return pool.call('cosh', [u]);
    case 'cosh':
      return pool.call('sinh', [u]);
    case 'sigmoid':
      return pool.mul(self, pool.sub(one, self));
    case 'softplus':
      return pool.call('sigmoid', [u]);
    default:
      // sign and heaviside are piecewise constant: derivative 0 wherever it exists.
      return pool.num(0);
  }
}

/**
 * ∂node/∂variable as a node of `pool` (which must own `node`). `memo` caches per variable; pass the
 * same map for repeated calls with one variable. Conventions at kinks: d|u| = sign(u)·du (0 at 0);
 * d min(a,b) = H(b−a)·da + H(a−b)·db with H(0) = ½, the mean of the one-sided derivatives.
 */
export function exprDiff(
  pool: ExprPool,
  node: ExprNode,
  variable: ExprVariable,
  memo: Map<ExprNode, ExprNode> = new Map(),
): ExprNode {
  if ((node.vars & exprVariableBit(variable)) === 0) return pool.num(0);
  const cached = memo.get(node);
  if (cached) return cached;
  const d = (n: ExprNode): ExprNode => exprDiff(pool, n, variable, memo);
  let out: ExprNode;
  switch (node.kind) {
    case 'var':
      out = pool.num(1);
      break;
    case 'neg':
      out = pool.neg(d(node.arg));
      break;
    case 'add':
      out = pool.add(d(node.left), d(node.right));
      break;
    case 'sub':
      out = pool.sub(d(node.left), d(node.right));
      break;
    case 'mul': {
      const { left: a, right: b } = node;
      out = pool.add(pool.mul(d(a), b), pool.mul(a, d(b)));
      break;
    }
    case 'div': {
      const { left: a, right: b } = node;
      if ((b.vars & exprVariableBit(variable)) === 0) out = pool.div(d(a), b);
      else {
        const numerator = pool.sub(pool.mul(d(a), b), pool.mul(a, d(b)));
        out = pool.div(numerator, pool.pow(b, pool.num(2)));
      }
      break;
    }
    case 'pow':
      out = powDerivative(pool, node.left, node.right, node, d);
      break;
    case 'call':
      if (node.fn === 'min' || node.fn === 'max') {
        const [a, b] = node.args;
        const [lo, hi] = node.fn === 'min' ? [a, b] : [b, a];
        const pickA = pool.call('heaviside', [pool.sub(hi, lo)]);
        const pickB = pool.call('heaviside', [pool.sub(lo, hi)]);
        out = pool.add(pool.mul(pickA, d(a)), pool.mul(pickB, d(b)));
      } else {
        out = pool.mul(d(node.args[0]), outerDerivative(pool, node));
      }
      break;
    default:
      out = pool.num(0);
  }
  memo.set(node, out);
  return out;
}

/**
 * d(u^v): constant exponent → v·u^(v−1)·du; constant base c → c^v·ln c·dv;
 * otherwise u^v·(dv·ln u + v·du/u).
 */
function powDerivative(
  pool: ExprPool,
  u: ExprNode,
  v: ExprNode,
  self: ExprNode,
  d: (n: ExprNode) => ExprNode,
): ExprNode {
  if (v.vars === 0) {
    const lowered = pool.pow(u, pool.sub(v, pool.num(1)));
    return pool.mul(pool.mul(v, lowered), d(u));
  }
  if (u.vars === 0) return pool.mul(pool.mul(self, lnOf(pool, u)), d(v));
  const viaExponent = pool.mul(d(v), pool.call('log', [u]));
  const viaBase = pool.div(pool.mul(v, d(u)), u);
  return pool.mul(self, pool.add(viaExponent, viaBase));
}

/**
 * f, ∇f = (fx, fy) and the Hessian [[fxx, fxy], [fxy, fyy]] of an expression, rebuilt into a fresh
 * pool so every result shares structure. fxy is taken as ∂(fx)/∂y.
 */
export function exprDerivatives(expr: ExprNode): ExprDerivatives {
  return exprDerivativesWithin(expr, Infinity) as ExprDerivatives;
}

/**
 * {@link exprDerivatives}, or null as soon as the DAG grows past `maxNodes` distinct nodes: f is
 * counted before it is differentiated, f with its gradient before the Hessian is built, and all
 * six at the end. The work done is therefore bounded by the limit, whatever the expression.
 */
export function exprDerivativesWithin(expr: ExprNode, maxNodes: number): ExprDerivatives | null {
  const over = (...roots: ExprNode[]) => maxNodes < Infinity && exprNodeCount(...roots) > maxNodes;
  if (over(expr)) return null;
  const pool = new ExprPool();
  const f = pool.adopt(expr);
  const memoX = new Map<ExprNode, ExprNode>();
  const memoY = new Map<ExprNode, ExprNode>();
  const fx = exprDiff(pool, f, 'x', memoX);
  const fy = exprDiff(pool, f, 'y', memoY);
  if (over(f, fx, fy)) return null;
  const fxx = exprDiff(pool, fx, 'x', memoX);
  const fxy = exprDiff(pool, fx, 'y', memoY);
  const fyy = exprDiff(pool, fy, 'y', memoY);
  if (over(f, fx, fy, fxx, fxy, fyy)) return null;
  return { pool, f, fx, fy, fxx, fxy, fyy };
}
