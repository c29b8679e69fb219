/**
 * Chooses where the 3D camera starts so that the paths drawn on a surface can be seen: candidate
 * cameras on a sphere around the box (azimuth × elevation) are scored by the share of path points
 * whose line of sight to the camera no part of the surface blocks. A narrow valley seen across
 * its walls hides its floor; seen along its length, or from higher up, it does not.
 * Pure math on the sampled grid (no three.js), so it can be tested directly.
 */
import { HEIGHT, type SurfaceGrid, type SurfaceMapping } from './surface-mapping';

export type Vec3 = [number, number, number];

export interface CameraView {
  position: Vec3;
  target: Vec3;
}

/** Distance from the target: with the field of view FitCamera sets, the whole box is in frame. */
const RADIUS = 3.7;
const TARGET: Vec3 = [0, 0.3, 0];

/** The view used when there is nothing to frame (and the one the app had before framing). */
export const CAMERA_DEFAULT: CameraView = { position: [2.3, 2.0, 2.3], target: TARGET };

/** A path on the surface: (x, y) per iterate and f per iterate. */
export interface FramePath {
  positions: ArrayLike<number>;
  losses: ArrayLike<number>;
  count: number;
}

/** Up to `perPath` points of each path, evenly spaced, in scene coordinates (inside the box only). */
export function framePathPoints(
  mapping: SurfaceMapping,
  paths: readonly FramePath[],
  perPath = 60,
): Float64Array[] {
  return paths.map((p) => {
    const out: number[] = [];
    const stride = Math.max(1, Math.floor(p.count / perPath));
    for (let k = 0; k < p.count; k += stride) {
      const sx = mapping.toSceneX(p.positions[2 * k]);
      const sz = mapping.toSceneZ(p.positions[2 * k + 1]);
      if (!(Math.abs(sx) <= 1 && Math.abs(sz) <= 1) || !Number.isFinite(p.losses[k])) continue;
      out.push(sx, mapping.toUnit(p.losses[k]) * HEIGHT + 0.012, sz);
    }
    return Float64Array.from(out);
  });
}

/** Surface height in scene units at scene (sx, sz), bilinear between grid samples. */
function heightField(grid: SurfaceGrid, mapping: SurfaceMapping) {
  const { n, values } = grid;
  const h = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) h[k] = mapping.toUnit(values[k]) * HEIGHT;
  return (sx: number, sz: number) => {
    const u = ((sx + 1) / 2) * (n - 1);
    const v = ((1 - sz) / 2) * (n - 1);
    const i = Math.min(n - 2, Math.max(0, Math.floor(u)));
    const j = Math.min(n - 2, Math.max(0, Math.floor(v)));
    const fu = u - i;
    const fv = v - j;
    const a = h[j * n + i] + fu * (h[j * n + i + 1] - h[j * n + i]);
    const b = h[(j + 1) * n + i] + fu * (h[(j + 1) * n + i + 1] - h[(j + 1) * n + i]);
    return a + fv * (b - a);
  };
}

/** Share of the points (scene xyz triples) that the camera at `eye` sees over the surface. */
export function frameVisibleShare(
  eye: Vec3,
  points: Float64Array,
  height: (sx: number, sz: number) => number,
): number {
  const count = points.length / 3;
  if (count === 0) return 1;
  let seen = 0;
  for (let p = 0; p < count; p++) {
    const [px, py, pz] = [points[3 * p], points[3 * p + 1], points[3 * p + 2]];
    const dx = px - eye[0];
    const dy = py - eye[1];
    const dz = pz - eye[2];
    // Only the stretch of the ray below the surface's top can be blocked.
    const t0 = dy < 0 && eye[1] > HEIGHT ? (eye[1] - HEIGHT) / -dy : 0;
    const len = Math.hypot(dx, dy, dz);
    const steps = Math.max(8, Math.ceil(((1 - t0) * len) / 0.025));
    let blocked = false;
    for (let s = 0; s < steps && !blocked; s++) {
      const t = t0 + ((1 - t0) * s) / steps;
      if (t > 1 - 0.04 / len) break; // the last few hundredths are the point's own neighbourhood
      const x = eye[0] + t * dx;
      const z = eye[2] + t * dz;
      if (Math.abs(x) > 1 || Math.abs(z) > 1) continue;
      if (eye[1] + t * dy < height(x, z) - 0.01) blocked = true;
    }
    if (!blocked) seen++;
  }
  return seen / count;
}

export function cameraAt(azimuthDeg: number, elevationDeg: number): CameraView {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  return {
    position: [
      TARGET[0] + RADIUS * Math.cos(el) * Math.cos(az),
      TARGET[1] + RADIUS * Math.sin(el),
      TARGET[2] + RADIUS * Math.cos(el) * Math.sin(az),
    ],
    target: TARGET,
  };
}

/** The default camera is at azimuth 45°, elevation ≈ 27°; candidates are scored against it. */
const AZIMUTHS = Array.from({ length: 24 }, (_, i) => 45 + i * 15);
const ELEVATIONS = [30, 40, 50, 60, 70];

/**
 * The camera that sees most of every path: score = mean share seen + the worst path's share, less
 * a small cost for moving away from the familiar view (low, from the front right corner), so a
 * surface whose paths are visible from anywhere keeps the usual camera.
 */
export function cameraFrame(
  grid: SurfaceGrid,
  mapping: SurfaceMapping,
  paths: readonly FramePath[],
): CameraView {
  const sets = framePathPoints(mapping, paths).filter((p) => p.length > 0);
  if (sets.length === 0) return cameraAt(45, 30);
  const height = heightField(grid, mapping);
  let best = { score: -Infinity, view: cameraAt(45, 30) };
  for (const el of ELEVATIONS) {
    for (const az of AZIMUTHS) {
      const view = cameraAt(az, el);
      const shares = sets.map((pts) => frameVisibleShare(view.position, pts, height));
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      const turn = Math.min(Math.abs(az - 45), 360 - Math.abs(az - 45)) / 180;
      const score = mean + Math.min(...shares) - 0.04 * turn - 0.002 * (el - 30);
      if (score > best.score + 1e-9) best = { score, view };
    }
  }
  return best.view;
}

/** For tests and diagnostics: the share of each path that `view` sees. */
export function cameraPathShares(
  view: CameraView,
  grid: SurfaceGrid,
  mapping: SurfaceMapping,
  paths: readonly FramePath[],
): number[] {
  const height = heightField(grid, mapping);
  return framePathPoints(mapping, paths).map((pts) =>
    frameVisibleShare(view.position, pts, height),
  );
}
