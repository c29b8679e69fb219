/**
 * Small seeded toy datasets. Inputs are row-major Float64Arrays (sample i, coordinate d at
 * i·dim + d, dimensionless, roughly within [−1.5, 1.5]); targets have one value per sample.
 * Classification sets alternate labels (sample i has label i mod 2), so every prefix is balanced.
 * The same (id, n, noise, seed) always gives bit-identical data.
 */
import { rngCreate, type Rng } from '../math/rng';

/** Identifier of a dataset. */
export type DatasetId = 'moons' | 'circles' | 'xor' | 'blobs' | 'spiral' | 'regression-1d';

/** A dataset: n samples of dimension dim with targets y (labels 0/1, or real values). */
export interface Dataset {
  readonly id: DatasetId;
  readonly task: 'classification' | 'regression';
  readonly n: number;
  readonly dim: number;
  /** Inputs, n×dim row-major. */
  readonly x: Float64Array;
  /** Targets, length n. */
  readonly y: Float64Array;
}

/** Options of datasetCreate: n samples (default 200), noise level, seed (default 1). */
export interface DatasetOptions {
  readonly n?: number;
  /** Standard deviation of the Gaussian noise on every coordinate (target for regression). */
  readonly noise?: number;
  readonly seed?: number;
}

/** Label, task, input dimension and default noise of each dataset, for the UI. */
export const DATASETS: Readonly<
  Record<
    DatasetId,
    { label: string; task: 'classification' | 'regression'; dim: number; noise: number }
  >
> = {
  moons: { label: 'Two moons', task: 'classification', dim: 2, noise: 0.1 },
  circles: { label: 'Circles', task: 'classification', dim: 2, noise: 0.05 },
  xor: { label: 'XOR', task: 'classification', dim: 2, noise: 0.05 },
  blobs: { label: 'Gaussian blobs', task: 'classification', dim: 2, noise: 0.4 },
  spiral: { label: 'Spiral', task: 'classification', dim: 2, noise: 0.03 },
  'regression-1d': { label: '1-D regression: sin(πx)', task: 'regression', dim: 1, noise: 0.1 },
};

type PointMaker = (label: number, rng: Rng) => [number, number];

function classification2d(id: DatasetId, n: number, noise: number, seed: number, make: PointMaker) {
  const rng = rngCreate(seed);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const [a, b] = make(label, rng);
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = label;
  }
  const data: Dataset = { id, task: 'classification', n, dim: 2, x, y };
  return data;
}

/**
 * Two interleaved half circles of radius 1: label 0 on (cos t, sin t), label 1 on
 * (1 − cos t, ½ − sin t), t ~ U(0, π), shifted by (−½, −¼) to center them.
 */
export function datasetMoons(n: number, noise: number, seed: number): Dataset {
  return classification2d('moons', n, noise, seed, (label, rng) => {
    const t = Math.PI * rng.next();
    return label === 0
      ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25]
      : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
  });
}

/** Concentric circles, angle ~ U(0, 2π): label 0 on radius 1, label 1 on radius `factor` (½). */
export function datasetCircles(n: number, noise: number, seed: number, factor = 0.5): Dataset {
  return classification2d('circles', n, noise, seed, (label, rng) => {
    const t = 2 * Math.PI * rng.next();
    const r = label === 0 ? 1 : factor;
    return [r * Math.cos(t), r * Math.sin(t)];
  });
}

/**
 * XOR: |x₁|, |x₂| ~ U(0.1, 1); label 0 where x₁x₂ > 0 (quadrants I, III), 1 otherwise
 * (before noise).
 */
export function datasetXor(n: number, noise: number, seed: number): Dataset {
  return classification2d('xor', n, noise, seed, (label, rng) => {
    const sx = rng.next() < 0.5 ? -1 : 1;
    const sy = label === 0 ? sx : -sx;
    return [sx * (0.1 + 0.9 * rng.next()), sy * (0.1 + 0.9 * rng.next())];
  });
}

/** Two isotropic Gaussian blobs with centers (−0.8, −0.8) (label 0) and (0.8, 0.8) (label 1). */
export function datasetBlobs(n: number, noise: number, seed: number): Dataset {
  return classification2d('blobs', n, noise, seed, (label) =>
    label === 0 ? [-0.8, -0.8] : [0.8, 0.8],
  );
}

/**
 * Two interleaved spiral arms: r = s, angle = 3π·s + π·label with s ~ U(0, 1)
 * (1.5 turns per arm).
 */
export function datasetSpiral(n: number, noise: number, seed: number): Dataset {
  return classification2d('spiral', n, noise, seed, (label, rng) => {
    const s = rng.next();
    const angle = 3 * Math.PI * s + Math.PI * label;
    return [s * Math.cos(angle), s * Math.sin(angle)];
  });
}

/** 1-D regression: x ~ U(−1, 1), y = sin(πx) + noise·N(0, 1). */
export function datasetRegression1d(n: number, noise: number, seed: number): Dataset {
  const rng = rngCreate(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * rng.next() - 1;
    y[i] = Math.sin(Math.PI * x[i]) + noise * rng.normal();
  }
  return { id: 'regression-1d', task: 'regression', n, dim: 1, x, y };
}

/** Any dataset by id; missing options take n = 200, the dataset's default noise, seed = 1. */
export function datasetCreate(id: DatasetId, options: DatasetOptions = {}): Dataset {
  const n = options.n ?? 200;
  const noise = options.noise ?? DATASETS[id].noise;
  const seed = options.seed ?? 1;
  switch (id) {
    case 'moons':
      return datasetMoons(n, noise, seed);
    case 'circles':
      return datasetCircles(n, noise, seed);
    case 'xor':
      return datasetXor(n, noise, seed);
    case 'blobs':
      return datasetBlobs(n, noise, seed);
    case 'spiral':
      return datasetSpiral(n, noise, seed);
    case 'regression-1d':
      return datasetRegression1d(n, noise, seed);
  }
}
