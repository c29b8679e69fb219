/**
 * Colours of the Networks lab: one Okabe–Ito colour per class (class 0 orange, class 1 blue, as
 * the Playground's negative and positive), and the shading of a value on the plane — the class it
 * favours, its confidence as saturation over the dark background.
 */
import type { NetOutputId } from '../../../core/ml/net-model';
import { PALETTE } from '../../components/palette';

export const CLASS_COLORS = [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4], PALETTE[3]] as const;

const BG: readonly number[] = [15, 20, 32];

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const CLASS_RGB = CLASS_COLORS.map(rgb);

/** A value of a one-output head mapped to [−1, 1]: tanh as is, sigmoid 2p − 1, linear clamped. */
export function signedOf(output: NetOutputId, v: number): number {
  const s = output === 'sigmoid' ? 2 * v - 1 : v;
  return Math.max(-1, Math.min(1, s));
}

function mix(out: Uint8ClampedArray, o: number, c: readonly number[], t: number): void {
  out[o] = BG[0] + (c[0] - BG[0]) * t;
  out[o + 1] = BG[1] + (c[1] - BG[1]) * t;
  out[o + 2] = BG[2] + (c[2] - BG[2]) * t;
  out[o + 3] = 255;
}

/** Pixel colour of a signed value s ∈ [−1, 1]: class 0's colour below 0, class 1's above. */
export function shadeSigned(out: Uint8ClampedArray, o: number, s: number, strength = 0.75): void {
  mix(out, o, s < 0 ? CLASS_RGB[0] : CLASS_RGB[1], Math.min(1, Math.abs(s)) * strength);
}

/**
 * Fills an RGBA image from a head's output grid (outDim values per cell): one output → signed
 * shading; k outputs (softmax) → the likeliest class, saturation (p_max − 1/k)/(1 − 1/k).
 */
export function regionsPaint(
  values: ArrayLike<number>,
  cells: number,
  outDim: number,
  output: NetOutputId,
  out: Uint8ClampedArray,
): void {
  for (let c = 0; c < cells; c++) {
    if (outDim === 1) {
      shadeSigned(out, 4 * c, signedOf(output, values[c]));
      continue;
    }
    let best = 0;
    for (let j = 1; j < outDim; j++)
      if (values[c * outDim + j] > values[c * outDim + best]) best = j;
    const p = values[c * outDim + best];
    const conf = (p - 1 / outDim) / (1 - 1 / outDim);
    mix(out, 4 * c, CLASS_RGB[best % CLASS_RGB.length], 0.15 + 0.6 * Math.max(0, conf));
  }
}

/** Pixel colour of class k at strength t ∈ [0, 1]. */
export function shadeClass(out: Uint8ClampedArray, o: number, k: number, t: number): void {
  mix(out, o, CLASS_RGB[k % CLASS_RGB.length], Math.max(0, Math.min(1, t)) * 0.85);
}
