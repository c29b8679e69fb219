/**
 * The typed functions of the Calculus lab, read and differentiated once per text: the views call
 * their models on every drag, and the text changes far less often than the point or the step.
 */
import { calcDerivatives1, calcParse1, type CalcDerivatives1 } from '../../math/calc-expr1';
import type { ExprFailure } from '../../math/expr-errors';

/** f read and differentiated `order` times, or the engine's message. */
export type Compiled1 = { ok: true; d: CalcDerivatives1 } | ExprFailure;

const cache = new Map<string, Compiled1>();
const CACHE_MAX = 16;

/** f(x) from its text with its first `order` derivatives (cached by text and order). */
export function calculusCompile(source: string, order: number): Compiled1 {
  const key = `${order}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const parsed = calcParse1(source);
  const out: Compiled1 = parsed.ok ? { ok: true, d: calcDerivatives1(parsed.expr, order) } : parsed;
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, out);
  return out;
}
