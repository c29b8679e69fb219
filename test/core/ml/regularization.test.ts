import { describe, expect, it } from 'vitest';
import { finiteDiffGradient, relativeErrorMax } from '../../../core/math/finite-diff';
import { denseLuSolve } from '../../../core/math/linalg-dense';
import {
  regKktResidual,
  regLambdaMax,
  regLoss,
  regLossGradient,
  regLossOnData,
  regObjective,
  regPenalty,
  regPenaltyGradient,
  regRidge,
  regSoftThreshold,
  regStatsCreate,
  regSubdifferential,
} from '../../../core/ml/regularization';
import {
  REG_DATA2_DEFAULTS,
  regData2Create,
  regDataWideCreate,
  regWideWeights,
} from '../../../core/ml/regularization-data';

const wide = regDataWideCreate({
  nTrain: 80,
  nTest: 50,
  correlation: 0.6,
  noise: 1,
  weights: regWideWeights(8),
  seed: 3,
});
const sWide = regStatsCreate(wide.train.x, wide.train.y, wide.train.n, wide.train.p);
const d2 = regData2Create(REG_DATA2_DEFAULTS);
const s2 = regStatsCreate(d2.x, d2.y, d2.n, 2);

/** Ridge from the raw samples: (XᵀX + nλI)·w = Xᵀy by Gaussian elimination, not Cholesky. */
function ridgeNormalEquations(
  x: Float64Array,
  y: Float64Array,
  n: number,
  p: number,
  lambda: number,
) {
  const m = new Float64Array(p * p);
  const r = new Float64Array(p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      r[j] += x[i * p + j] * y[i];
      for (let k = 0; k < p; k++) m[j * p + k] += x[i * p + j] * x[i * p + k];
    }
  for (let j = 0; j < p; j++) m[j * p + j] += n * lambda;
  const w = new Float64Array(p);
  expect(denseLuSolve(m, p, r, w)).toBe(true);
  return w;
}

describe('regularization data', () => {
  it('is deterministic, centred, and has the requested correlation', () => {
    const a = regData2Create({ ...REG_DATA2_DEFAULTS, n: 4000, correlation: 0.8 });
    const b = regData2Create({ ...REG_DATA2_DEFAULTS, n: 4000, correlation: 0.8 });
    expect(a.x).toEqual(b.x);
    let m1 = 0;
    let my = 0;
    let s11 = 0;
    let s22 = 0;
    let s12 = 0;
    for (let i = 0; i < a.n; i++) {
      m1 += a.x[2 * i];
      my += a.y[i];
      s11 += a.x[2 * i] ** 2;
      s22 += a.x[2 * i + 1] ** 2;
      s12 += a.x[2 * i] * a.x[2 * i + 1];
    }
    expect(Math.abs(m1)).toBeLessThan(1e-9);
    expect(Math.abs(my)).toBeLessThan(1e-9);
    expect(s12 / Math.sqrt(s11 * s22)).toBeCloseTo(0.8, 1);
  });

  it('changes y linearly and nothing else when the true weights move', () => {
    const a = regData2Create({ ...REG_DATA2_DEFAULTS, weights: [1, 0] });
    const b = regData2Create({ ...REG_DATA2_DEFAULTS, weights: [2, 0] });
    expect(a.x).toEqual(b.x);
    for (let i = 0; i < a.n; i++) expect(b.y[i] - a.y[i]).toBeCloseTo(a.x[2 * i], 12);
  });

  it('wide data: at least 6 features, the test split centred with training means', () => {
    expect(wide.train.p).toBe(8);
    expect(wide.test.p).toBe(8);
    expect(() =>
      regDataWideCreate({
        nTrain: 10,
        nTest: 10,
        correlation: 0,
        noise: 1,
        weights: [1, 2],
        seed: 1,
      }),
    ).toThrow(/at least 6/);
  });
});

describe('regularization objective', () => {
  it('the loss agrees with the statistics form c − bᵀw + ½wᵀAw where that form is accurate', () => {
    const { gram, xty, halfYy } = sWide;
    for (const w of [
      [0, 0, 0, 0, 0, 0, 0, 0],
      [1, -2, 0.5, 0, 3, 0, -1, 0.25],
    ]) {
      let quad = 0;
      let lin = 0;
      for (let j = 0; j < 8; j++) {
        lin += xty[j] * w[j];
        for (let k = 0; k < 8; k++) quad += w[j] * gram[j * 8 + k] * w[k];
      }
      expect(regLoss(sWide, w)).toBeCloseTo(halfYy - lin + 0.5 * quad, 12);
    }
  });

  it('∇L, ∇P and ∇F match central finite differences away from the kinks', () => {
    const w = Float64Array.from([0.7, -1.3, 0.4, 2.1, -0.2, 0.9, -0.6, 1.1]);
    const gL = regLossGradient(sWide, w);
    const fdL = finiteDiffGradient((v) => regLossOnData(wide.train.x, wide.train.y, 80, 8, v), w);
    expect(relativeErrorMax(gL, fdL)).toBeLessThan(1e-7);
    for (const alpha of [0, 0.3, 1]) {
      const gP = regPenaltyGradient(w, alpha);
      expect(
        relativeErrorMax(
          gP,
          finiteDiffGradient((v) => regPenalty(v, alpha), w),
        ),
      ).toBeLessThan(1e-7);
      const lambda = 0.37;
      const gF = gL.map((g, j) => g + lambda * gP[j]);
      const fdF = finiteDiffGradient((v) => regObjective(sWide, v, lambda, alpha), w);
      expect(relativeErrorMax(gF, fdF)).toBeLessThan(1e-7);
    }
  });

  it('the subdifferential of |·| at 0 is [−α, α]; elsewhere it is the gradient', () => {
    expect(Array.from(regSubdifferential([0, 2], 0.4))).toEqual([
      -0.4,
      0.4,
      0.4 + 0.6 * 2,
      0.4 + 0.6 * 2,
    ]);
  });

  it('soft-threshold: exact zeros inside the threshold, shrinks by γ outside', () => {
    expect(regSoftThreshold(0.3, 0.5)).toBe(0);
    expect(regSoftThreshold(-0.5, 0.5)).toBe(0);
    expect(regSoftThreshold(2, 0.5)).toBe(1.5);
    expect(regSoftThreshold(-2, 0.5)).toBe(-1.5);
  });

  it('ridge equals the normal equations (XᵀX + nλI)w = Xᵀy solved independently', () => {
    for (const lambda of [0, 1e-3, 0.1, 1, 25]) {
      const w = regRidge(sWide, lambda)!;
      const ref = ridgeNormalEquations(wide.train.x, wide.train.y, 80, 8, lambda);
      expect(relativeErrorMax(w, ref)).toBeLessThan(1e-10);
      expect(regKktResidual(sWide, w, lambda, 0)).toBeLessThan(1e-12);
      const w2 = regRidge(s2, lambda)!;
      const ref2 = ridgeNormalEquations(d2.x, d2.y, d2.n, 2, lambda);
      expect(relativeErrorMax(w2, ref2)).toBeLessThan(1e-12);
    }
  });

  it('λ_max = ‖b‖∞/α: w = 0 satisfies KKT there and fails just below', () => {
    const zero = new Float64Array(8);
    for (const alpha of [1, 0.5]) {
      const lm = regLambdaMax(sWide, alpha);
      expect(regKktResidual(sWide, zero, lm, alpha)).toBe(0);
      expect(regKktResidual(sWide, zero, lm * 0.99, alpha)).toBeGreaterThan(0);
    }
    expect(regLambdaMax(sWide, 0)).toBe(Infinity);
  });
});
