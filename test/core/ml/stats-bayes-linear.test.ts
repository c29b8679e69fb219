// Bayesian linear regression against independent computations: the posterior mean equals ridge
// (λ = σ²/τ²) solved by mathjs, the predictive variance equals σ² + φᵀS_Nφ with S_N inverted by
// mathjs, sampled lines have the posterior's mean and covariance within 5 standard errors, and
// the ellipse's axes are the covariance's eigenvectors.
import { create, all } from 'mathjs';
import { describe, expect, it } from 'vitest';
import {
  covarianceEllipse,
  linePosterior,
  linePredict,
  lineSamples,
} from '../../../core/ml/stats-bayes-linear';

const math = create(all);
const pts: [number, number][] = [
  [-0.8, -0.9],
  [-0.3, -0.2],
  [0.1, 0.05],
  [0.6, 0.4],
  [0.9, 0.3],
];

describe('Bayesian line', () => {
  it('posterior mean = ridge with λ = σ²/τ²; predictive variance = σ² + φᵀS_Nφ', () => {
    const sigma = 0.3;
    const tau = 0.7;
    const post = linePosterior(pts, sigma, tau);
    const X = pts.map(([x]) => [1, x]);
    const y = pts.map(([, v]) => v);
    const lambda = sigma ** 2 / tau ** 2;
    const A = math.add(
      math.multiply(math.transpose(X), X),
      math.multiply(lambda, math.identity(2)),
    ) as math.Matrix;
    const w = (
      math.lusolve(A, math.multiply(math.transpose(X), y) as number[]) as math.Matrix
    ).toArray() as number[][];
    expect(post.mean[0]).toBeCloseTo(w[0][0], 12);
    expect(post.mean[1]).toBeCloseTo(w[1][0], 12);
    const S = math.inv(math.divide(A, sigma ** 2) as math.Matrix) as math.Matrix;
    const phi = [1, 0.37];
    const v = math.multiply(math.multiply(phi, S), phi) as unknown as number;
    expect(linePredict(post, sigma, 0.37).sd).toBeCloseTo(Math.sqrt(sigma ** 2 + v), 12);
  });

  it('no points: the prior (mean 0, covariance τ²I)', () => {
    const post = linePosterior([], 0.5, 2);
    expect(post.mean).toEqual([0, 0]);
    expect(post.cov).toEqual([4, -0, 4]);
  });

  it('sampled lines have the posterior mean and covariance (5 standard errors)', () => {
    const post = linePosterior(pts, 0.3, 0.7);
    const n = 20000;
    const s = lineSamples(post, n, 3);
    const m0 = s.reduce((a, w) => a + w[0], 0) / n;
    const m1 = s.reduce((a, w) => a + w[1], 0) / n;
    expect(Math.abs(m0 - post.mean[0])).toBeLessThan(5 * Math.sqrt(post.cov[0] / n));
    expect(Math.abs(m1 - post.mean[1])).toBeLessThan(5 * Math.sqrt(post.cov[2] / n));
    const c01 = s.reduce((a, w) => a + (w[0] - m0) * (w[1] - m1), 0) / (n - 1);
    const se = Math.sqrt((post.cov[0] * post.cov[2] + post.cov[1] ** 2) / n);
    expect(Math.abs(c01 - post.cov[1])).toBeLessThan(5 * se);
  });

  it('the ellipse axes are eigenvectors of the covariance', () => {
    const cov: [number, number, number] = [2, 0.8, 1];
    const e = covarianceEllipse(cov, 1);
    const v = [Math.cos(e.angle), Math.sin(e.angle)];
    const Av = [cov[0] * v[0] + cov[1] * v[1], cov[1] * v[0] + cov[2] * v[1]];
    expect(Av[0]).toBeCloseTo(e.rx ** 2 * v[0], 12);
    expect(Av[1]).toBeCloseTo(e.rx ** 2 * v[1], 12);
    expect(e.rx ** 2 * e.ry ** 2).toBeCloseTo(cov[0] * cov[2] - cov[1] ** 2, 12);
  });
});
