/**
 * Shared shapes for the loss-surface library: a surface is a function f: ℝ² → ℝ with its exact
 * gradient and Hessian, a default view and start point, and the minimizers we know about.
 * Also home of `ParamSpec`, the slider descriptor used by surfaces and optimizers alike.
 */
import { mat2Solve } from '../math/linalg2';

/**
 * One numeric parameter a UI can render as a slider. Values live in [min, max]; `logScale` asks
 * for a logarithmic slider (then min > 0); `integer` asks for whole numbers only.
 */
export interface ParamSpec {
  /** Key in the params record (camelCase). */
  readonly id: string;
  /** Human-readable label. */
  readonly title: string;
  /** Symbol as KaTeX, e.g. "\\eta". */
  readonly tex: string;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly logScale: boolean;
  readonly integer: boolean;
}

/** Resolved parameter values, keyed by `ParamSpec.id`. */
export type ParamValues = Readonly<Record<string, number>>;

/**
 * Completes a partial params record against its specs: missing or non-finite values take the
 * default, others are clamped to [min, max] and rounded when the spec is integer. Keys not in the
 * specs are dropped.
 */
export function paramsResolve(
  specs: readonly ParamSpec[],
  values?: Readonly<Partial<Record<string, number>>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of specs) {
    const raw = values?.[spec.id];
    let v = raw !== undefined && Number.isFinite(raw) ? raw : spec.default;
    if (spec.integer) v = Math.round(v);
    out[spec.id] = Math.min(spec.max, Math.max(spec.min, v));
  }
  return out;
}

/** A point (x, y) in the surface's input plane. */
export interface Point2 {
  readonly x: number;
  readonly y: number;
}

/** A known local minimizer (x, y) with its value f(x, y); `global` marks a global minimum. */
export interface SurfaceMinimum extends Point2 {
  readonly value: number;
  readonly global: boolean;
}

/** Default axis-aligned view [xMin, xMax] × [yMin, yMax]. */
export interface SurfaceDomain {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Output buffer for a gradient (length ≥ 2) or packed Hessian (length ≥ 3). */
export type NumOut = Float64Array | number[];

/** The three callables that define a surface. */
export interface SurfaceFunctions {
  /** f(x, y). */
  value(x: number, y: number): number;
  /** Exact ∇f = (∂f/∂x, ∂f/∂y) written into out[0], out[1]; returns out. */
  gradient(x: number, y: number, out: NumOut): NumOut;
  /** Exact Hessian packed as out = [fxx, fxy, fyy]; returns out. */
  hessian(x: number, y: number, out: NumOut): NumOut;
}

/** A 2D loss surface with everything the Descent lab needs to draw and optimise on it. */
export interface Surface extends SurfaceFunctions {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly title: string;
  /** The formula as a KaTeX string (parameters appear as symbols). */
  readonly tex: string;
  readonly domain: SurfaceDomain;
  /** Suggested optimizer start point (inside the domain). */
  readonly start: Point2;
  /** Known minimizers (not necessarily all local minima of highly multimodal surfaces). */
  readonly minima: readonly SurfaceMinimum[];
  /** Known saddle points worth marking. */
  readonly saddles: readonly Point2[];
  /** Tunable parameters (empty for fixed surfaces). */
  readonly params: readonly ParamSpec[];
  /** The resolved values this instance was built with. */
  readonly paramValues: ParamValues;
  /** A new instance with some parameters changed (others kept). */
  withParams(values: Readonly<Partial<Record<string, number>>>): Surface;
}

/** What a surface definition builds from resolved params. */
export interface SurfaceBuilt extends SurfaceFunctions {
  readonly tex: string;
  readonly domain: SurfaceDomain;
  readonly start: Point2;
  readonly minima: readonly SurfaceMinimum[];
  readonly saddles?: readonly Point2[];
}

/** A surface family: id, title, parameter specs and a builder. */
export interface SurfaceDefinition {
  readonly id: string;
  readonly title: string;
  readonly params?: readonly ParamSpec[];
  build(p: ParamValues): SurfaceBuilt;
}

/** Turns a definition into a `Surface` built with the given (or default) parameter values. */
export function surfaceFromDefinition(
  def: SurfaceDefinition,
  values?: Readonly<Partial<Record<string, number>>>,
): Surface {
  const params = def.params ?? [];
  const paramValues = paramsResolve(params, values);
  const built = def.build(paramValues);
  return {
    id: def.id,
    title: def.title,
    tex: built.tex,
    domain: built.domain,
    start: built.start,
    minima: built.minima,
    saddles: built.saddles ?? [],
    params,
    paramValues,
    value: built.value,
    gradient: built.gradient,
    hessian: built.hessian,
    withParams: (next) => surfaceFromDefinition(def, { ...paramValues, ...next }),
  };
}

/** Shorthand for a ParamSpec literal. */
export function paramSpec(
  id: string,
  title: string,
  tex: string,
  min: number,
  max: number,
  def: number,
  options: { logScale?: boolean; integer?: boolean } = {},
): ParamSpec {
  return {
    id,
    title,
    tex,
    min,
    max,
    default: def,
    logScale: options.logScale ?? false,
    integer: options.integer ?? false,
  };
}

/**
 * Newton's method on ∇f = 0 from (x0, y0): (x, y) ← (x, y) − H⁻¹∇f until ‖∇f‖∞ stops shrinking or
 * reaches 0, at most 100 iterations. Used to pin critical points that have no closed form to
 * full double precision. Returns the iterate with the smallest ‖∇f‖∞ seen, or null if the
 * Hessian becomes singular or the iteration leaves a box of radius 1e3 around the start. It may
 * land on any kind of critical point, and without convergence ∇f need not be small there, so
 * callers check the gradient and the Hessian's signature of what they get.
 */
export function surfaceCriticalPoint(f: SurfaceFunctions, x0: number, y0: number): Point2 | null {
  const g = [0, 0];
  const h = [0, 0, 0];
  const d = [0, 0];
  let x = x0;
  let y = y0;
  let best = { x, y, size: Infinity };
  for (let it = 0; it < 100; it++) {
    f.gradient(x, y, g);
    const size = Math.max(Math.abs(g[0]), Math.abs(g[1]));
    if (size < best.size) best = { x, y, size };
    // Quadratic convergence stalls at rounding level; stop once the residual stops improving.
    else if (it > 3) break;
    if (size === 0) break;
    f.hessian(x, y, h);
    if (!mat2Solve(h[0], h[1], h[1], h[2], g[0], g[1], d)) return null;
    x -= d[0];
    y -= d[1];
    if (!(Math.abs(x - x0) < 1e3 && Math.abs(y - y0) < 1e3)) return null;
  }
  return { x: best.x, y: best.y };
}

/** A minimum record from a located critical point, with its value. */
export function surfaceMinimumAt(f: SurfaceFunctions, p: Point2, global: boolean): SurfaceMinimum {
  return { x: p.x, y: p.y, value: f.value(p.x, p.y), global };
}
