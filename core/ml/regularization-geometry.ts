/**
 * Geometry of the two-weight picture: the constraint region {w ∈ ℝ²: P_α(w) ≤ t}, sampled
 * surfaces of the loss, the penalty and their sum over a box of the (w₁, w₂) plane, contour
 * levels, and the cone of outward normals (the subdifferential) at a boundary point.
 */
import { regLoss, regPenalty, regSubdifferential, type RegStats } from './regularization';

/**
 * Distance r along a unit direction u at which P_α(r·u) = t, i.e. the root r ≥ 0 of
 * ((1 − α)/2)·r² + α‖u‖₁·r − t = 0, computed as r = 2t / (α‖u‖₁ + √(α²‖u‖₁² + 2(1 − α)t))
 * (no cancellation for any α ∈ [0, 1]; α = 1 gives t/‖u‖₁, α = 0 gives √(2t)).
 */
export function regRegionRadius(ux: number, uy: number, alpha: number, t: number): number {
  if (!(t > 0)) return 0;
  const l1 = alpha * (Math.abs(ux) + Math.abs(uy));
  return (2 * t) / (l1 + Math.sqrt(l1 * l1 + 2 * (1 - alpha) * t));
}

/** Where the region's boundary crosses an axis: P_α(r, 0) = t. */
export function regRegionAxisReach(alpha: number, t: number): number {
  return regRegionRadius(1, 0, alpha, t);
}

/**
 * The boundary {P_α(w) = t} as a closed polygon of `4·perQuadrant` points [x₀, y₀, x₁, y₁, …],
 * counter-clockwise from the positive w₁ axis. Each quadrant starts exactly on an axis, so the L1
 * diamond's corners are vertices; for α = 1 the diamond is exact with perQuadrant = 1.
 */
export function regRegionBoundary(alpha: number, t: number, perQuadrant = 64): Float64Array {
  const count = 4 * perQuadrant;
  const out = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    const q = Math.floor(k / perQuadrant);
    const f = (k % perQuadrant) / perQuadrant;
    // Within a quadrant, step along the chord of the L1 diamond, then scale to the boundary:
    // even spacing along the boundary for every α.
    const a = 1 - f;
    const b = f;
    const dirs = [
      [a, b],
      [-b, a],
      [-a, -b],
      [b, -a],
    ][q];
    const len = Math.hypot(dirs[0], dirs[1]);
    const ux = dirs[0] / len;
    const uy = dirs[1] / len;
    const r = regRegionRadius(ux, uy, alpha, t);
    out[2 * k] = r * ux;
    out[2 * k + 1] = r * uy;
  }
  return out;
}

/** A square box of the (w₁, w₂) plane. */
export interface RegBox {
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Which surface to sample: the data loss L, the weighted penalty λP_α, or their sum F. */
export type RegSurfaceKind = 'loss' | 'penalty' | 'sum';

/** The value of one surface at w: L(w), λ·P_α(w) or L(w) + λ·P_α(w). */
export function regSurfaceValue(
  s: RegStats,
  kind: RegSurfaceKind,
  lambda: number,
  alpha: number,
  w: ArrayLike<number>,
): number {
  const pen = kind === 'loss' ? 0 : lambda * regPenalty(w, alpha);
  return kind === 'penalty' ? pen : regLoss(s, w) + pen;
}

/**
 * A surface sampled on an n×n grid over `box`: value at grid point (i, j), i.e.
 * w = (xMin + i·Δx, yMin + j·Δy), stored at values[j·n + i] (the layout of core/math/contours).
 */
export function regSurfaceGrid(
  s: RegStats,
  kind: RegSurfaceKind,
  lambda: number,
  alpha: number,
  box: RegBox,
  n: number,
): Float64Array {
  const values = new Float64Array(n * n);
  const w = new Float64Array(2);
  for (let j = 0; j < n; j++) {
    w[1] = box.yMin + ((box.yMax - box.yMin) * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      w[0] = box.xMin + ((box.xMax - box.xMin) * i) / (n - 1);
      values[j * n + i] = regSurfaceValue(s, kind, lambda, alpha, w);
    }
  }
  return values;
}

/**
 * Loss levels for the ellipses: L(ŵ) + m²·step for m = 1…count, so that neighbouring ellipses
 * are evenly spaced in distance from their centre ŵ. step = ½·max(A₁₁, A₂₂)·h² / count², h half
 * the box width, so the outermost level is the loss rise over a distance h along the steeper axis.
 */
export function regLossLevels(s: RegStats, minimum: number, box: RegBox, count: number): number[] {
  const half = 0.5 * Math.min(box.xMax - box.xMin, box.yMax - box.yMin);
  // Largest curvature along an axis bounds how fast L grows: ½·max(A₁₁, A₂₂)·half².
  const grow = 0.5 * Math.max(s.gram[0], s.gram[s.p + 1]) * half * half;
  const step = grow / (count * count);
  return Array.from({ length: count }, (_, m) => minimum + (m + 1) * (m + 1) * step);
}

/**
 * The two edge directions of the normal cone of the region at a boundary point w (2D): the
 * extreme points of ∂P_α(w), i.e. outward normals. Where w is off both axes (or α = 0) the two
 * coincide with ∇P_α(w); on an axis with α > 0 they span the cone of subgradients. Returned as
 * [g₁ˣ, g₁ʸ, g₂ˣ, g₂ʸ], un-normalised.
 */
export function regNormalConeEdges(w: ArrayLike<number>, alpha: number): Float64Array {
  const box = regSubdifferential(w, alpha);
  // At the origin the cone is the whole box; the edges are the corners (±α, ±α) — report two
  // opposite ones so the caller can tell that it is the full plane.
  if (w[0] === 0 && w[1] === 0) return Float64Array.of(box[0], box[2], box[1], box[3]);
  if (w[0] === 0) return Float64Array.of(box[0], box[2], box[1], box[2]);
  if (w[1] === 0) return Float64Array.of(box[0], box[2], box[0], box[3]);
  return Float64Array.of(box[0], box[2], box[0], box[2]);
}
