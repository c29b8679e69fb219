import { describe, expect, it } from 'vitest';
import {
  batchNormBackward,
  batchNormCacheCreate,
  batchNormForwardInference,
  batchNormForwardTrain,
  batchNormRunningUpdate,
} from '../../../core/ml/batch-norm';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { rngCreate } from '../../../core/math/rng';

const B = 6;
const F = 4;
const eps = 1e-5;

function randomArray(n: number, seed: number, scale = 1, shift = 0): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: n }, () => shift + scale * rng.normal());
}

function maxAbs(v: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('batch norm', () => {
  it('training-mode output has zero mean and unit variance per feature (γ=1, β=0)', () => {
    const x = randomArray(B * F, 1, 3, 5);
    const cache = batchNormCacheCreate(B, F);
    const y = new Float64Array(B * F);
    batchNormForwardTrain(x, B, F, new Float64Array(F).fill(1), new Float64Array(F), eps, cache, y);
    for (let j = 0; j < F; j++) {
      let mean = 0;
      for (let b = 0; b < B; b++) mean += y[b * F + j] / B;
      let v = 0;
      for (let b = 0; b < B; b++) v += (y[b * F + j] - mean) ** 2 / B;
      expect(Math.abs(mean)).toBeLessThan(1e-14);
      // The biased variance of x̂ is exactly σ²/(σ²+ε); undo the ε to compare with 1.
      const s2 = cache.variance[j];
      expect(Math.abs((v * (s2 + eps)) / s2 - 1)).toBeLessThan(1e-12);
      expect(Math.abs(v - 1)).toBeLessThan(1e-5);
    }
  });

  it('backward matches finite differences in x, γ and β', () => {
    const x0 = randomArray(B * F, 2, 2, -1);
    const gamma0 = randomArray(F, 3, 0.5, 1);
    const beta0 = randomArray(F, 4);
    const c = randomArray(B * F, 5);
    const cache = batchNormCacheCreate(B, F);
    const y = new Float64Array(B * F);
    // L = Σ c ⊙ y, so ∂L/∂y = c.
    const lossOf = (x: Float64Array, g: Float64Array, be: Float64Array): number => {
      batchNormForwardTrain(x, B, F, g, be, eps, cache, y);
      let s = 0;
      for (let k = 0; k < B * F; k++) s += c[k] * y[k];
      return s;
    };
    lossOf(x0, gamma0, beta0);
    const dx = new Float64Array(B * F);
    const dGamma = new Float64Array(F);
    const dBeta = new Float64Array(F);
    batchNormBackward(c, B, F, gamma0, cache, dx, dGamma, dBeta);
    const fdX = finiteDiffGradient((x) => lossOf(x, gamma0, beta0), x0);
    const fdG = finiteDiffGradient((g) => lossOf(x0, g, beta0), gamma0);
    const fdB = finiteDiffGradient((be) => lossOf(x0, gamma0, be), beta0);
    expect(maxAbsDiff(dx, fdX) / maxAbs(fdX)).toBeLessThan(1e-7);
    expect(maxAbsDiff(dGamma, fdG) / maxAbs(fdG)).toBeLessThan(1e-7);
    expect(maxAbsDiff(dBeta, fdB) / maxAbs(fdB)).toBeLessThan(1e-7);
    // ∂L/∂x sums to zero over the batch: a shift of a whole feature column is normalized away.
    for (let j = 0; j < F; j++) {
      let s = 0;
      for (let b = 0; b < B; b++) s += dx[b * F + j];
      expect(Math.abs(s)).toBeLessThan(1e-12);
    }
  });

  it('backward may write dx over dy', () => {
    const x = randomArray(B * F, 6);
    const gamma = randomArray(F, 7);
    const cache = batchNormCacheCreate(B, F);
    batchNormForwardTrain(x, B, F, gamma, new Float64Array(F), eps, cache, new Float64Array(B * F));
    const dy = randomArray(B * F, 8);
    const separate = new Float64Array(B * F);
    batchNormBackward(dy, B, F, gamma, cache, separate, new Float64Array(F), new Float64Array(F));
    batchNormBackward(dy, B, F, gamma, cache, dy, new Float64Array(F), new Float64Array(F));
    expect(maxAbsDiff(dy, separate)).toBe(0);
  });

  it('running statistics converge to the data mean and variance', () => {
    const runMean = new Float64Array(F);
    const runVar = new Float64Array(F).fill(1);
    const cache = batchNormCacheCreate(32, F);
    const y = new Float64Array(32 * F);
    const gamma = new Float64Array(F).fill(1);
    const beta = new Float64Array(F);
    for (let step = 0; step < 400; step++) {
      const x = randomArray(32 * F, 100 + step, 2, 3);
      batchNormForwardTrain(x, 32, F, gamma, beta, eps, cache, y);
      batchNormRunningUpdate(runMean, runVar, cache, 32, 0.1);
    }
    // Data: N(3, 2²). An EMA with m = 0.1 averages ≈ 19 batches of 32: sd of the mean ≈ 0.08.
    for (let j = 0; j < F; j++) {
      expect(Math.abs(runMean[j] - 3)).toBeLessThan(0.3);
      expect(Math.abs(runVar[j] - 4)).toBeLessThan(1);
    }
  });

  it('inference mode with momentum-1 running stats equals the unbiased-variance normalization', () => {
    const x = randomArray(B * F, 9, 1.5, 0.5);
    const gamma = randomArray(F, 10);
    const beta = randomArray(F, 11);
    const cache = batchNormCacheCreate(B, F);
    batchNormForwardTrain(x, B, F, gamma, beta, eps, cache, new Float64Array(B * F));
    const runMean = new Float64Array(F);
    const runVar = new Float64Array(F);
    batchNormRunningUpdate(runMean, runVar, cache, B, 1);
    const y = new Float64Array(B * F);
    batchNormForwardInference(x, B, F, gamma, beta, runMean, runVar, eps, y);
    for (let j = 0; j < F; j++) {
      let mean = 0;
      for (let b = 0; b < B; b++) mean += x[b * F + j] / B;
      let ss = 0;
      for (let b = 0; b < B; b++) ss += (x[b * F + j] - mean) ** 2;
      const sd = Math.sqrt(ss / (B - 1) + eps);
      for (let b = 0; b < B; b++) {
        const expected = (gamma[j] * (x[b * F + j] - mean)) / sd + beta[j];
        expect(y[b * F + j]).toBeCloseTo(expected, 12);
      }
    }
  });
});
