/**
 * A user-typed f(x, y) as a `Surface`: value, exact gradient and exact Hessian come from the
 * compiled expression (symbolic derivatives run by the bytecode evaluator), over the user's box.
 */
import { exprCompileSource, exprEvalPointInto, type ExprCompiled } from '../math/expr-compile';
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
  | { ok: true; surface: Surface; warning?: string }
  | { ok: false; message: string; column?: number };

/** Builds the surface f(x, y) = `source` on `domain`, or explains exactly why it cannot. */
export function surfaceCustomCreate(source: string, domain: SurfaceDomain): CustomSurfaceResult {
  const domainProblem = surfaceDomainProblem(domain);
  if (domainProblem) return { ok: false, message: domainProblem };
  const result = exprCompileSource(source);
  if (!result.ok) return { ok: false, message: result.message, column: result.column };
  const compiled: ExprCompiled = result.compiled;
  const report = exprSampleCheck(compiled, domain);
  if (!report.ok)
    return { ok: false, message: report.message ?? 'f is undefined on the whole box' };
  const scratch = new Float64Array(6);
  const tex = exprDerivativesTex(compiled.derivatives).f;
  const surface: Surface = {
    id: 'custom',
    title: 'Custom f(x, y)',
    tex,
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
  return { ok: true, surface, warning: report.message };
}
