/**
 * The small expression tree behind a user's custom f(x, y): number constants, the variables x and
 * y, the constants π and e, the arithmetic operators and a fixed table of scalar functions.
 *
 * Nodes are immutable and hash-consed inside an {@link ExprPool}: building the same subexpression
 * twice returns the same object, so f and its derivatives share subtrees (a DAG, not a tree) and
 * the compiler evaluates each shared subexpression once. The pool's constructors also apply the
 * trivial algebra (0 + a = a, 1·a = a, numeric folding, …) that keeps derivatives small.
 */

/** Names of the scalar functions the evaluator knows, all ℝ → ℝ except min/max (ℝ² → ℝ). */
export type ExprFunctionName =
  | 'sin'
  | 'cos'
  | 'tan'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'tanh'
  | 'sinh'
  | 'cosh'
  | 'sigmoid'
  | 'softplus'
  | 'sign'
  | 'heaviside'
  | 'min'
  | 'max';

/**
 * Arity of each function. log is the natural logarithm; sigmoid(u) = 1/(1+e^{−u});
 * softplus(u) = ln(1+e^u); sign(0) = 0; heaviside(u) = 0 for u<0, ½ at 0, 1 for u>0 (it appears in
 * the derivatives of min and max).
 */
export const EXPR_FUNCTION_ARITY: Readonly<Record<ExprFunctionName, number>> = {
  sin: 1,
  cos: 1,
  tan: 1,
  exp: 1,
  log: 1,
  sqrt: 1,
  abs: 1,
  tanh: 1,
  sinh: 1,
  cosh: 1,
  sigmoid: 1,
  softplus: 1,
  sign: 1,
  heaviside: 1,
  min: 2,
  max: 2,
};

/** Variable names; the bitmask of a node's variables uses x → 1, y → 2. */
export type ExprVariable = 'x' | 'y';

/** Bit of a variable in {@link ExprNodeCommon.vars}. */
export function exprVariableBit(name: ExprVariable): number {
  return name === 'x' ? 1 : 2;
}

/** Binary operator kinds: a+b, a−b, a·b, a/b, a^b. */
export type ExprBinaryKind = 'add' | 'sub' | 'mul' | 'div' | 'pow';

/** Fields every node has: an id unique within its pool and the bitmask of variables it uses. */
export interface ExprNodeCommon {
  readonly id: number;
  readonly vars: number;
}

/** A node of the expression DAG. `num` values are finite float64; `const` is π or e. */
export type ExprNode =
  | (ExprNodeCommon & { readonly kind: 'num'; readonly value: number })
  | (ExprNodeCommon & { readonly kind: 'const'; readonly name: 'pi' | 'e'; readonly value: number })
  | (ExprNodeCommon & { readonly kind: 'var'; readonly name: ExprVariable })
  | (ExprNodeCommon & { readonly kind: 'neg'; readonly arg: ExprNode })
  | (ExprNodeCommon & {
      readonly kind: ExprBinaryKind;
      readonly left: ExprNode;
      readonly right: ExprNode;
    })
  | (ExprNodeCommon & {
      readonly kind: 'call';
      readonly fn: ExprFunctionName;
      readonly args: readonly ExprNode[];
    });

/** True when the node is the number literal v (π and e are not literals). */
export function exprIsNum(node: ExprNode, v?: number): boolean {
  return node.kind === 'num' && (v === undefined || node.value === v);
}

/** A product with a negative numeric coefficient, −c·u, which reads better as a subtraction. */
function isNegativeTerm(node: ExprNode): boolean {
  return node.kind === 'mul' && node.left.kind === 'num' && node.left.value < 0;
}

/**
 * Hash-consing factory with simplifying constructors. Equal structure ⇒ same object, so `a === b`
 * is structural equality for nodes of one pool. Numeric folding happens only when the result is
 * finite, so e.g. 1/0 stays a division and evaluates to Infinity at run time as typed.
 */
export class ExprPool {
  private readonly table = new Map<string, ExprNode>();
  private readonly adopted = new Map<ExprNode, ExprNode>();

  /** Number of distinct nodes created so far. */
  get size(): number {
    return this.table.size;
  }

  private intern<T extends ExprNode>(key: string, make: (id: number) => T): ExprNode {
    const found = this.table.get(key);
    if (found) return found;
    const node = make(this.table.size);
    this.table.set(key, node);
    return node;
  }

  /** The number literal v (folded −0 is kept distinct from 0 because 1/−0 = −∞). */
  num(value: number): ExprNode {
    const key = Object.is(value, -0) ? 'n-0' : `n${value}`;
    return this.intern(key, (id) => ({ id, vars: 0, kind: 'num', value }));
  }

  /** π or e. */
  constant(name: 'pi' | 'e'): ExprNode {
    const value = name === 'pi' ? Math.PI : Math.E;
    return this.intern(`c${name}`, (id) => ({ id, vars: 0, kind: 'const', name, value }));
  }

  /** The variable x or y. */
  variable(name: ExprVariable): ExprNode {
    const vars = exprVariableBit(name);
    return this.intern(`v${name}`, (id) => ({ id, vars, kind: 'var', name }));
  }

  /** −a, folding −(−a) = a, −(a−b) = b−a and −(c·a) = (−c)·a. */
  neg(a: ExprNode): ExprNode {
    if (a.kind === 'num') return this.num(-a.value);
    if (a.kind === 'neg') return a.arg;
    if (a.kind === 'sub') return this.sub(a.right, a.left);
    if (a.kind === 'mul' && a.left.kind === 'num')
      return this.mul(this.num(-a.left.value), a.right);
    return this.intern(`-${a.id}`, (id) => ({ id, vars: a.vars, kind: 'neg', arg: a }));
  }

  /** a + b with 0 + a = a and a + (−b) = a − b. */
  add(a: ExprNode, b: ExprNode): ExprNode {
    const folded = this.fold(a, b, a.kind === 'num' && b.kind === 'num' ? a.value + b.value : NaN);
    if (folded) return folded;
    if (exprIsNum(a, 0)) return b;
    if (exprIsNum(b, 0)) return a;
    if (b.kind === 'num' && b.value < 0) return this.sub(a, this.num(-b.value));
    if (b.kind === 'neg') return this.sub(a, b.arg);
    if (a.kind === 'neg') return this.sub(b, a.arg);
    if (isNegativeTerm(b)) return this.sub(a, this.neg(b));
    if (isNegativeTerm(a)) return this.sub(b, this.neg(a));
    return this.binary('add', a, b);
  }

  /** a − b with a − 0 = a, 0 − b = −b, a − a = 0 and a − (−b) = a + b. */
  sub(a: ExprNode, b: ExprNode): ExprNode {
    const folded = this.fold(a, b, a.kind === 'num' && b.kind === 'num' ? a.value - b.value : NaN);
    if (folded) return folded;
    if (exprIsNum(b, 0)) return a;
    if (exprIsNum(a, 0)) return this.neg(b);
    if (a === b) return this.num(0);
    if (b.kind === 'num' && b.value < 0) return this.add(a, this.num(-b.value));
    if (b.kind === 'neg') return this.add(a, b.arg);
    if (isNegativeTerm(b)) return this.add(a, this.neg(b));
    return this.binary('sub', a, b);
  }

  /** a·b with 0·a = 0, 1·a = a, −1·a = −a, constants gathered on the left and signs pulled out. */
  mul(a: ExprNode, b: ExprNode): ExprNode {
    const folded = this.fold(a, b, a.kind === 'num' && b.kind === 'num' ? a.value * b.value : NaN);
    if (folded) return folded;
    if (exprIsNum(a, 0) || exprIsNum(b, 0)) return this.num(0);
    if (exprIsNum(a, 1)) return b;
    if (exprIsNum(b, 1)) return a;
    if (exprIsNum(a, -1)) return this.neg(b);
    if (exprIsNum(b, -1)) return this.neg(a);
    if (b.kind === 'num' && a.kind !== 'num') return this.mul(b, a);
    if (a.kind === 'num' && b.kind === 'mul' && b.left.kind === 'num') {
      const c = a.value * b.left.value;
      if (Number.isFinite(c)) return this.mul(this.num(c), b.right);
    }
    if (a.kind === 'neg') return this.neg(this.mul(a.arg, b));
    if (b.kind === 'neg') return this.neg(this.mul(a, b.arg));
    if (a.kind !== 'num') {
      // Pull numeric coefficients to the front so they meet and fold: (2u)·(−2v) → −4(u·v).
      if (a.kind === 'mul' && a.left.kind === 'num') return this.mul(a.left, this.mul(a.right, b));
      if (b.kind === 'mul' && b.left.kind === 'num') return this.mul(b.left, this.mul(a, b.right));
    }
    if (b.kind === 'div' && exprIsNum(b.left, 1)) return this.div(a, b.right);
    if (a.kind === 'div' && exprIsNum(a.left, 1)) return this.div(b, a.right);
    if (a === b) return this.pow(a, this.num(2));
    return this.binary('mul', a, b);
  }

  /** a / b with 0/b = 0, a/1 = a, a/(−1) = −a and (−a)/b = −(a/b). */
  div(a: ExprNode, b: ExprNode): ExprNode {
    const folded = this.fold(a, b, a.kind === 'num' && b.kind === 'num' ? a.value / b.value : NaN);
    if (folded) return folded;
    if (exprIsNum(a, 0)) return this.num(0);
    if (exprIsNum(b, 1)) return a;
    if (exprIsNum(b, -1)) return this.neg(a);
    if (a.kind === 'neg') return this.neg(this.div(a.arg, b));
    return this.binary('div', a, b);
  }

  /** a^b with a^0 = 1, a^1 = a, 1^b = 1. */
  pow(a: ExprNode, b: ExprNode): ExprNode {
    const value = a.kind === 'num' && b.kind === 'num' ? Math.pow(a.value, b.value) : NaN;
    const folded = this.fold(a, b, value);
    if (folded) return folded;
    if (exprIsNum(b, 0)) return this.num(1);
    if (exprIsNum(b, 1)) return a;
    if (exprIsNum(a, 1)) return this.num(1);
    return this.binary('pow', a, b);
  }

  /** fn(args…); arity is the caller's responsibility (the parser checks it). */
  call(fn: ExprFunctionName, args: readonly ExprNode[]): ExprNode {
    const key = `f${fn}(${args.map((a) => a.id).join(',')})`;
    const vars = args.reduce((m, a) => m | a.vars, 0);
    return this.intern(key, (id) => ({ id, vars, kind: 'call', fn, args: [...args] }));
  }

  /** Rebuilds a node from another pool (or this one) inside this pool, sharing as it goes. */
  adopt(node: ExprNode): ExprNode {
    const seen = this.adopted.get(node);
    if (seen) return seen;
    let out: ExprNode;
    switch (node.kind) {
      case 'num':
        out = this.num(node.value);
        break;
      case 'const':
        out = this.constant(node.name);
        break;
      case 'var':
        out = this.variable(node.name);
        break;
      case 'neg':
        out = this.neg(this.adopt(node.arg));
        break;
      case 'call':
        out = this.call(
          node.fn,
          node.args.map((a) => this.adopt(a)),
        );
        break;
      default:
        out = this[node.kind](this.adopt(node.left), this.adopt(node.right));
    }
    this.adopted.set(node, out);
    return out;
  }

  private fold(a: ExprNode, b: ExprNode, value: number): ExprNode | null {
    return a.kind === 'num' && b.kind === 'num' && Number.isFinite(value) ? this.num(value) : null;
  }

  private binary(kind: ExprBinaryKind, a: ExprNode, b: ExprNode): ExprNode {
    return this.intern(`${kind}${a.id},${b.id}`, (id) => ({
      id,
      vars: a.vars | b.vars,
      kind,
      left: a,
      right: b,
    }));
  }
}

/** Number of distinct nodes reachable from the roots (DAG size, shared subtrees counted once). */
export function exprNodeCount(...roots: readonly ExprNode[]): number {
  const seen = new Set<ExprNode>();
  const stack = [...roots];
  while (stack.length > 0) {
    const n = stack.pop() as ExprNode;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'neg') stack.push(n.arg);
    else if (n.kind === 'call') stack.push(...n.args);
    else if (n.kind !== 'num' && n.kind !== 'const' && n.kind !== 'var')
      stack.push(n.left, n.right);
  }
  return seen.size;
}
