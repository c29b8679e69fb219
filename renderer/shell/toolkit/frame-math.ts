/**
 * Pure arithmetic behind recording and image export: frame timing, letterbox layout and the
 * per-frame checksum. No DOM here, so it is unit-tested in Node (test/renderer/toolkit.test.ts).
 */

/** An axis-aligned rectangle in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a box of content lands in a target of `width × height` pixels: uniform scale, centred. */
export interface Fit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Number of frames in a recording: round(seconds · fps), at least 1. */
export function frameCount(seconds: number, fps: number): number {
  return Math.max(1, Math.round(seconds * fps));
}

/**
 * Presentation time of frame `i` in microseconds (the WebCodecs unit): round(i · 10⁶ / fps).
 * Exact multiples of the frame period, so the timing never depends on the wall clock.
 */
export function frameTimestampUs(i: number, fps: number): number {
  return Math.round((i * 1e6) / fps);
}

/** The smallest box containing every box, or null for none. Empty boxes are ignored. */
export function boxUnion(boxes: readonly Box[]): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    if (!(b.width > 0 && b.height > 0)) continue;
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** The overlap of two boxes, or null when they do not overlap. */
export function boxIntersect(a: Box, b: Box): Box | null {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * Letterbox: scale s = min(W / w, H / h) so the content fits whole, centred with equal bars on
 * the two sides that do not fill.
 */
export function boxFit(content: Box, width: number, height: number): Fit {
  const scale = Math.min(width / content.width, height / content.height);
  return {
    scale,
    offsetX: (width - content.width * scale) / 2,
    offsetY: (height - content.height * scale) / 2,
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit FNV-1a over bytes (h ← (h ⊕ byte) · 16777619 mod 2³²), as 8 hex digits. Cheap enough
 * for every pixel of a 1080p frame, and identical frames give identical sums.
 */
export function checksumFnv1a(bytes: ArrayLike<number>): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, FNV_PRIME);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** VP9 levels: [name, max luma samples per picture, max luma samples per second]. */
const VP9_LEVELS: readonly [string, number, number][] = [
  ['31', 983_040, 36_864_000],
  ['40', 2_228_224, 83_558_400],
  ['41', 2_228_224, 160_432_128],
  ['50', 8_912_896, 311_951_360],
  ['51', 8_912_896, 588_251_136],
];

/** The lowest VP9 level (two digits, as in `vp09.00.LL.08`) that allows this picture size and rate. */
export function vp9Level(width: number, height: number, fps: number): string {
  const picture = width * height;
  const rate = picture * fps;
  const fit = VP9_LEVELS.find(
    ([, maxPicture, maxRate]) => picture <= maxPicture && rate <= maxRate,
  );
  return (fit ?? VP9_LEVELS[VP9_LEVELS.length - 1])[0];
}

/** Bitrate for VP8/VP9 in bits per second: 0.1 bit per pixel per frame, within 2–24 Mbit/s. */
export function videoBitrate(width: number, height: number, fps: number): number {
  return Math.round(Math.min(24e6, Math.max(2e6, width * height * fps * 0.1)));
}

/** A scroll container that a whole-view picture shows in full: its columns and its hidden height. */
export interface Overflow {
  x0: number;
  x1: number;
  /** scrollHeight − clientHeight, in CSS pixels. */
  extra: number;
}

/**
 * How much taller a box gets when the scroll containers inside it show their whole content.
 * Containers that share columns are stacked, so their extras add up; containers side by side
 * grow together, so the tallest wins.
 */
export function overflowGrowth(items: readonly Overflow[]): number {
  const sorted = [...items].filter((o) => o.extra > 0).sort((a, b) => a.x0 - b.x0);
  let best = 0;
  let end = -Infinity;
  let sum = 0;
  for (const o of sorted) {
    if (o.x0 >= end) {
      best = Math.max(best, sum);
      sum = 0;
    }
    sum += o.extra;
    end = Math.max(end, o.x1);
  }
  return Math.max(best, sum);
}

/** The largest even size not above `n` (at least 2): VP8/VP9 frames have even sides. */
export function evenFloor(n: number): number {
  return Math.max(2, 2 * Math.floor(n / 2));
}
