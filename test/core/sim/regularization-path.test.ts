import { describe, expect, it } from 'vitest';
import { simRegistryCreate } from '../../../core/labs/registry';
import {
  regularizationPathSim,
  type RegularizationPathFrame,
  type RegularizationPathParams,
  type RegularizationPathResult,
} from '../../../core/sim/regularization-path';

const base: RegularizationPathParams = {
  features: 8,
  nTrain: 60,
  nTest: 400,
  correlation: 0.5,
  noise: 1.5,
  seed: 11,
  alpha: 0.5,
  lambdaMin: 1e-3,
  lambdaMax: 100,
  count: 50,
};

function runAll(params: RegularizationPathParams) {
  const frames: RegularizationPathFrame[] = [];
  const run = regularizationPathSim.start(regularizationPathSim.params.parse(params));
  let slices = 0;
  let step = run.next();
  while (!step.done) {
    slices++;
    if (step.value.frame) frames.push(step.value.frame);
    step = run.next();
  }
  return { frames, result: step.value as RegularizationPathResult, slices };
}

describe('regularization-path simulation', () => {
  it('is registered in the catalog', () => {
    expect(simRegistryCreate().names()).toContain('regularization-path');
  });

  it('streams the data, then ridge, lasso and elastic-net paths that are optimal everywhere', () => {
    const { frames, result, slices } = runAll(base);
    expect(slices).toBeGreaterThanOrEqual(3 * base.count);
    expect(frames[0].kind).toBe('data');
    const paths = frames.filter((f) => f.kind === 'path');
    expect(paths.map((f) => f.method)).toEqual(['ridge', 'lasso', 'elastic-net']);
    for (const f of paths) {
      expect(f.lambdas.length).toBe(50);
      expect(f.coefs.length).toBe(50 * 8);
      expect(f.worstKkt).toBeLessThan(1e-8);
      expect(f.trainMse.every(Number.isFinite)).toBe(true);
    }
    const [ridge, lasso, en] = paths;
    // Ridge shrinks but never zeroes; the L1 paths start empty at the largest λ and fill up.
    expect(Array.from(ridge.nonzero).every((c) => c === 8)).toBe(true);
    expect(lasso.nonzero[0]).toBe(0);
    expect(lasso.nonzero[49]).toBe(8);
    expect(en.nonzero[0]).toBe(0);
    // Training error can only fall as λ shrinks; the held-out error is best in between.
    for (const f of paths)
      for (let k = 1; k < 50; k++)
        expect(f.trainMse[k]).toBeLessThanOrEqual(f.trainMse[k - 1] + 1e-12);
    expect(result.methods.map((m) => m.method)).toEqual(['ridge', 'lasso', 'elastic-net']);
    const lassoBest = result.methods[1];
    expect(lassoBest.bestLambda).toBeGreaterThan(base.lambdaMin);
    expect(lassoBest.bestLambda).toBeLessThan(base.lambdaMax);
  });

  it('the seed alone decides the data: the same seed repeats the paths, another changes them', () => {
    const a = runAll({ ...base, count: 10 }).frames;
    const b = runAll({ ...base, count: 10 }).frames;
    expect(a).toEqual(b);
    const c = runAll({ ...base, count: 10, seed: base.seed + 1 }).frames;
    expect(c).not.toEqual(a);
  });

  it('rejects bad params', () => {
    const schema = regularizationPathSim.params;
    expect(schema.safeParse({ ...base, features: 4 }).success).toBe(false);
    expect(schema.safeParse({ ...base, lambdaMin: 10, lambdaMax: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...base, alpha: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...base, weights: [1, 2, 3] }).success).toBe(false);
    expect(schema.safeParse({ ...base, weights: [1, 0, 0, 0, 0, 0, 0, 2] }).success).toBe(true);
  });
});
