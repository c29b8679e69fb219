/**
 * Scalar interpreter for an {@link ExprProgram}: one point at a time, for optimiser steps that need
 * f, ∇f and the Hessian at the current iterate. Same opcodes and the same scalar functions as the
 * grid runner, so both give bit-identical results at the same point.
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

const scratch = new WeakMap<ExprProgram, Float64Array>();

/**
 * Evaluates the program at (x, y), writing root j's value into out[j] (out.length ≥ number of
 * roots). Returns out.
 */
export function exprProgramRunPoint(
  program: ExprProgram,
  x: number,
  y: number,
  out: Float64Array,
): Float64Array {
  let r = scratch.get(program);
  if (!r) {
    r = new Float64Array(program.registerCount);
    scratch.set(program, r);
  }
  const { code, immediates } = program;
  r[EXPR_REGISTER_X] = x;
  r[EXPR_REGISTER_Y] = y;
  for (let pc = 0; pc < program.instructionCount; pc++) {
    const d = code[4 * pc + 1];
    const a = code[4 * pc + 2];
    const b = code[4 * pc + 3];
    const k = immediates[pc];
    switch (code[4 * pc]) {
      case EXPR_OP_LOADC:
        r[d] = k;
        break;
      case EXPR_OP_ADD:
        r[d] = r[a] + r[b];
        break;
      case EXPR_OP_SUB:
        r[d] = r[a] - r[b];
        break;
      case EXPR_OP_MUL:
        r[d] = r[a] * r[b];
        break;
      case EXPR_OP_DIV:
        r[d] = r[a] / r[b];
        break;
      case EXPR_OP_POW:
        r[d] = Math.pow(r[a], r[b]);
        break;
      case EXPR_OP_ADDC:
        r[d] = r[a] + k;
        break;
      case EXPR_OP_RSUBC:
        r[d] = k - r[a];
        break;
      case EXPR_OP_MULC:
        r[d] = k * r[a];
        break;
      case EXPR_OP_DIVC:
        r[d] = r[a] / k;
        break;
      case EXPR_OP_RDIVC:
        r[d] = k / r[a];
        break;
      case EXPR_OP_POWC:
        r[d] = Math.pow(r[a], k);
        break;
      case EXPR_OP_RPOWC:
        r[d] = Math.pow(k, r[a]);
        break;
      case EXPR_OP_SQR:
        r[d] = r[a] * r[a];
        break;
      case EXPR_OP_NEG:
        r[d] = -r[a];
        break;
      case EXPR_OP_SIN:
        r[d] = Math.sin(r[a]);
        break;
      case EXPR_OP_COS:
        r[d] = Math.cos(r[a]);
        break;
      case EXPR_OP_TAN:
        r[d] = Math.tan(r[a]);
        break;
      case EXPR_OP_EXP:
        r[d] = Math.exp(r[a]);
        break;
      case EXPR_OP_LOG:
        r[d] = Math.log(r[a]);
        break;
      case EXPR_OP_SQRT:
        r[d] = Math.sqrt(r[a]);
        break;
      case EXPR_OP_ABS:
        r[d] = Math.abs(r[a]);
        break;
      case EXPR_OP_TANH:
        r[d] = Math.tanh(r[a]);
        break;
      case EXPR_OP_SINH:
        r[d] = Math.sinh(r[a]);
        break;
      case EXPR_OP_COSH:
        r[d] = Math.cosh(r[a]);
        break;
      case EXPR_OP_SIGMOID:
        r[d] = exprSigmoid(r[a]);
        break;
      case EXPR_OP_SOFTPLUS:
        r[d] = exprSoftplus(r[a]);
        break;
      case EXPR_OP_SIGN:
        r[d] = exprSign(r[a]);
        break;
      case EXPR_OP_HEAVISIDE:
        r[d] = exprHeaviside(r[a]);
        break;
      case EXPR_OP_MIN:
        r[d] = Math.min(r[a], r[b]);
        break;
      case EXPR_OP_MAX:
        r[d] = Math.max(r[a], r[b]);
        break;
      case EXPR_OP_MINC:
        r[d] = Math.min(r[a], k);
        break;
      case EXPR_OP_MAXC:
        r[d] = Math.max(r[a], k);
        break;
      default:
        throw new Error(`expr program: unknown opcode ${code[4 * pc]}`);
    }
  }
  for (let j = 0; j < program.outputs.length; j++) out[j] = r[program.outputs[j]];
  return out;
}
