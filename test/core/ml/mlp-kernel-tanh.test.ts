// kernelTanh (core/ml/mlp-kernel-tanh.ts), the MLP's tanh, against Math.tanh: a few ulp apart
// over every range a pre-activation takes, odd, and the same at ±0, NaN, ±∞ and where tanh is ±1.
import { describe, expect, it } from 'vitest';
import { kernelTanh } from '../../../core/ml/mlp-kernel-tanh';
import { rngCreate } from '../../../core/math/rng';

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** Position of a double on the number line in ulp steps (−0 and +0 are both 0). */
function ulpIndex(v: number): bigint {
  f64[0] = v;
  const b = i64[0];
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}
const ulpsApart = (a: number, b: number) => Math.abs(Number(ulpIndex(a) - ulpIndex(b)));

describe('kernelTanh', () => {
  it('is within 4 ulp of Math.tanh on 10⁻³⁰⁰ … 25 (both signs), and mostly equal', () => {
    const rng = rngCreate(11);
    const decades: [number, number][] = [
      [1e-300, 1e-12],
      [1e-12, 1e-4],
      [1e-4, 0.05],
      [0.05, 1],
      [1, 4],
      [4, 12],
      [12, 25],
    ];
    let worst = 0;
    let equal = 0;
    let total = 0;
    for (const [lo, hi] of decades) {
      for (let i = 0; i < 40000; i++) {
        const mag = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
        const x = rng.next() < 0.5 ? -mag : mag;
        const d = ulpsApart(kernelTanh(x), Math.tanh(x));
        worst = Math.max(worst, d);
        if (d === 0) equal++;
        total++;
      }
    }
    expect(worst).toBeLessThanOrEqual(4);
    expect(equal / total).toBeGreaterThan(0.6);
  });

  it('is odd, and exact where it is x or ±1', () => {
    const rng = rngCreate(3);
    for (let i = 0; i < 2000; i++) {
      const x = rng.normal() * 5;
      expect(kernelTanh(-x)).toBe(-kernelTanh(x));
    }
    for (const x of [0, -0, NaN, Infinity, -Infinity, 5e-324, -1e-310, 19.5, -20, 40, 1e300])
      expect(Object.is(kernelTanh(x), Math.tanh(x)), String(x)).toBe(true);
  });
});
