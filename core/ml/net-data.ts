/**
 * Two-dimensional datasets for the Networks lab, on the square [−6, 6]² (the plane the lab draws).
 * Every set is seeded: the same (id, n, noise, seed) gives bit-identical points. Classification
 * labels are 0 … k−1; regression targets lie in [−1, 1] before noise.
 *
 * Noise is a fraction in [0, 0.5]: classification points move by a Gaussian of standard deviation
 * noise·s (s a per-set scale given below, so 0.5 makes the classes overlap visibly) after their
 * label was decided; regression targets get a Gaussian of standard deviation noise.
 */
import { rngCreate, type Rng } from '../math/rng';

/** The half-width of the plane every dataset lives on. */
export const NET_PLANE = 6;

export type NetDatasetId =
  | 'circle'
  | 'xor'
  | 'gauss'
  | 'spiral'
  | 'moons'
  | 'checkerboard'
  | 'gauss3'
  | 'plane'
  | 'multi-gauss';

export type NetTask = 'classification' | 'regression';

/** Label, task and class count of each generated dataset. */
export const NET_DATASETS: Readonly<
  Record<NetDatasetId, { label: string; task: NetTask; classes: number }>
> = {
  circle: { label: 'Circle', task: 'classification', classes: 2 },
  xor: { label: 'XOR', task: 'classification', classes: 2 },
  gauss: { label: 'Two Gaussians', task: 'classification', classes: 2 },
  spiral: { label: 'Spiral', task: 'classification', classes: 2 },
  moons: { label: 'Moons', task: 'classification', classes: 2 },
  checkerboard: { label: 'Checkerboard', task: 'classification', classes: 2 },
  gauss3: { label: 'Three Gaussians', task: 'classification', classes: 3 },
  plane: { label: 'Plane (regression)', task: 'regression', classes: 0 },
  'multi-gauss': { label: 'Multi-Gaussian (regression)', task: 'regression', classes: 0 },
};

/** Points on the plane: x is n×2 row-major, y a label (0 … k−1) or a real target per point. */
export interface NetPoints {
  readonly n: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly task: NetTask;
  /** Number of classes (largest label + 1) for classification, 0 for regression. */
  readonly classes: number;
}

type Maker = (i: number, rng: Rng) => [number, number, number];

function build(n: number, task: NetTask, classes: number, rng: Rng, make: Maker): NetPoints {
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b, t] = make(i, rng);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = t;
  }
  return { n, x, y, task, classes };
}

/** Standard deviation of the regression multi-Gaussian bumps and their centres and signs. */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/** The noiseless regression targets (also what the lab can draw as ground truth). */
export function netRegressionTarget(id: 'plane' | 'multi-gauss', a: number, b: number): number {
  if (id === 'plane') return (a + b) / (2 * NET_PLANE);
  let s = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const d2 = (a - cx) ** 2 + (b - cy) ** 2;
    s += sign * Math.exp(-d2 / (2 * 1.6 ** 2));
  }
  return Math.max(-1, Math.min(1, s));
}

/** Generates dataset `id` with n points (labels alternate, so every prefix is balanced). */
export function netDatasetCreate(
  id: NetDatasetId,
  n: number,
  noise: number,
  seed: number,
): NetPoints {
  const rng = rngCreate(seed);
  const gauss = (s: number) => noise * s * rng.normal();
  const uni = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  switch (id) {
    case 'circle':
      // Inside radius 2.5: class 1; ring 3.5 … 5: class 0. s = 2.5.
      return build(n, 'classification', 2, rng, (i) => {
        const label = i % 2;
        const r = label === 1 ? uni(0, 2.5) : uni(3.5, 5);
        const t = uni(0, 2 * Math.PI);
        return [r * Math.cos(t) + gauss(2.5), r * Math.sin(t) + gauss(2.5), label];
      });
    case 'xor':
      // |x₁|, |x₂| ∈ [0.3, 5.7]; class 1 where x₁x₂ > 0. s = 2.5.
      return build(n, 'classification', 2, rng, (i) => {
        const label = i % 2;
        const sx = rng.next() < 0.5 ? -1 : 1;
        const sy = label === 1 ? sx : -sx;
        const a = sx * uni(0.3, 5.7);
        const b = sy * uni(0.3, 5.7);
        return [a + gauss(2.5), b + gauss(2.5), label];
      });
    case 'gauss':
      // Centres (2, 2) (class 1) and (−2, −2) (class 0), σ = 1 + 4·noise.
      return build(n, 'classification', 2, rng, (i) => {
        const label = i % 2;
        const c = label === 1 ? 2 : -2;
        const sd = 1 + 4 * noise;
        return [c + sd * rng.normal(), c + sd * rng.normal(), label];
      });
    case 'gauss3':
      // Centres at radius 3.5, angles 90°, 210°, 330°; σ = 1 + 4·noise.
      return build(n, 'classification', 3, rng, (i) => {
        const label = i % 3;
        const t = Math.PI / 2 + (label * 2 * Math.PI) / 3;
        const sd = 1 + 4 * noise;
        return [
          3.5 * Math.cos(t) + sd * rng.normal(),
          3.5 * Math.sin(t) + sd * rng.normal(),
          label,
        ];
      });
    case 'spiral':
      // Two arms r = 5u, angle 1.75·2π·u (+π for class 0), u uniform. s = 2.
      return build(n, 'classification', 2, rng, (i) => {
        const label = i % 2;
        const u = rng.next();
        const r = 5 * u;
        const t = 1.75 * 2 * Math.PI * u + (label === 1 ? 0 : Math.PI);
        return [r * Math.sin(t) + gauss(2), r * Math.cos(t) + gauss(2), label];
      });
    case 'moons':
      // Half circles of radius 3.5, interleaved. s = 2.
      return build(n, 'classification', 2, rng, (i) => {
        const label = i % 2;
        const t = Math.PI * rng.next();
        const a = label === 0 ? 3.5 * Math.cos(t) - 1.75 : 1.75 - 3.5 * Math.cos(t);
        const b = label === 0 ? 3.5 * Math.sin(t) - 0.9 : 0.9 - 3.5 * Math.sin(t);
        return [a + gauss(2), b + gauss(2), label];
      });
    case 'checkerboard':
      // 4 × 4 squares of side 3 on the plane; class = parity of the square. s = 1.5.
      return build(n, 'classification', 2, rng, () => {
        const a = uni(-NET_PLANE, NET_PLANE);
        const b = uni(-NET_PLANE, NET_PLANE);
        const label = (Math.floor(a / 3) + Math.floor(b / 3)) & 1;
        return [a + gauss(1.5), b + gauss(1.5), label];
      });
    case 'plane':
    case 'multi-gauss':
      return build(n, 'regression', 0, rng, () => {
        const a = uni(-NET_PLANE, NET_PLANE);
        const b = uni(-NET_PLANE, NET_PLANE);
        return [a, b, netRegressionTarget(id, a, b) + noise * rng.normal()];
      });
  }
}

/** A user's points (each x, y, label or target) as NetPoints. */
export function netPointsFrom(
  points: readonly { x: number; y: number; v: number }[],
  task: NetTask,
): NetPoints {
  const n = points.length;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  let top = -1;
  points.forEach((p, i) => {
    x[2 * i] = p.x;
    x[2 * i + 1] = p.y;
    y[i] = p.v;
    if (p.v > top) top = p.v;
  });
  return { n, x, y, task, classes: task === 'classification' ? Math.max(2, top + 1) : 0 };
}

/** Indices of a seeded train/test split: the first round(n·ratio) of a shuffle train (≥ 1 each when n ≥ 2). */
export function netSplit(
  n: number,
  ratio: number,
  seed: number,
): { train: Int32Array; test: Int32Array } {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = rngCreate(seed ^ 0x5bd1e995);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  let k = Math.round(n * ratio);
  if (n >= 2) k = Math.min(n - 1, Math.max(1, k));
  else k = n;
  return { train: order.slice(0, k), test: order.slice(k) };
}
