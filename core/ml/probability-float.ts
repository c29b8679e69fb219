/**
 * IEEE 754 binary16 (float16) and binary32 (float32) rounding, so that overflow, underflow and
 * lost digits in a lower precision are computed, not described. float32 is Math.fround. float16
 * rounds a float64 directly to the nearest float16, ties to even (no double rounding through
 * float32), with subnormals, ±∞ and NaN.
 *
 * An operation "in" a precision is the float64 result rounded once to that precision. For +, −,
 * ×, ÷ and √ that is the correctly rounded result, because float64 carries more than 2p + 2 bits
 * (p = 11 for float16, 24 for float32). exp and log are the float64 library values rounded once,
 * i.e. correctly rounded except in the rarest near-ties.
 */

export type Precision = 'float64' | 'float32' | 'float16';
export const PRECISIONS: readonly Precision[] = ['float64', 'float32', 'float16'];

const view = new DataView(new ArrayBuffer(8));

/** The unbiased binary exponent e of a finite, non-zero float64 (2ᵉ ≤ |x| < 2ᵉ⁺¹; −1023 for subnormals). */
function exponentOf(a: number): number {
  view.setFloat64(0, a);
  return ((view.getUint32(0) >>> 20) & 0x7ff) - 1023;
}

/** Largest finite float16: (2 − 2⁻¹⁰)·2¹⁵. */
export const F16_MAX = 65504;
/** Smallest positive normal float16, 2⁻¹⁴. */
export const F16_MIN_NORMAL = 2 ** -14;
/** Smallest positive float16 (subnormal), 2⁻²⁴ ≈ 5.96 × 10⁻⁸. */
export const F16_MIN_SUBNORMAL = 2 ** -24;
/** float16 spacing at 1: 2⁻¹⁰. */
export const F16_EPSILON = 2 ** -10;

/** x rounded to the nearest float16 (ties to even); ±∞ past the largest, ±0 below half the smallest. */
export function f16Round(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const a = Math.abs(x);
  // Halfway between 65504 and 2¹⁶ rounds to the even one, 2¹⁶, which does not exist: overflow.
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  // float16 has 10 fraction bits; below 2⁻¹⁴ the spacing stays 2⁻²⁴ (subnormals).
  const e = Math.max(exponentOf(a), -14);
  const ulp = 2 ** (e - 10);
  const q = a / ulp; // exact: a division by a power of two
  let r = Math.floor(q);
  const frac = q - r; // exact
  if (frac > 0.5 || (frac === 0.5 && r % 2 === 1)) r += 1;
  const out = r * ulp; // exact
  return x < 0 ? -out : out;
}

/** x rounded to float32 (Math.fround: nearest, ties to even). */
export const f32Round = Math.fround;

/** The rounding function of a precision. */
export function precisionRound(p: Precision): (x: number) => number {
  return p === 'float16' ? f16Round : p === 'float32' ? f32Round : (x) => x;
}

/** The float16 bit pattern of x (sign, 5 exponent bits, 10 fraction bits), after rounding. */
export function f16Bits(x: number): number {
  const v = f16Round(x);
  if (Number.isNaN(v)) return 0x7e00;
  const sign = v < 0 || Object.is(v, -0) ? 0x8000 : 0;
  const a = Math.abs(v);
  if (a === Infinity) return sign | 0x7c00;
  if (a < F16_MIN_NORMAL) return sign | (a / F16_MIN_SUBNORMAL);
  const e = exponentOf(a);
  return sign | ((e + 15) << 10) | (a / 2 ** (e - 10) - 1024);
}

/** What a number is in a precision: finite and normal, subnormal (fewer digits), zero, ±∞ or NaN. */
export type FloatClass = 'normal' | 'subnormal' | 'zero' | 'inf' | 'nan';

const MIN_NORMAL: Record<Precision, number> = {
  float64: 2 ** -1022,
  float32: 2 ** -126,
  float16: F16_MIN_NORMAL,
};

/** The class of an already rounded value v in precision p. */
export function floatClass(v: number, p: Precision): FloatClass {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return 'inf';
  if (v === 0) return 'zero';
  return Math.abs(v) < MIN_NORMAL[p] ? 'subnormal' : 'normal';
}

/** Largest finite value, smallest normal and smallest subnormal of each precision. */
export const PRECISION_LIMITS: Record<
  Precision,
  { max: number; minNormal: number; minSubnormal: number; epsilon: number }
> = {
  float64: {
    max: Number.MAX_VALUE,
    minNormal: 2 ** -1022,
    minSubnormal: Number.MIN_VALUE,
    epsilon: Number.EPSILON,
  },
  float32: {
    max: (2 - 2 ** -23) * 2 ** 127,
    minNormal: 2 ** -126,
    minSubnormal: 2 ** -149,
    epsilon: 2 ** -23,
  },
  float16: {
    max: F16_MAX,
    minNormal: F16_MIN_NORMAL,
    minSubnormal: F16_MIN_SUBNORMAL,
    epsilon: F16_EPSILON,
  },
};

/**
 * Where exp breaks in precision p, found by bisection on the rounded exp itself: `overflowAt`
 * is the smallest x (to float64 resolution) whose rounded exp is +∞, `zeroBelow` the largest x
 * whose rounded exp is 0.
 */
export function expLimits(p: Precision): { overflowAt: number; zeroBelow: number } {
  const round = precisionRound(p);
  const ex = (x: number) => round(Math.exp(x));
  let lo = 0;
  let hi = 1000; // exp(0) finite, exp(1000) = ∞ in every precision here
  for (let k = 0; k < 200 && hi - lo > 0; k++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (ex(mid) === Infinity) hi = mid;
    else lo = mid;
  }
  let zlo = -1000; // exp(−1000) = 0 everywhere here
  let zhi = 0;
  for (let k = 0; k < 200 && zhi - zlo > 0; k++) {
    const mid = (zlo + zhi) / 2;
    if (mid === zlo || mid === zhi) break;
    if (ex(mid) === 0) zlo = mid;
    else zhi = mid;
  }
  return { overflowAt: hi, zeroBelow: zlo };
}
