/**
 * Gradient clipping by global norm: if ‖g‖₂ > maxNorm, scale every component by maxNorm/‖g‖₂ so the
 * whole gradient keeps its direction but its Euclidean length becomes maxNorm.
 */

/** Euclidean norm ‖v‖₂ = √(Σ vᵢ²) of v[start, end), scaled to avoid overflow for huge entries. */
export function normL2(v: ArrayLike<number>, start = 0, end = v.length): number {
  let scale = 0;
  for (let i = start; i < end; i++) scale = Math.max(scale, Math.abs(v[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const t = v[i] / scale;
    sum += t * t;
  }
  return scale * Math.sqrt(sum);
}

/** Outcome of a clip: the norm before clipping and the factor applied (1 when not clipped). */
export interface ClipResult {
  readonly normBefore: number;
  readonly scale: number;
}

/**
 * Clips g in place by global norm: g ← g · min(1, maxNorm/‖g‖₂). A non-finite norm (an overflowed
 * gradient) cannot be rescaled meaningfully and is left as is, with scale NaN reported.
 * maxNorm must be > 0.
 */
export function clipGlobalNorm(g: Float64Array, maxNorm: number): ClipResult {
  if (!(maxNorm > 0)) throw new RangeError(`clipGlobalNorm: maxNorm must be > 0, got ${maxNorm}`);
  const normBefore = normL2(g);
  if (!Number.isFinite(normBefore)) return { normBefore, scale: NaN };
  if (normBefore <= maxNorm) return { normBefore, scale: 1 };
  const scale = maxNorm / normBefore;
  for (let i = 0; i < g.length; i++) g[i] *= scale;
  return { normBefore, scale };
}
