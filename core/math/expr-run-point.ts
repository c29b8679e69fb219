/**
 * Scalar interpreter for an {@link ExprProgram}: one point at a time, for optimiser steps that need
 * f, ∇f and the Hessian at the current iterate. It runs the grid runner's strip interpreter on a
 * strip of one point, so the opcodes are interpreted in one place and both agree to the bit.
 */
import { exprProgramRunStrip } from './expr-run-grid';
import { EXPR_REGISTER_X, EXPR_REGISTER_Y, type ExprProgram } from './expr-program';

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
  r[EXPR_REGISTER_X] = x;
  r[EXPR_REGISTER_Y] = y;
  exprProgramRunStrip(program, r, 1, 1);
  for (let j = 0; j < program.outputs.length; j++) out[j] = r[program.outputs[j]];
  return out;
}
