/**
 * A user-typed f(x, y) as a `Surface`: value, exact gradient and exact Hessian come from the
 * compiled expression (symbolic derivatives run by the bytecode evaluator), over the user's box.
 */
import { exprCompileTree, exprEvalPointInto, type ExprCompiled } from '../math/expr-compile';
import { exprParse } from '../math/expr-parse';
import { exprDerivativesTex } from '../math/expr-tex';
import { exprSampleCheck } from '../math/expr-check';
import type { NumOut, Surface, SurfaceDomain } from './surfaces-types';

/** Checks a domain box: finite, ordered, not degenerate. Returns a message or null. */
export function surfaceDomainProblem(d: SurfaceDomain): string | null {
  const all = [d.xMin, d.xMax, d.yMin, d.yMax];
  if (!all.every(Number.isFinite)) return 'the domain bounds must be finite numbers';
  if (!(d.xMax > d.xMin)) return `x max (${d.xMax}) must be greater than x min (${d.xMin})`;
  if (!(d.yMax > d.yMin)) return `y max (${d.yMax}) must be greater than y min (${d.yMin})`;
  if (Math.max(...all.map(Math.abs)) > 1e5) return 'the domain is limited to |x|, |y| ≤ 100000';
  return null;
}

export type CustomSurfaceResult =
  /** `compiled` is f's program, for evaluating whole grids at once (exprEvalGrid). */
  | { ok: true; surface: Surface; compiled: ExprCompiled; warning?: string }
  | { ok: false; message: string; column?: number };

/** Builds the surface f(x, y) = `source` on `domain`, or explains exactly why it cannot. */
export function surfaceCustomCreate(source: string, domain: SurfaceDomain): CustomSurfaceResult {
  const gen = surfaceCustomCreateSlices(source, domain);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/**
 * `surfaceCustomCreate` in pieces — parse, differentiate and compile, check the box — yielding
 * between them: for a long f each takes milliseconds, and a simulation must yield every few.
 */
export function* surfaceCustomCreateSlices(
  source: string,
  domain: SurfaceDomain,
): Generator<void, CustomSurfaceResult, void> {
  const domainProblem = surfaceDomainProblem(domain);
  if (domainProblem) return { ok: false, message: domainProblem };
  // exprCompileSource's two steps, with a yield between them.
  const parsed = exprParse(source);
  if (!parsed.ok) return { ok: false, message: parsed.message, column: parsed.column };
  yield;
  const result = exprCompileTree(parsed.expr);
  if (!result.ok) return { ok: false, message: result.message, column: result.column };
  yield;
  const compiled: ExprCompiled = result.compiled;
  const report = exprSampleCheck(compiled, domain);
  if (!report.ok)
    return { ok: false, message: report.message ?? 'f is undefined on the whole box' };
  const scratch = new Float64Array(6);
  // Typeset on first use: a simulation never reads it, and for a long f it costs tens of ms.
  let tex: string | null = null;
  const surface: Surface = {
    id: 'custom',
    title: 'Custom f(x, y)',
    get tex() {
      tex ??= exprDerivativesTex(compiled.derivatives).f;
      return tex;
    },
    domain: { ...domain },
    start: {
      x: domain.xMin + 0.8 * (domain.xMax - domain.xMin),
      y: domain.yMin + 0.75 * (domain.yMax - domain.yMin),
    },
    minima: [],
    saddles: [],
    params: [],
    paramValues: {},
    value: (x, y) => exprEvalPointInto(compiled, x, y, scratch, 0)[0],
    gradient: (x, y, out: NumOut) => {
      exprEvalPointInto(compiled, x, y, scratch, 1);
      out[0] = scratch[1];
      out[1] = scratch[2];
      return out;
    },
    hessian: (x, y, out: NumOut) => {
      exprEvalPointInto(compiled, x, y, scratch, 2);
      out[0] = scratch[3];
      out[1] = scratch[4];
      out[2] = scratch[5];
      return out;
    },
    withParams: () => surface,
  };
  return { ok: true, surface, compiled, warning: report.message };
}
