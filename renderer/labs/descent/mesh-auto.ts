/**
 * Mesh resolution for "auto": software WebGL (SwiftShader, llvmpipe) gets 64², a real GPU 256²
 * (renderer/components/gl-quality.ts). FrameBudget halves it when frames stay slow.
 */
import { glQuality } from '../../components/gl-quality';

let cached: number | null = null;

export function meshAutoResolution(): number {
  if (cached === null) cached = glQuality().software ? 64 : 256;
  return cached;
}

/** The coarsest mesh "auto" will step down to. */
export const MESH_AUTO_MIN = 32;

/**
 * Called when frames have been slow for a while: halves the automatic resolution (not below
 * MESH_AUTO_MIN) and returns the new value, or null when it is already at the minimum.
 */
export function meshAutoDowngrade(): number | null {
  const current = meshAutoResolution();
  if (current <= MESH_AUTO_MIN) return null;
  cached = Math.max(MESH_AUTO_MIN, Math.floor(current / 2));
  return cached;
}

/** The median of a few frame times (ms). */
export function frameMedian(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Frames slower than this (ms, median) make "auto" step the mesh down: under 20 a second. */
export const FRAME_SLOW_MS = 50;
/** Frames judged at once: about a second of them on a machine that is too slow. */
export const FRAME_SAMPLES = 6;

/**
 * The frame-time judge behind FrameBudget, apart from React: `add` takes when a frame was drawn
 * and how long it kept the screen (ms), and returns the median of the last FRAME_SAMPLES frames
 * (none older than `maxAgeMs`) when it is over FRAME_SLOW_MS, else null. Pauses between frames
 * are not frame times (the view draws only when something moves), so nothing resets when
 * playback stops and starts again.
 */
export function frameJudgeCreate(maxAgeMs = 3000) {
  let samples: { at: number; ms: number }[] = [];
  return {
    add(at: number, ms: number): number | null {
      samples = samples.filter((s) => at - s.at <= maxAgeMs).slice(-(FRAME_SAMPLES - 1));
      samples.push({ at, ms });
      if (samples.length < FRAME_SAMPLES) return null;
      const median = frameMedian(samples.map((s) => s.ms));
      if (median <= FRAME_SLOW_MS) return null;
      samples = [];
      return median;
    },
    clear(): void {
      samples = [];
    },
  };
}
