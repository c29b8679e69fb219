// float16 emulation against known float16 values (IEEE 754 binary16; the values and bit patterns
// below were read off NumPy's float16 conversion and checked by hand), and the naive and stable
// log-sum-exp in each precision: where they overflow, underflow or stay finite.
import { describe, expect, it } from 'vitest';
import { rngCreate } from '../../../core/math/rng';
import {
  expLimits,
  f16Bits,
  f16Round,
  floatClass,
  F16_MIN_SUBNORMAL,
} from '../../../core/ml/probability-float';
import {
  gradientStored,
  lseEvaluate,
  lseReference,
  relativeError,
} from '../../../core/ml/probability-precision';

/** [input, float16 value, bits]. */
const KNOWN: [number, number, number][] = [
  [0.1, 0.0999755859375, 0x2e66],
  [1 / 3, 0.333251953125, 0x3555],
  [2 / 3, 0.66650390625, 0x3955],
  [65504, 65504, 0x7bff],
  [65519, 65504, 0x7bff],
  [65519.99, 65504, 0x7bff],
  [65520, Infinity, 0x7c00],
  [2 ** -24, 5.960464477539063e-8, 0x0001],
  [2 ** -25, 0, 0x0000], // a tie between 0 and 2⁻²⁴: to even, 0
  [3 * 2 ** -26, 5.960464477539063e-8, 0x0001],
  [2 ** -25 + 2 ** -60, 5.960464477539063e-8, 0x0001], // just above the tie
  [1 + 2 ** -11, 1, 0x3c00], // tie: to even (1)
  [1 + 3 * 2 ** -11, 1.001953125, 0x3c02], // tie: to even (1 + 2⁻⁹)
  [1 + 2 ** -11 + 2 ** -40, 1.0009765625, 0x3c01], // above the tie (float32 first would say 1)
  [1000.1, 1000, 0x63d0],
  [2049, 2048, 0x6800],
  [2051, 2052, 0x6802],
  [6e-8, 5.960464477539063e-8, 0x0001],
  [3e-8, 5.960464477539063e-8, 0x0001],
  [2.98e-8, 0, 0x0000],
  [1e-8, 0, 0x0000],
  [6.1e-5, 6.097555160522461e-5, 0x03ff], // largest subnormal
  [0.0001, 0.00010001659393310547, 0x068e],
  [3.14159265358979, 3.140625, 0x4248],
  [-2.71828182845905, -2.71875, 0xc170],
  [1e-5, 1.0013580322265625e-5, 0x00a8],
  [12345.678, 12344, 0x7207],
  [0.999, 0.9990234375, 0x3bfe],
  [-0.0004567, -0.00045680999755859375, 0x8f7c],
];

describe('float16 rounding', () => {
  it.each(KNOWN.map((k) => [k[0], k[1], k[2]] as const))('%d → %d', (x, v, bits) => {
    expect(f16Round(x)).toBe(v);
    expect(f16Bits(x)).toBe(bits);
  });

  it('keeps ±0, ±∞ and NaN; the sign of tiny values', () => {
    expect(Object.is(f16Round(-0), -0)).toBe(true);
    expect(Object.is(f16Round(-1e-9), -0)).toBe(true);
    expect(f16Round(-70000)).toBe(-Infinity);
    expect(f16Round(Infinity)).toBe(Infinity);
    expect(f16Round(NaN)).toBeNaN();
    expect(f16Bits(-Infinity)).toBe(0xfc00);
  });

  it('every float16 is a fixed point, and rounding lands on a neighbour (nearest, ties even)', () => {
    // Decode every finite bit pattern independently of f16Round.
    const decode = (h: number) => {
      const s = h & 0x8000 ? -1 : 1;
      const e = (h >> 10) & 0x1f;
      const f = h & 0x3ff;
      return s * (e === 0 ? f * 2 ** -24 : (1 + f / 1024) * 2 ** (e - 15));
    };
    const positives: number[] = [];
    for (let h = 0; h < 0x7c00; h++) {
      const v = decode(h);
      expect(f16Round(v)).toBe(v);
      expect(f16Bits(v)).toBe(h);
      positives.push(v);
    }
    // Random values between neighbours go to the nearer; midpoints to the even pattern.
    const rng = rngCreate(5);
    for (let t = 0; t < 20000; t++) {
      const h = rng.int(0x7bff);
      const a = positives[h];
      const b = positives[h + 1];
      const u = rng.next();
      const x = a + u * (b - a);
      const want = u < 0.5 ? a : u > 0.5 ? b : h % 2 === 0 ? a : b;
      expect(f16Round(x)).toBe(want);
      expect(f16Round((a + b) / 2)).toBe(h % 2 === 0 ? a : b);
    }
  });

  it('where exp breaks: float16 overflows past ln 65520, rounds to 0 at or below −25 ln 2', () => {
    const f16 = expLimits('float16');
    expect(f16.overflowAt).toBeCloseTo(Math.log(65520), 12);
    expect(f16.zeroBelow).toBeCloseTo(-25 * Math.LN2, 12);
    const f32 = expLimits('float32');
    // Halfway between the largest float32 and 2¹²⁸; ties to even give 2¹²⁸, i.e. overflow.
    expect(f32.overflowAt).toBeCloseTo(128 * Math.LN2 + Math.log1p(-(2 ** -25)), 12);
    expect(f32.zeroBelow).toBeCloseTo(-150 * Math.LN2, 12);
    const f64 = expLimits('float64');
    expect(f64.overflowAt).toBeCloseTo(Math.log(Number.MAX_VALUE), 9);
    expect(f64.zeroBelow).toBeCloseTo(-1075 * Math.LN2, 9);
  });
});

describe('naive and stable log-sum-exp per precision', () => {
  const z = [2, 1, 0.1];
  const shifted = (c: number) => z.map((v) => v + c);

  it('at +1000: naive is ∞ with NaN probabilities in every precision; stable is finite', () => {
    const x = shifted(1000);
    const ref = lseReference(x);
    for (const p of ['float64', 'float32', 'float16'] as const) {
      const naive = lseEvaluate(x, p, 'naive');
      expect(naive.sum, p).toBe(Infinity);
      expect(naive.lse, p).toBe(Infinity);
      expect(naive.nanCount, p).toBe(3);
      const stable = lseEvaluate(x, p, 'stable');
      expect(Number.isFinite(stable.lse), p).toBe(true);
      expect(stable.nanCount, p).toBe(0);
      expect(stable.sum >= 1 && stable.sum <= 3, p).toBe(true);
      // float16 stores 1002, 1001 and 1000.1 → 1000 (spacing 0.5): it is off by its input rounding.
      expect(relativeError(stable.lse, ref.lse), p).toBeLessThan(p === 'float16' ? 2e-3 : 1e-6);
    }
  });

  it('at −1000: naive sums to 0, LSE −∞ and 0/0 = NaN; stable is finite', () => {
    const x = shifted(-1000);
    for (const p of ['float64', 'float32', 'float16'] as const) {
      const naive = lseEvaluate(x, p, 'naive');
      expect(naive.sum, p).toBe(0);
      expect(naive.lse, p).toBe(-Infinity);
      expect(naive.nanCount, p).toBe(3);
      expect(Number.isFinite(lseEvaluate(x, p, 'stable').lse), p).toBe(true);
    }
  });

  it('at +100: float64 naive still works, float32 and float16 overflow', () => {
    const x = shifted(100);
    expect(Number.isFinite(lseEvaluate(x, 'float64', 'naive').lse)).toBe(true);
    expect(lseEvaluate(x, 'float32', 'naive').lse).toBe(Infinity);
    expect(lseEvaluate(x, 'float16', 'naive').lse).toBe(Infinity);
  });

  it('float16 naive: exp(11) = 59874 fits, exp(12) = 162755 does not', () => {
    expect(lseEvaluate([11], 'float16', 'naive').sum).toBe(f16Round(Math.exp(11)));
    expect(lseEvaluate([11], 'float16', 'naive').sumClass).toBe('normal');
    expect(lseEvaluate([12], 'float16', 'naive').sumClass).toBe('inf');
  });

  it('float64 naive and stable agree with the reference at ordinary logits', () => {
    const ref = lseReference(z);
    const naive = lseEvaluate(z, 'float64', 'naive');
    expect(relativeError(naive.lse, ref.lse)).toBeLessThan(1e-15);
    expect(relativeError(lseEvaluate(z, 'float32', 'stable').lse, ref.lse)).toBeLessThan(2e-7);
  });

  it('a gradient stored in float16: entries at most 2⁻²⁵ become 0, small ones subnormal', () => {
    const g = [0.4, -0.4, 1e-5, 4e-8, 2e-8, -1e-9, 0];
    const { values, flushed, subnormal } = gradientStored(g, 'float16');
    expect(flushed).toEqual([4, 5]);
    expect(subnormal).toEqual([2, 3]);
    expect(values[3]).toBe(F16_MIN_SUBNORMAL);
    expect(floatClass(values[0], 'float16')).toBe('normal');
  });
});
