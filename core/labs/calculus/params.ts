/**
 * The whole state of the Calculus lab that a scene file or link carries: the view on screen, the
 * typed functions, the points and steps. Typed functions are stored as text (at most the engine's
 * 1000 characters); text the engine cannot read opens with its message and nothing drawn.
 */
import { z } from 'zod';
import { EXPR_SOURCE_MAX_LENGTH } from '../../math/expr-parse';
import { labSeedSchema } from '../define';

const source = z.string().min(1).max(EXPR_SOURCE_MAX_LENGTH);
const point = z.number().finite().min(-20).max(20);

/** The built-in functions of the Taylor view, each with the text the engine reads. */
export const TAYLOR_BUILTINS = {
  exp: { label: 'eˣ', source: 'exp(x)' },
  sin: { label: 'sin x', source: 'sin(x)' },
  cos: { label: 'cos x', source: 'cos(x)' },
  log1p: { label: 'ln(1 + x)', source: 'ln(1 + x)' },
  geometric: { label: '1/(1 − x)', source: '1/(1 - x)' },
  sigmoid: { label: 'σ(x)', source: 'sigmoid(x)' },
} as const;
export type TaylorBuiltin = keyof typeof TAYLOR_BUILTINS;
const builtinIds = Object.keys(TAYLOR_BUILTINS) as [TaylorBuiltin, ...TaylorBuiltin[]];

/** Highest Taylor order offered. */
export const TAYLOR_MAX_ORDER = 10;

/** The SVM view draws [−SVM_EXTENT, SVM_EXTENT]² and holds at most SVM_MAX_POINTS points. */
export const SVM_EXTENT = 4;
export const SVM_MAX_POINTS = 20;

/** A length along an axis: a window or box is a corner and a size, so it is never empty. */
const size = z.number().min(0.05).max(40);

export const calculusParamsSchema = z.object({
  /** The view on screen; part of the scene so a deck step shows the view it was saved on. */
  view: z.enum(['derivative', 'chain', 'taylor', 'critical', 'lagrange', 'kkt', 'svm']),
  derivative: z.object({
    /** The typed f(x). */
    source,
    /** The point a where f′(a) is estimated. */
    a: point,
    /** log₁₀ of the step h of the secant and the marked step on the error chart. */
    hLog10: z.number().min(-16).max(0),
    /** Half-width of the x window drawn around a. */
    span: z.number().min(0.05).max(10),
  }),
  chain: z.object({
    /** Outer function f(u) and inner g(x) of the composite f(g(x)). */
    outer: source,
    inner: source,
    a: point,
  }),
  taylor: z.object({
    /** A built-in function, or 'custom' for the typed one. */
    fn: z.enum([...builtinIds, 'custom']),
    custom: source,
    /** The centre a of the expansion. */
    a: point,
    order: z.number().int().min(1).max(TAYLOR_MAX_ORDER),
    /** The x window drawn: [lo, lo + width]. */
    window: z.object({ lo: point, width: size }),
  }),
  critical: z.object({
    /** The typed f(x, y). */
    source,
    /** The box searched and drawn. */
    box: z.object({ xMin: point, yMin: point, width: size, height: size }),
  }),
  lagrange: z.object({
    /** The objective f(x, y) and the constraint's left side g(x, y); the constraint is g = b. */
    f: source,
    g: source,
    b: z.number().min(-10).max(10),
    box: z.object({ xMin: point, yMin: point, width: size, height: size }),
  }),
  kkt: z.object({
    /** The objective f(x, y) and the constraint's left side g(x, y); the constraint is g ≤ b. */
    f: source,
    g: source,
    b: z.number().min(-10).max(10),
    box: z.object({ xMin: point, yMin: point, width: size, height: size }),
  }),
  svm: z.object({
    /** The labelled points (class +1 or −1), inside the square drawn. */
    points: z
      .array(
        z.object({
          x: z.number().min(-SVM_EXTENT).max(SVM_EXTENT),
          y: z.number().min(-SVM_EXTENT).max(SVM_EXTENT),
          label: z.union([z.literal(1), z.literal(-1)]),
        }),
      )
      .min(2)
      .max(SVM_MAX_POINTS),
  }),
  /** Unused by the math (nothing here is random); kept so scenes have the app's one shape. */
  seed: labSeedSchema,
});
export type CalculusParams = z.infer<typeof calculusParamsSchema>;
export type CalculusView = CalculusParams['view'];

/** The Taylor view's x range. */
export const taylorRange = (w: CalculusParams['taylor']['window']) => ({
  lo: w.lo,
  hi: w.lo + w.width,
});

/** The critical-points box as bounds. */
export const criticalBox = (b: CalculusParams['critical']['box']) => ({
  xMin: b.xMin,
  xMax: b.xMin + b.width,
  yMin: b.yMin,
  yMax: b.yMin + b.height,
});

/** The text of the function the Taylor view expands. */
export function taylorSource(t: CalculusParams['taylor']): string {
  return t.fn === 'custom' ? t.custom : TAYLOR_BUILTINS[t.fn].source;
}
