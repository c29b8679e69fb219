// Losses as likelihoods: each noise density integrates to 1 (numerically, independent of its
// closed-form normaliser), the best constant under each loss is the matching location estimate
// on the seeds' targets (mean 22, median 3, Huber 3, log-cosh from mpmath); and the linear
// classifier's objective gradient against finite differences, its training and its point terms.
import { describe, expect, it } from 'vitest';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import {
  classifierObjective,
  classifierPointTerms,
  classifierRunCreate,
  type LabelledPoint,
  type TrainSettings,
} from '../../../core/ml/losses-classify';
import {
  bernoulliNll,
  locationEstimate,
  noiseDensity,
  quantileSet,
} from '../../../core/ml/losses-likelihood';
import { bceProbability } from '../../../core/ml/losses-classification';
import { REGRESSION_LOSS_IDS } from '../../../core/ml/losses-regression';

/** ∫ f over [−L, L] by composite Simpson with step h. */
function simpson(f: (r: number) => number, L: number, h: number): number {
  const n = Math.round((2 * L) / h);
  let sum = f(-L) + f(L);
  for (let k = 1; k < n; k++) sum += (k % 2 ? 4 : 2) * f(-L + k * h);
  return (sum * h) / 3;
}

describe('noise densities', () => {
  for (const s of [
    { delta: 1, tau: 0.5 },
    { delta: 0.3, tau: 0.15 },
    { delta: 4, tau: 0.8 },
  ])
    for (const id of REGRESSION_LOSS_IDS)
      it(`${id} (δ = ${s.delta}, τ = ${s.tau}) integrates to 1`, () => {
        // Simpson's rule on a grid with a node at every kink (0, ±δ) is accurate to ~1e-9 here.
        const h = s.delta === 0.3 ? 0.005 : 0.01;
        expect(simpson((r) => noiseDensity(id, r, s), 400, h)).toBeCloseTo(1, 7);
      });
  it('peaks: Gaussian 1/√π, Laplace ½, sech r/π at 0', () => {
    const s = { delta: 1, tau: 0.5 };
    expect(noiseDensity('mse', 0, s)).toBeCloseTo(1 / Math.sqrt(Math.PI), 15);
    expect(noiseDensity('mae', 0, s)).toBe(0.5);
    expect(noiseDensity('logcosh', 2, s)).toBeCloseTo(1 / Math.cosh(2) / Math.PI, 15);
  });
  it('BCE is the Bernoulli negative log-likelihood where p is not clipped', () => {
    for (const p of [0.01, 0.3, 0.9])
      for (const y of [0, 1] as const)
        expect(bernoulliNll(p, y)).toBeCloseTo(bceProbability(p, y), 15);
  });
});

describe('the best constant under each loss (targets 1, 2, 3, 4, 100)', () => {
  const y = [1, 2, 3, 4, 100];
  const s = { delta: 1, tau: 0.5 };
  it('mean 22, median 3, Huber(1) 3, log-cosh 3.0188 (mpmath)', () => {
    expect(locationEstimate('mse', y, s).value).toBeCloseTo(22, 12);
    expect(locationEstimate('mae', y, s).set).toEqual([3, 3]);
    expect(locationEstimate('huber', y, s).value).toBeCloseTo(3, 12);
    expect(locationEstimate('logcosh', y, s).value).toBeCloseTo(3.0188407674629906, 11);
  });
  it('quantile sets: an interval when nτ is whole', () => {
    expect(quantileSet(y, 0.8)).toEqual([4, 100]);
    expect(quantileSet(y, 0.7)).toEqual([4, 4]);
    expect(quantileSet([5, 1, 3, 2], 0.5)).toEqual([2, 3]);
    expect(locationEstimate('mae', [5, 1, 3, 2], s).value).toBe(2.5);
  });
});

const POINTS: LabelledPoint[] = [
  [1, 1.5, 1],
  [2, 0.5, 1],
  [3, 2, 1],
  [-1, -0.5, -1],
  [-2, 0.4, -1],
  [0.2, -1.8, -1],
  [0.5, 0.3, -1],
];
const settings = (loss: TrainSettings['loss']): TrainSettings => ({
  loss,
  lr: 0.5,
  l2: 0.01,
  focal: { gamma: 2, alpha: 0.25 },
});

describe('linear classifier', () => {
  for (const loss of ['logistic', 'hinge', 'focal'] as const)
    it(`${loss}: ∇J matches finite differences (away from hinge kinks)`, () => {
      for (const theta of [
        [0.3, -0.2, 0.1],
        [1.2, 0.7, -0.4],
      ] as const) {
        const { gradient } = classifierObjective(theta, POINTS, settings(loss));
        const fd = finiteDiffGradient(
          (t) => classifierObjective([t[0], t[1], t[2]], POINTS, settings(loss)).value,
          theta,
        );
        for (let k = 0; k < 3; k++) expect(Math.abs(gradient[k] - fd[k])).toBeLessThan(1e-8);
      }
    });
  it('gradient descent lowers J and separates the points; trajectory starts at 0', () => {
    for (const loss of ['logistic', 'hinge', 'focal'] as const) {
      const run = classifierRunCreate(POINTS, settings(loss), 400);
      while (!run.advance(37));
      const T = run.trajectory;
      expect(Array.from(T.slice(0, 3))).toEqual([0, 0, 0]);
      expect(T[4 * 400 + 3]).toBeLessThan(T[3]);
      const theta = [T[1600], T[1601], T[1602]] as const;
      const terms = classifierPointTerms(theta, POINTS, loss, settings(loss).focal);
      expect(terms.filter((t) => t.misclassified).length, loss).toBe(0);
    }
  });
  it('hinge: points past the margin contribute nothing; focal: easy points almost nothing', () => {
    const theta = [3, 3, 0] as const;
    const hinge = classifierPointTerms(theta, POINTS, 'hinge', settings('hinge').focal);
    for (const t of hinge) if (t.margin > 1) expect(t.slope).toBe(0);
    const focal = classifierPointTerms(theta, POINTS, 'focal', { gamma: 2, alpha: null });
    const logistic = classifierPointTerms(theta, POINTS, 'logistic', { gamma: 0, alpha: null });
    // The easiest point (margin 13.5): focal keeps σ(−m)² of logistic's pull.
    const k = POINTS.findIndex(([x1, x2]) => x1 === 3 && x2 === 2);
    expect(focal[k].slope / logistic[k].slope).toBeLessThan(1e-10);
  });
});
