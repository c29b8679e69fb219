/**
 * Printers for {@link ExprNode}: TeX for typesetting formulas (KaTeX) and plain text in the syntax
 * the parser reads back. Shared DAG nodes are printed in full at each use, so a printed formula can
 * be much longer than the DAG; past {@link EXPR_PRINT_MAX_NODES} tree nodes the printers return a
 * short placeholder instead of a wall of symbols.
 */
import type { ExprFunctionName, ExprNode } from './expr-ast';
import type { ExprDerivatives } from './expr-diff';

/** Largest tree (nodes counted with repetition) the printers will spell out. */
export const EXPR_PRINT_MAX_NODES = 400;

/** Binding strength: sums 1, products and unary minus 2, powers 3, atoms (incl. calls, \frac) 4. */
function precedence(node: ExprNode): number {
  switch (node.kind) {
    case 'add':
    case 'sub':
      return 1;
    case 'mul':
    case 'neg':
      return 2;
    case 'pow':
      return 3;
    case 'num':
      return node.value < 0 ? 2 : 4;
    default:
      return 4;
  }
}

/** Tree size of node (shared nodes counted at each use), stopping once it exceeds `limit`. */
function treeSize(node: ExprNode, limit: number, memo = new Map<ExprNode, number>()): number {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let size = 1;
  const children =
    node.kind === 'neg'
      ? [node.arg]
      : node.kind === 'call'
        ? node.args
        : 'left' in node
          ? [node.left, node.right]
          : [];
  for (const c of children) {
    size += treeSize(c, limit, memo);
    if (size > limit) break;
  }
  memo.set(node, size);
  return size;
}

/** A float for display: integers as is, others to 6 significant digits, exponents as ×10^k. */
function texNumber(value: number): string {
  let s = String(value);
  if (s.length > 8) s = String(Number(value.toPrecision(6)));
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const exponent = String(Number(m[2]));
  return m[1] === '1' ? `10^{${exponent}}` : `${m[1]} \\times 10^{${exponent}}`;
}

const TEX_FUNCTION: Readonly<Record<ExprFunctionName, string>> = {
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  exp: '\\exp',
  log: '\\ln',
  sqrt: '\\sqrt',
  abs: '\\operatorname{abs}',
  tanh: '\\tanh',
  sinh: '\\sinh',
  cosh: '\\cosh',
  sigmoid: '\\sigma',
  softplus: '\\operatorname{softplus}',
  sign: '\\operatorname{sign}',
  heaviside: 'H',
  min: '\\min',
  max: '\\max',
};

const TRIG_LIKE = new Set<ExprFunctionName>(['sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh']);

const isNegativeNum = (n: ExprNode): boolean =>
  n.kind === 'num' && (n.value < 0 || Object.is(n.value, -0));

const paren = (s: string): string => `\\left(${s}\\right)`;

function texCall(node: ExprNode & { kind: 'call' }, power?: string): string {
  const args = node.args.map(tex);
  if (node.fn === 'sqrt') return `\\sqrt{${args[0]}}`;
  if (node.fn === 'abs') return `\\left|${args[0]}\\right|`;
  const name = TEX_FUNCTION[node.fn];
  return `${name}${power === undefined ? '' : `^{${power}}`}${paren(args.join(', '))}`;
}

function tex(node: ExprNode): string {
  switch (node.kind) {
    case 'num':
      return texNumber(node.value);
    case 'const':
      return node.name === 'pi' ? '\\pi' : 'e';
    case 'var':
      return node.name;
    case 'neg':
      return `-${precedence(node.arg) < 2 ? paren(tex(node.arg)) : tex(node.arg)}`;
    case 'add':
      return `${tex(node.left)} + ${tex(node.right)}`;
    case 'sub': {
      const right = precedence(node.right) <= 1 ? paren(tex(node.right)) : tex(node.right);
      return `${tex(node.left)} - ${right}`;
    }
    case 'mul': {
      const left = precedence(node.left) < 2 ? paren(tex(node.left)) : tex(node.left);
      const right =
        precedence(node.right) < 2 || node.right.kind === 'neg' || isNegativeNum(node.right)
          ? paren(tex(node.right))
          : tex(node.right);
      const coefficient =
        node.left.kind === 'num' || (node.left.kind === 'const' && node.left.name === 'pi');
      const juxtapose = coefficient && !/^[\d.]/.test(right);
      return juxtapose ? `${left} ${right}` : `${left} \\cdot ${right}`;
    }
    case 'div':
      return `\\frac{${tex(node.left)}}{${tex(node.right)}}`;
    case 'pow': {
      const { left: base, right: exponent } = node;
      if (base.kind === 'call' && TRIG_LIKE.has(base.fn) && exponent.kind === 'num') {
        return texCall(base, tex(exponent));
      }
      const atomic =
        base.kind === 'var' ||
        base.kind === 'const' ||
        (base.kind === 'num' && !isNegativeNum(base) && !texNumber(base.value).includes('^'));
      return `${atomic ? tex(base) : paren(tex(base))}^{${tex(exponent)}}`;
    }
    case 'call':
      return texCall(node);
  }
}

/** TeX for a formula (KaTeX-compatible), e.g. `2 x \cdot \cos\left(x^{2}\right)`. */
export function exprToTex(node: ExprNode): string {
  if (treeSize(node, EXPR_PRINT_MAX_NODES) > EXPR_PRINT_MAX_NODES) {
    return '\\text{(formula too long to display)}';
  }
  return tex(node);
}

function text(node: ExprNode): string {
  const atomic = (n: ExprNode): boolean =>
    n.kind === 'var' ||
    n.kind === 'const' ||
    n.kind === 'call' ||
    (n.kind === 'num' && !isNegativeNum(n));
  const wrap = (n: ExprNode): string => (atomic(n) ? text(n) : `(${text(n)})`);
  switch (node.kind) {
    case 'num':
      return String(node.value);
    case 'const':
    case 'var':
      return node.name;
    case 'neg':
      return `-${wrap(node.arg)}`;
    case 'call':
      return `${node.fn}(${node.args.map(text).join(', ')})`;
    default: {
      const op = { add: ' + ', sub: ' - ', mul: ' * ', div: ' / ', pow: '^' }[node.kind];
      return `${wrap(node.left)}${op}${wrap(node.right)}`;
    }
  }
}

/**
 * Plain text in the parser's syntax, fully parenthesised around every compound operand so that
 * re-reading it (here or in mathjs) gives the same tree; numbers keep all 17 significant digits.
 * Returns null past {@link EXPR_PRINT_MAX_NODES} tree nodes.
 */
export function exprToText(node: ExprNode): string | null {
  if (treeSize(node, EXPR_PRINT_MAX_NODES) > EXPR_PRINT_MAX_NODES) return null;
  return text(node);
}

/** TeX of f, its gradient entries and its Hessian entries, keyed like {@link ExprDerivatives}. */
export interface ExprDerivativesTex {
  readonly f: string;
  readonly fx: string;
  readonly fy: string;
  readonly fxx: string;
  readonly fxy: string;
  readonly fyy: string;
}

/** Prints every formula of a derivative set as TeX (see {@link exprToTex}). */
export function exprDerivativesTex(d: ExprDerivatives): ExprDerivativesTex {
  return {
    f: exprToTex(d.f),
    fx: exprToTex(d.fx),
    fy: exprToTex(d.fy),
    fxx: exprToTex(d.fxx),
    fxy: exprToTex(d.fxy),
    fyy: exprToTex(d.fyy),
  };
}
