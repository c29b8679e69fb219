/**
 * Maps surface samples to scene coordinates: the domain box to [−1, 1]² on the ground plane and
 * heights to [0, HEIGHT] (linear, or log(1 + f − min) for surfaces with a huge range such as
 * Rosenbrock). Non-finite samples are clamped to the top so they never draw as garbage.
 */
export const HEIGHT = 0.9;

export interface SurfaceGrid {
  n: number;
  domain: { xMin: number; xMax: number; yMin: number; yMax: number };
  values: Float64Array;
}

export type HeightScale = 'linear' | 'log';

export interface SurfaceMapping {
  toSceneX(x: number): number;
  toSceneZ(y: number): number;
  /** Normalised height in [0, 1]. */
  toUnit(f: number): number;
  /** The same height without the clamp (below 0 under the lowest sample, above 1 over the highest). */
  toUnitFree(f: number): number;
  /** Inverse of toUnit: the f drawn at normalised height u ∈ [0, 1]. */
  fromUnit(u: number): number;
  /** Lowest and highest finite sample, and the height scale. */
  readonly min: number;
  readonly max: number;
  readonly scale: HeightScale;
  /** Inverse of toSceneX / toSceneZ, for picking. */
  fromSceneX(sx: number): number;
  fromSceneZ(sz: number): number;
}

export function surfaceMappingCreate(grid: SurfaceGrid, scale: HeightScale): SurfaceMapping {
  let min = Infinity;
  let max = -Infinity;
  for (const v of grid.values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  const warp = (f: number) => (scale === 'log' ? Math.log1p(Math.max(0, f - min)) : f - min);
  // Signed: below the lowest sample the log height mirrors downward instead of stopping at 0.
  const warpFree = (f: number) =>
    scale === 'log' ? Math.sign(f - min) * Math.log1p(Math.abs(f - min)) : f - min;
  const span = Math.max(1e-12, warp(max));
  const { xMin, xMax, yMin, yMax } = grid.domain;
  return {
    toSceneX: (x) => ((x - xMin) / (xMax - xMin)) * 2 - 1,
    // Screen depth grows toward the viewer, so y increases away from the camera.
    toSceneZ: (y) => 1 - ((y - yMin) / (yMax - yMin)) * 2,
    toUnit: (f) => (Number.isFinite(f) ? Math.min(1, Math.max(0, warp(f) / span)) : 1),
    toUnitFree: (f) => warpFree(f) / span,
    fromUnit: (u) => (scale === 'log' ? min + Math.expm1(u * span) : min + u * span),
    min,
    max,
    scale,
    fromSceneX: (sx) => xMin + ((sx + 1) / 2) * (xMax - xMin),
    fromSceneZ: (sz) => yMin + ((1 - sz) / 2) * (yMax - yMin),
  };
}
