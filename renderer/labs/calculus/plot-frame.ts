/**
 * Geometry of the Calculus lab's plots: colours, number labels, the data → pixel frame, decade and
 * linear ticks, and path data. Plot (plot-kit.tsx) draws with these.
 */
import { ticksLinear } from '../../components/axis-ticks';

/** Okabe–Ito colours and the plot ink. */
export const C = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  pink: '#CC79A7',
  ink: '#e6ebf5',
  axis: '#8a96b4',
  grid: '#2a3550',
} as const;

/** A number for a label: 4 significant digits, exponent form when tiny or huge, − for minus. */
export function fmt(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s =
    a >= 1e5 || a < 1e-3
      ? v
          .toExponential(digits - 1)
          .replace(/\.?0+e/, 'e')
          .replace('e+', 'e')
      : String(+v.toPrecision(digits));
  return s.replace(/-/g, '−');
}

export interface Axis {
  min: number;
  max: number;
  title: string;
  /** Values are log₁₀ of the quantity; ticks are whole decades labelled 10ᵏ. */
  decades?: boolean;
}

export interface Frame {
  w: number;
  h: number;
  font: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  px(x: number): number;
  py(y: number): number;
  /** Data coordinates of a point in the SVG. */
  toData(X: number, Y: number): [number, number];
  clipId: string;
}

export function frameOf(
  w: number,
  h: number,
  font: number,
  x: Axis,
  y: Axis,
  clipId: string,
  equal = false,
): Frame {
  let left = 1.4 * font + 4 * font * 0.62 + 10;
  let right = w - 0.9 * font;
  let top = 0.8 * font;
  let bottom = h - (2.7 * font + 6);
  if (equal) {
    // One unit is as long on both axes (a circle looks round), centred in the room.
    const s = Math.min((right - left) / (x.max - x.min), (bottom - top) / (y.max - y.min));
    const padX = (right - left - s * (x.max - x.min)) / 2;
    const padY = (bottom - top - s * (y.max - y.min)) / 2;
    left += padX;
    right -= padX;
    top += padY;
    bottom -= padY;
  }
  const kx = (right - left) / (x.max - x.min);
  const ky = (bottom - top) / (y.max - y.min);
  return {
    w,
    h,
    font,
    left,
    right,
    top,
    bottom,
    px: (v) => left + (v - x.min) * kx,
    py: (v) => bottom - (v - y.min) * ky,
    toData: (X, Y) => [x.min + (X - left) / kx, y.min + (bottom - Y) / ky],
    clipId,
  };
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** An integer in superscript characters (drawn at the label's own size, not a smaller one). */
const superscript = (k: number) =>
  String(k)
    .split('')
    .map((c) => (c === '-' ? '⁻' : SUPERSCRIPT[Number(c)]))
    .join('');

export function axisTicks(a: Axis, room: number, font: number): { value: number; label: string }[] {
  const count = Math.max(2, Math.min(9, Math.floor(room / (4.5 * font))));
  if (!a.decades)
    return ticksLinear(a.min, a.max, count).map((t) => ({ value: t.value, label: t.label }));
  const span = a.max - a.min;
  const step = Math.max(1, Math.ceil(span / count));
  const out: { value: number; label: string }[] = [];
  for (let k = Math.ceil(a.min / step) * step; k <= a.max + 1e-9; k += step) {
    out.push({ value: k, label: `10${superscript(k)}` });
  }
  return out;
}

/** SVG path data through (xs[i], ys[i]), broken where a value is not finite. */
export function pathOf(F: Frame, xs: ArrayLike<number>, ys: ArrayLike<number>): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    // Far outside the plot SVG coordinates lose precision; the clip hides the rest anyway.
    const Y = Math.max(-1e4, Math.min(1e4, F.py(y)));
    d += `${pen ? 'L' : 'M'}${F.px(x).toFixed(1)} ${Y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/** The straight line y = y0 + m(x − x0) across the x range. */
export function linePath(F: Frame, x: Axis, x0: number, y0: number, m: number): string {
  return pathOf(F, [x.min, x.max], [y0 + m * (x.min - x0), y0 + m * (x.max - x0)]);
}
