/**
 * Compiles expression DAG roots into a flat register program (no code generation, so it runs under
 * a CSP without 'unsafe-eval'). Each instruction is (op, dst, a, b) plus an immediate k:
 *   dst ← op(reg[a], reg[b] or k).
 * Register 0 holds x and register 1 holds y. Every DAG node is computed once however many roots
 * share it; variable-free subtrees are folded to immediates at compile time; registers are reused
 * as soon as their last reader has run, so the register file stays small (this matters for the
 * vectorised evaluator, where every register is a strip of a typed array).
 */
import type { ExprNode } from './expr-ast';
import { exprEvalTree } from './expr-functions';

// Opcodes: ra, rb are register operands, k the instruction's immediate.
/** Opcode LOADC: dst = k. */
export const EXPR_OP_LOADC = 0;
/** Opcode ADD: dst = ra + rb. */
export const EXPR_OP_ADD = 1;
/** Opcode SUB: dst = ra − rb. */
export const EXPR_OP_SUB = 2;
/** Opcode MUL: dst = ra · rb. */
export const EXPR_OP_MUL = 3;
/** Opcode DIV: dst = ra / rb. */
export const EXPR_OP_DIV = 4;
/** Opcode POW: dst = ra ^ rb. */
export const EXPR_OP_POW = 5;
/** Opcode ADDC: dst = ra + k. */
export const EXPR_OP_ADDC = 6;
/** Opcode RSUBC: dst = k − ra. */
export const EXPR_OP_RSUBC = 7;
/** Opcode MULC: dst = k · ra. */
export const EXPR_OP_MULC = 8;
/** Opcode DIVC: dst = ra / k. */
export const EXPR_OP_DIVC = 9;
/** Opcode RDIVC: dst = k / ra. */
export const EXPR_OP_RDIVC = 10;
/** Opcode POWC: dst = ra ^ k. */
export const EXPR_OP_POWC = 11;
/** Opcode RPOWC: dst = k ^ ra. */
export const EXPR_OP_RPOWC = 12;
/** Opcode SQR: dst = ra · ra. */
export const EXPR_OP_SQR = 13;
/** Opcode NEG: dst = −ra. */
export const EXPR_OP_NEG = 14;
/** Opcode SIN: dst = sin(ra), radians. */
export const EXPR_OP_SIN = 15;
/** Opcode COS: dst = cos(ra), radians. */
export const EXPR_OP_COS = 16;
/** Opcode TAN: dst = tan(ra), radians. */
export const EXPR_OP_TAN = 17;
/** Opcode EXP: dst = e^ra. */
export const EXPR_OP_EXP = 18;
/** Opcode LOG: dst = ln(ra). */
export const EXPR_OP_LOG = 19;
/** Opcode SQRT: dst = √ra. */
export const EXPR_OP_SQRT = 20;
/** Opcode ABS: dst = |ra|. */
export const EXPR_OP_ABS = 21;
/** Opcode TANH: dst = tanh(ra). */
export const EXPR_OP_TANH = 22;
/** Opcode SINH: dst = sinh(ra). */
export const EXPR_OP_SINH = 23;
/** Opcode COSH: dst = cosh(ra). */
export const EXPR_OP_COSH = 24;
/** Opcode SIGMOID: dst = 1/(1+e^−ra). */
export const EXPR_OP_SIGMOID = 25;
/** Opcode SOFTPLUS: dst = ln(1+e^ra). */
export const EXPR_OP_SOFTPLUS = 26;
/** Opcode SIGN: dst = sign(ra). */
export const EXPR_OP_SIGN = 27;
/** Opcode HEAVISIDE: dst = H(ra), H(0) = ½. */
export const EXPR_OP_HEAVISIDE = 28;
/** Opcode MIN: dst = min(ra, rb). */
export const EXPR_OP_MIN = 29;
/** Opcode MAX: dst = max(ra, rb). */
export const EXPR_OP_MAX = 30;
/** Opcode MINC: dst = min(ra, k). */
export const EXPR_OP_MINC = 31;
/** Opcode MAXC: dst = max(ra, k). */
export const EXPR_OP_MAXC = 32;

const UNARY_OP: Readonly<Record<string, number>> = {
  sin: EXPR_OP_SIN,
  cos: EXPR_OP_COS,
  tan: EXPR_OP_TAN,
  exp: EXPR_OP_EXP,
  log: EXPR_OP_LOG,
  sqrt: EXPR_OP_SQRT,
  abs: EXPR_OP_ABS,
  tanh: EXPR_OP_TANH,
  sinh: EXPR_OP_SINH,
  cosh: EXPR_OP_COSH,
  sigmoid: EXPR_OP_SIGMOID,
  softplus: EXPR_OP_SOFTPLUS,
  sign: EXPR_OP_SIGN,
  heaviside: EXPR_OP_HEAVISIDE,
};

/** Register that holds the input x. */
export const EXPR_REGISTER_X = 0;
/** Register that holds the input y. */
export const EXPR_REGISTER_Y = 1;

/**
 * A compiled program: `code` holds 4 int32 per instruction (op, dst, a, b; unused operands −1),
 * `immediates` one float64 k per instruction, `outputs` the register holding each root's value
 * after the run. `registerCount` includes the two input registers.
 */
export interface ExprProgram {
  readonly code: Int32Array;
  readonly immediates: Float64Array;
  readonly instructionCount: number;
  readonly registerCount: number;
  readonly outputs: Int32Array;
}

interface Selection {
  readonly op: number;
  readonly a: ExprNode | null;
  readonly b: ExprNode | null;
  readonly k: number;
}

/** Picks the instruction for a node that depends on x or y, given folded constant values. */
function select(node: ExprNode, constant: (n: ExprNode) => number): Selection {
  const r = (op: number, a: ExprNode | null, b: ExprNode | null = null, k = 0): Selection => ({
    op,
    a,
    b,
    k,
  });
  switch (node.kind) {
    case 'neg':
      return r(EXPR_OP_NEG, node.arg);
    case 'call': {
      const [a, b] = node.args;
      if (node.fn !== 'min' && node.fn !== 'max') return r(UNARY_OP[node.fn], a);
      const [withReg, withK] =
        node.fn === 'min' ? [EXPR_OP_MIN, EXPR_OP_MINC] : [EXPR_OP_MAX, EXPR_OP_MAXC];
      if (a.vars === 0) return r(withK, b, null, constant(a));
      if (b.vars === 0) return r(withK, a, null, constant(b));
      return r(withReg, a, b);
    }
    case 'var':
    case 'num':
    case 'const':
      throw new Error('select: leaves are not instructions');
  }
  const { left: a, right: b } = node;
  const ka = a.vars === 0 ? constant(a) : NaN;
  const kb = b.vars === 0 ? constant(b) : NaN;
  switch (node.kind) {
    case 'add':
      if (a.vars === 0) return r(EXPR_OP_ADDC, b, null, ka);
      return b.vars === 0 ? r(EXPR_OP_ADDC, a, null, kb) : r(EXPR_OP_ADD, a, b);
    case 'sub':
      if (a.vars === 0) return r(EXPR_OP_RSUBC, b, null, ka);
      return b.vars === 0 ? r(EXPR_OP_ADDC, a, null, -kb) : r(EXPR_OP_SUB, a, b);
    case 'mul':
      if (a.vars === 0) return r(EXPR_OP_MULC, b, null, ka);
      return b.vars === 0 ? r(EXPR_OP_MULC, a, null, kb) : r(EXPR_OP_MUL, a, b);
    case 'div':
      if (a.vars === 0) return r(EXPR_OP_RDIVC, b, null, ka);
      return b.vars === 0 ? r(EXPR_OP_DIVC, a, null, kb) : r(EXPR_OP_DIV, a, b);
    case 'pow':
      if (a.vars === 0) {
        return a.kind === 'const' && a.name === 'e'
          ? r(EXPR_OP_EXP, b)
          : r(EXPR_OP_RPOWC, b, null, ka);
      }
      if (b.vars === 0) return kb === 2 ? r(EXPR_OP_SQR, a) : r(EXPR_OP_POWC, a, null, kb);
      return r(EXPR_OP_POW, a, b);
  }
}

/**
 * Compiles the roots (e.g. [f, fx, fy]) into one program that computes them all, sharing common
 * subexpressions. Throws only on an internal inconsistency, never for a valid tree.
 */
export function exprProgramCompile(roots: readonly ExprNode[]): ExprProgram {
  const folded = new Map<ExprNode, number>();
  const constant = (n: ExprNode): number => exprEvalTree(n, NaN, NaN, folded);

  // Post-order over nodes that depend on a variable; leaves x and y live in fixed registers.
  const order: { node: ExprNode; sel: Selection }[] = [];
  const visited = new Set<ExprNode>();
  const visit = (node: ExprNode): void => {
    if (node.vars === 0 || node.kind === 'var' || visited.has(node)) return;
    visited.add(node);
    const sel = select(node, constant);
    if (sel.a) visit(sel.a);
    if (sel.b) visit(sel.b);
    order.push({ node, sel });
  };
  roots.forEach(visit);

  const readers = new Map<ExprNode, number>();
  for (const { sel } of order) {
    for (const operand of sel.a === sel.b ? [sel.a] : [sel.a, sel.b]) {
      if (operand) readers.set(operand, (readers.get(operand) ?? 0) + 1);
    }
  }
  const pinned = new Set<ExprNode>(roots);
  const register = new Map<ExprNode, number>();
  const free: number[] = [];
  let registerCount = 2;
  const code: number[] = [];
  const immediates: number[] = [];
  const regOf = (n: ExprNode | null): number => {
    if (n === null) return -1;
    if (n.kind === 'var') return n.name === 'x' ? EXPR_REGISTER_X : EXPR_REGISTER_Y;
    const reg = register.get(n);
    if (reg === undefined)
      throw new Error('exprProgramCompile: operand used before it was computed');
    return reg;
  };
  for (const { node, sel } of order) {
    const a = regOf(sel.a);
    const b = regOf(sel.b);
    for (const operand of sel.a === sel.b ? [sel.a] : [sel.a, sel.b]) {
      if (!operand || operand.kind === 'var') continue;
      const left = (readers.get(operand) ?? 0) - 1;
      readers.set(operand, left);
      if (left === 0 && !pinned.has(operand)) free.push(regOf(operand));
    }
    const dst = free.pop() ?? registerCount++;
    register.set(node, dst);
    code.push(sel.op, dst, a, b);
    immediates.push(sel.k);
  }
  const outputs = roots.map((root) => {
    if (root.kind === 'var' || root.vars !== 0) return regOf(root);
    const dst = registerCount++;
    code.push(EXPR_OP_LOADC, dst, -1, -1);
    immediates.push(constant(root));
    return dst;
  });
  return {
    code: Int32Array.from(code),
    immediates: Float64Array.from(immediates),
    instructionCount: immediates.length,
    registerCount,
    outputs: Int32Array.from(outputs),
  };
}
