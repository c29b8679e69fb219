/**
 * The point sets of the Losses lab: the seeds' five targets, seeded noisy lines for the outlier
 * fit, and seeded two-class clouds for the classifier. Coordinates are rounded to 0.01 so a scene
 * stores short numbers; the same seed always draws the same points.
 */
import { rngCreate } from '../../math/rng';
import { PLANE, type LossesParams } from './params';

type Fit = LossesParams['fit'];
type ClassPoint = LossesParams['classify']['points'][number];

const r2 = (v: number) => Math.round(v * 100) / 100;
const clampPlane = (v: number) => Math.max(PLANE.min, Math.min(PLANE.max, r2(v)));

/**
 * The example the lab starts from: targets 1, 2, 3, 4 and 100 at x = 1 … 5 (the last one the
 * outlier) — the seeds' regression example.
 */
export const SEED_EXAMPLE: Pick<Fit, 'inliers' | 'outlier'> = {
  inliers: [
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 4],
  ],
  outlier: [5, 100],
};

/** The seeds' fixed predictions for SEED_EXAMPLE's targets, whose losses the lab shows checked. */
export const SEED_PREDICTIONS = [1.1, 1.9, 3.2, 3.8, 4.5] as const;

/** True when the points are exactly the seeds' example (so its fixed predictions apply). */
export function isSeedExample(fit: Pick<Fit, 'inliers' | 'outlier'>): boolean {
  const all = [...fit.inliers, fit.outlier];
  const ref = [...SEED_EXAMPLE.inliers, SEED_EXAMPLE.outlier];
  return all.length === ref.length && all.every((p, i) => p[0] === ref[i][0] && p[1] === ref[i][1]);
}

/**
 * n points near the line y = 1 + 0.8x for x in [0, 10] with noise of standard deviation 0.6;
 * the outlier keeps its x and sits 50 above the line.
 */
export function noisyLineDraw(seed: number, n = 11): Pick<Fit, 'inliers' | 'outlier'> {
  const rng = rngCreate(seed);
  const xs = Array.from({ length: n }, (_, i) => r2((10 * (i + 0.3 + 0.4 * rng.next())) / n));
  const inliers = xs.map((x): [number, number] => [x, r2(1 + 0.8 * x + 0.6 * rng.normal())]);
  return { inliers, outlier: [8.5, r2(1 + 0.8 * 8.5 + 50)] };
}

/**
 * Two clouds: `pos` points of class +1 around (c, c/2) and `neg` of class −1 around (−c, −c/2),
 * each coordinate with standard deviation `spread`, clipped to the plane.
 */
export function cloudsDraw(
  seed: number,
  pos: number,
  neg: number,
  c = 1.2,
  spread = 0.9,
): ClassPoint[] {
  const rng = rngCreate(seed);
  const cloud = (k: number, sign: 1 | -1): ClassPoint[] =>
    Array.from({ length: k }, () => [
      clampPlane(sign * c + spread * rng.normal()),
      clampPlane((sign * c) / 2 + spread * rng.normal()),
      sign,
    ]);
  return [...cloud(pos, 1), ...cloud(neg, -1)];
}

/**
 * The focal story's points: many easy negatives far from the boundary, a handful of positives,
 * and a few hard points of both classes close to it.
 */
export function imbalancedDraw(seed: number): ClassPoint[] {
  const rng = rngCreate(seed);
  const at = (x: number, y: number, s: number, label: 1 | -1): ClassPoint => [
    clampPlane(x + s * rng.normal()),
    clampPlane(y + s * rng.normal()),
    label,
  ];
  return [
    ...Array.from({ length: 18 }, () => at(-2.2, -1.6, 0.7, -1)),
    ...Array.from({ length: 5 }, () => at(1.4, 1.2, 0.6, 1)),
    at(0.2, 0.5, 0.2, -1),
    at(-0.1, -0.3, 0.2, 1),
    at(0.5, -0.2, 0.2, 1),
  ];
}
