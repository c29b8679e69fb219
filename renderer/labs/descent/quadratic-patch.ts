/**
 * The translucent patch of Newton's / L-BFGS's local quadratic model
 * m(θ + p) = f + gᵀp + ½ pᵀBp, laid out on the part of a box around the iterate that lies inside
 * the surface's domain, so it is never drawn outside the surface. Heights are left unclamped: the
 * clipping planes below cut the patch at the floor and ceiling of the box (a clamp would flatten
 * it into a false sheet along them).
 */
import { Plane, Vector3 } from 'three';
import { HEIGHT, type SurfaceGrid, type SurfaceMapping } from '../../components/surface-mapping';

export interface QuadraticModelAt {
  /** Iterate, f there, gradient and model matrix [bxx, bxy, byy]. */
  x: number;
  y: number;
  f: number;
  gx: number;
  gy: number;
  bxx: number;
  bxy: number;
  byy: number;
}

/** Half-width of the patch as a share of the domain's width and height. */
const REACH = 0.25;
const LIFT = 0.006;

/**
 * Writes n × n vertices (scene xyz) of the patch into `out`; returns false (nothing to draw) when
 * the iterate is outside the domain.
 */
export function quadraticPatchPositions(
  out: Float32Array,
  n: number,
  m: QuadraticModelAt,
  domain: SurfaceGrid['domain'],
  mapping: SurfaceMapping,
): boolean {
  const { xMin, xMax, yMin, yMax } = domain;
  if (!(m.x >= xMin && m.x <= xMax && m.y >= yMin && m.y <= yMax)) return false;
  const hx = REACH * (xMax - xMin);
  const hy = REACH * (yMax - yMin);
  const x0 = Math.max(xMin, m.x - hx);
  const x1 = Math.min(xMax, m.x + hx);
  const y0 = Math.max(yMin, m.y - hy);
  const y1 = Math.min(yMax, m.y + hy);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const px = x0 + ((x1 - x0) * i) / (n - 1) - m.x;
      const py = y0 + ((y1 - y0) * j) / (n - 1) - m.y;
      const f =
        m.f +
        m.gx * px +
        m.gy * py +
        0.5 * (m.bxx * px * px + 2 * m.bxy * px * py + m.byy * py * py);
      const k = 3 * (j * n + i);
      out[k] = mapping.toSceneX(m.x + px);
      out[k + 1] = mapping.toUnitFree(f) * HEIGHT + LIFT;
      out[k + 2] = mapping.toSceneZ(m.y + py);
    }
  }
  return true;
}

/** The surface's box, [−1, 1] × [0, HEIGHT] × [−1, 1]: what lies outside any of these is not drawn. */
export const QUADRATIC_CLIP_PLANES: readonly Plane[] = [
  new Plane(new Vector3(0, 1, 0), 0),
  new Plane(new Vector3(0, -1, 0), HEIGHT + LIFT),
  new Plane(new Vector3(1, 0, 0), 1),
  new Plane(new Vector3(-1, 0, 0), 1),
  new Plane(new Vector3(0, 0, 1), 1),
  new Plane(new Vector3(0, 0, -1), 1),
];
