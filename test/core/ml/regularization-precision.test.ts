// The regularization lab's loss and least-squares fits where floating point is hardest: losses
// many decades below the data's scale, and nearly collinear features. The reference loss is
// computed exactly with BigInt arithmetic on the binary64 inputs, independently of the code.
import { describe, expect, it } from 'vitest';
import { regLoss, regRidge, regStatsCreate } from '../../../core/ml/regularization';

const N = 40;

/** A binary64 value as an exact integer times 2^-1100. */
function exact(v: number): bigint {
  if (v === 0) return 0n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const shift = (e === 0 ? -1074 : e - 1075) + 1100;
  return sign * (mant << BigInt(shift));
}

/** (1/2n)·Σ(yᵢ − xᵢ·w)² of the binary64 inputs, computed exactly, then rounded once. */
function lossExact(x: Float64Array, y: Float64Array, w: number[]): number {
  let sum = 0n;
  const w0 = exact(w[0]);
  const w1 = exact(w[1]);
  for (let i = 0; i < N; i++) {
    // Scale 2^-2200 for products, so bring y up to it.
    const r = (exact(y[i]) << 1100n) - exact(x[2 * i]) * w0 - exact(x[2 * i + 1]) * w1;
    sum += r * r;
  }
  // sum is at scale 2^-4400; keep 60 significant bits before converting.
  const bits = sum.toString(2).length;
  const drop = Math.max(0, bits - 60);
  return (Number(sum >> BigInt(drop)) * 2 ** (drop - 4400)) / (2 * N);
}

function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
}

const W = [0.7316, -0.4821];

function data(secondColumn: (x1: number, r: () => number) => number, seed = 5) {
  const r = rng(seed);
  const x = new Float64Array(2 * N);
  const fit = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const x1 = r() * 1.7;
    const x2 = secondColumn(x1, r);
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    fit[i] = W[0] * x1 + W[1] * x2;
  }
  return { x, fit };
}

describe('regLoss far below the data scale', () => {
  it('keeps 1e-6 relative accuracy for true losses from 1e-7 down to 1e-15', () => {
    const { x, fit } = data((x1, r) => 0.6 * x1 + r());
    for (const delta of [3e-4, 5e-6, 4e-8]) {
      const y = fit.map((v, i) => v + (i % 2 ? delta : -delta));
      const s = regStatsCreate(x, y, N, 2);
      const truth = lossExact(x, y, W);
      expect(truth).toBeGreaterThan(0);
      const got = regLoss(s, W);
      expect(Math.abs(got - truth) / truth, `true loss ${truth.toExponential(2)}`).toBeLessThan(
        1e-6,
      );
    }
  });
});

describe('least squares with nearly collinear features', () => {
  it('recovers w° to 1e-6 when κ(X) ≈ 10⁷ (the normal equations square it to 10¹⁴)', () => {
    const { x, fit } = data((x1, r) => x1 + 1e-7 * r());
    const s = regStatsCreate(x, fit, N, 2);
    const w = regRidge(s, 0);
    expect(w).not.toBeNull();
    expect(Math.abs(w![0] - W[0]) / Math.abs(W[0])).toBeLessThan(1e-6);
    expect(Math.abs(w![1] - W[1]) / Math.abs(W[1])).toBeLessThan(1e-6);
  });
});
