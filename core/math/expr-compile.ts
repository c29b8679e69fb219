/**
 * The custom-function pipeline in one place: text → tree → exact derivatives → register programs,
 * and the evaluation entry points the Descent lab calls (one point for optimiser steps, whole grids
 * for surfaces and vector fields).
 *
 * Output layout used throughout: [f, ∂f/∂x, ∂f/∂y, ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²].
 */
import type { ExprNode } from './expr-ast';
import { exprDerivatives, exprDerivativesWithin, type ExprDerivatives } from './expr-diff';
import { exprFailure, type ExprResult } from './expr-errors';
import { exprParse } from './expr-parse';
import { exprProgramCompile, type ExprProgram } from './expr-program';
import { exprProgramRunGrid } from './expr-run-grid';
import { exprProgramRunPoint } from './expr-run-point';

/** Largest DAG (f with all derivatives, shared nodes once) accepted before calling f too complex. */
export const EXPR_MAX_NODES = 20_000;

/**
 * A compiled f(x, y): the derivative trees plus three programs computing the first 1, 3 or 6
 * entries of the output layout (value; value and gradient; value, gradient and Hessian).
 */
export interface ExprCompiled {
  readonly derivatives: ExprDerivatives;
  readonly programs: readonly [ExprProgram, ExprProgram, ExprProgram];
}

/** Differentiates and compiles a parsed expression, whatever its size (see exprCompileTree). */
export function exprCompile(expr: ExprNode): ExprCompiled {
  return exprCompilePrograms(exprDerivatives(expr));
}

/** The three programs of f and its derivatives. */
function exprCompilePrograms(derivatives: ExprDerivatives): ExprCompiled {
  const { f, fx, fy, fxx, fxy, fyy } = derivatives;
  return {
    derivatives,
    programs: [
      exprProgramCompile([f]),
      exprProgramCompile([f, fx, fy]),
      exprProgramCompile([f, fx, fy, fxx, fxy, fyy]),
    ],
  };
}

/**
 * Differentiates and compiles a tree, refusing one whose DAG (f with all derivatives) has more
 * than {@link EXPR_MAX_NODES} nodes before any program is compiled (and before the Hessian is
 * built when f or its gradient alone is too large). Never throws; failures carry a message.
 */
export function exprCompileTree(expr: ExprNode): ExprResult<{ readonly compiled: ExprCompiled }> {
  try {
    const derivatives = exprDerivativesWithin(expr, EXPR_MAX_NODES);
    if (derivatives === null) {
      return exprFailure('The function is too complex to differentiate here; try a simpler form.');
    }
    return { ok: true, compiled: exprCompilePrograms(derivatives) };
  } catch (error) {
    if (error instanceof RangeError) return exprFailure('The expression is nested too deeply.');
    return exprFailure(
      `Could not compile the expression: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Parses and compiles the text of f(x, y). Never throws; failures carry a user-facing message. */
export function exprCompileSource(source: string): ExprResult<{ readonly compiled: ExprCompiled }> {
  const parsed = exprParse(source);
  if (!parsed.ok) return parsed;
  return exprCompileTree(parsed.expr);
}

/**
 * Writes the first 1 (order 0), 3 (order 1) or 6 (order 2) entries of the output layout at (x, y)
 * into out and returns it. Allocation-free; meant for optimiser inner loops.
 */
export function exprEvalPointInto(
  compiled: ExprCompiled,
  x: number,
  y: number,
  out: Float64Array,
  order: 0 | 1 | 2 = 2,
): Float64Array {
  return exprProgramRunPoint(compiled.programs[order], x, y, out);
}

/** f, ∇f = [fx, fy] and the symmetric Hessian [[fxx, fxy], [fxy, fyy]] at one point. */
export interface ExprPointValue {
  readonly value: number;
  readonly gradient: readonly [number, number];
  readonly hessian: readonly [readonly [number, number], readonly [number, number]];
}

/** Value, gradient and Hessian at (x, y) as plain numbers (allocates; see exprEvalPointInto). */
export function exprEvalPoint(compiled: ExprCompiled, x: number, y: number): ExprPointValue {
  const o = exprProgramRunPoint(compiled.programs[2], x, y, new Float64Array(6));
  return {
    value: o[0],
    gradient: [o[1], o[2]],
    hessian: [
      [o[3], o[4]],
      [o[4], o[5]],
    ],
  };
}

/** Optional destinations for a grid evaluation; each given array receives N values. */
export interface ExprGridOutputs {
  readonly f?: Float64Array;
  readonly fx?: Float64Array;
  readonly fy?: Float64Array;
  readonly fxx?: Float64Array;
  readonly fxy?: Float64Array;
  readonly fyy?: Float64Array;
}

/**
 * Evaluates at the N points (xs[i], ys[i]) and fills the requested outputs, running the cheapest
 * program that covers them (value only, +gradient, or +Hessian). Throws RangeError on mismatched
 * lengths (a programming error, not a user error).
 */
export function exprEvalGrid(
  compiled: ExprCompiled,
  xs: Float64Array,
  ys: Float64Array,
  out: ExprGridOutputs,
): void {
  const wanted = [out.f, out.fx, out.fy, out.fxx, out.fxy, out.fyy].map((o) => o ?? null);
  const order = wanted.slice(3).some((o) => o) ? 2 : wanted.slice(1, 3).some((o) => o) ? 1 : 0;
  const count = [1, 3, 6][order];
  exprProgramRunGrid(compiled.programs[order], xs, ys, wanted.slice(0, count));
}
