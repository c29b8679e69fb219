/**
 * Vectorised interpreter for an {@link ExprProgram}: each instruction runs as one tight loop over a
 * strip of points. Points are processed in chunks of {@link EXPR_GRID_CHUNK} so the whole register
 * file (registerCount × chunk float64) stays in cache, and the per-instruction dispatch cost is
 * paid once per chunk rather than once per point.
 */
import { exprHeaviside, exprSigmoid, exprSign, exprSoftplus } from './expr-functions';
import {
  EXPR_OP_LOADC,
  EXPR_OP_ADD,
  EXPR_OP_SUB,
  EXPR_OP_MUL,
  EXPR_OP_DIV,
  EXPR_OP_POW,
  EXPR_OP_ADDC,
  EXPR_OP_RSUBC,
  EXPR_OP_MULC,
  EXPR_OP_DIVC,
  EXPR_OP_RDIVC,
  EXPR_OP_POWC,
  EXPR_OP_RPOWC,
  EXPR_OP_SQR,
  EXPR_OP_NEG,
  EXPR_OP_SIN,
  EXPR_OP_COS,
  EXPR_OP_TAN,
  EXPR_OP_EXP,
  EXPR_OP_LOG,
  EXPR_OP_SQRT,
  EXPR_OP_ABS,
  EXPR_OP_TANH,
  EXPR_OP_SINH,
  EXPR_OP_COSH,
  EXPR_OP_SIGMOID,
  EXPR_OP_SOFTPLUS,
  EXPR_OP_SIGN,
  EXPR_OP_HEAVISIDE,
  EXPR_OP_MIN,
  EXPR_OP_MAX,
  EXPR_OP_MINC,
  EXPR_OP_MAXC,
  EXPR_REGISTER_X,
  EXPR_REGISTER_Y,
  type ExprProgram,
} from './expr-program';

/** Points per strip; 512 float64 = 4 KiB per register. */
export const EXPR_GRID_CHUNK = 512;

const scratch = new WeakMap<ExprProgram, Float64Array>();

function scratchFor(program: ExprProgram): Float64Array {
  let buf = scratch.get(program);
  if (!buf) {
    buf = new Float64Array(program.registerCount * EXPR_GRID_CHUNK);
    scratch.set(program, buf);
  }
  return buf;
}

/**
 * Runs the program over a strip of `len` points already loaded into registers 0 (x) and 1 (y) of
 * `r`, where register j starts at r[j·stride]. The grid runs strips of up to EXPR_GRID_CHUNK
 * points; the point runner (expr-run-point.ts) runs a strip of one with stride 1, so both
 * interpret the opcodes with this one switch and give bit-identical results.
 */
export function exprProgramRunStrip(
  program: ExprProgram,
  r: Float64Array,
  len: number,
  stride: number,
): void {
  const { code, immediates } = program;
  const C = stride;
  for (let pc = 0; pc < program.instructionCount; pc++) {
    const op = code[4 * pc];
    const d = code[4 * pc + 1] * C;
    const a = code[4 * pc + 2] * C;
    const b = code[4 * pc + 3] * C;
    const k = immediates[pc];
    switch (op) {
      case EXPR_OP_LOADC:
        r.fill(k, d, d + len);
        break;
      case EXPR_OP_ADD:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] + r[b + i];
        break;
      case EXPR_OP_SUB:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] - r[b + i];
        break;
      case EXPR_OP_MUL:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] * r[b + i];
        break;
      case EXPR_OP_DIV:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] / r[b + i];
        break;
      case EXPR_OP_POW:
        for (let i = 0; i < len; i++) r[d + i] = Math.pow(r[a + i], r[b + i]);
        break;
      case EXPR_OP_ADDC:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] + k;
        break;
      case EXPR_OP_RSUBC:
        for (let i = 0; i < len; i++) r[d + i] = k - r[a + i];
        break;
      case EXPR_OP_MULC:
        for (let i = 0; i < len; i++) r[d + i] = k * r[a + i];
        break;
      case EXPR_OP_DIVC:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] / k;
        break;
      case EXPR_OP_RDIVC:
        for (let i = 0; i < len; i++) r[d + i] = k / r[a + i];
        break;
      case EXPR_OP_POWC:
        for (let i = 0; i < len; i++) r[d + i] = Math.pow(r[a + i], k);
        break;
      case EXPR_OP_RPOWC:
        for (let i = 0; i < len; i++) r[d + i] = Math.pow(k, r[a + i]);
        break;
      case EXPR_OP_SQR:
        for (let i = 0; i < len; i++) r[d + i] = r[a + i] * r[a + i];
        break;
      case EXPR_OP_NEG:
        for (let i = 0; i < len; i++) r[d + i] = -r[a + i];
        break;
      case EXPR_OP_SIN:
        for (let i = 0; i < len; i++) r[d + i] = Math.sin(r[a + i]);
        break;
      case EXPR_OP_COS:
        for (let i = 0; i < len; i++) r[d + i] = Math.cos(r[a + i]);
        break;
      case EXPR_OP_TAN:
        for (let i = 0; i < len; i++) r[d + i] = Math.tan(r[a + i]);
        break;
      case EXPR_OP_EXP:
        for (let i = 0; i < len; i++) r[d + i] = Math.exp(r[a + i]);
        break;
      case EXPR_OP_LOG:
        for (let i = 0; i < len; i++) r[d + i] = Math.log(r[a + i]);
        break;
      case EXPR_OP_SQRT:
        for (let i = 0; i < len; i++) r[d + i] = Math.sqrt(r[a + i]);
        break;
      case EXPR_OP_ABS:
        for (let i = 0; i < len; i++) r[d + i] = Math.abs(r[a + i]);
        break;
      case EXPR_OP_TANH:
        for (let i = 0; i < len; i++) r[d + i] = Math.tanh(r[a + i]);
        break;
      case EXPR_OP_SINH:
        for (let i = 0; i < len; i++) r[d + i] = Math.sinh(r[a + i]);
        break;
      case EXPR_OP_COSH:
        for (let i = 0; i < len; i++) r[d + i] = Math.cosh(r[a + i]);
        break;
      case EXPR_OP_SIGMOID:
        for (let i = 0; i < len; i++) r[d + i] = exprSigmoid(r[a + i]);
        break;
      case EXPR_OP_SOFTPLUS:
        for (let i = 0; i < len; i++) r[d + i] = exprSoftplus(r[a + i]);
        break;
      case EXPR_OP_SIGN:
        for (let i = 0; i < len; i++) r[d + i] = exprSign(r[a + i]);
        break;
      case EXPR_OP_HEAVISIDE:
        for (let i = 0; i < len; i++) r[d + i] = exprHeaviside(r[a + i]);
        break;
      case EXPR_OP_MIN:
        for (let i = 0; i < len; i++) r[d + i] = Math.min(r[a + i], r[b + i]);
        break;
      case EXPR_OP_MAX:
        for (let i = 0; i < len; i++) r[d + i] = Math.max(r[a + i], r[b + i]);
        break;
      case EXPR_OP_MINC:
        for (let i = 0; i < len; i++) r[d + i] = Math.min(r[a + i], k);
        break;
      case EXPR_OP_MAXC:
        for (let i = 0; i < len; i++) r[d + i] = Math.max(r[a + i], k);
        break;
      default:
        throw new Error(`expr program: unknown opcode ${op}`);
    }
  }
}

/**
 * Evaluates the program at N points (xs[i], ys[i]), writing root j's values into outputs[j][0..N)
 * (pass null to skip a root). xs and ys must have equal length N and each output length ≥ N.
 */
export function exprProgramRunGrid(
  program: ExprProgram,
  xs: Float64Array,
  ys: Float64Array,
  outputs: readonly (Float64Array | null)[],
): void {
  const n = xs.length;
  if (ys.length !== n) throw new RangeError(`xs and ys differ in length (${n} vs ${ys.length})`);
  outputs.forEach((out, j) => {
    if (out && out.length < n)
      throw new RangeError(`output ${j} is shorter (${out.length}) than ${n}`);
  });
  const r = scratchFor(program);
  const C = EXPR_GRID_CHUNK;
  for (let start = 0; start < n; start += C) {
    const len = Math.min(C, n - start);
    r.set(xs.subarray(start, start + len), EXPR_REGISTER_X * C);
    r.set(ys.subarray(start, start + len), EXPR_REGISTER_Y * C);
    exprProgramRunStrip(program, r, len, C);
    for (let j = 0; j < outputs.length; j++) {
      const out = outputs[j];
      const from = program.outputs[j] * C;
      if (out) out.set(r.subarray(from, from + len), start);
    }
  }
}
