/**
 * Keeping a simulation's promise of short slices. The server runs `next()` until about 8 ms have
 * passed, then lets the event loop turn (pause, cancel, the supervisor's ping); a `next()` that
 * computes for a second makes all of that wait. So long work — trajectory steps, grid samples,
 * the layers of a training step — is done in pieces, and a simulation yields between pieces once
 * `SIM_SLICE_MS` of work has piled up.
 *
 * Only where the cuts fall depends on the clock; each piece does the same arithmetic in the same
 * order as the whole would, so the numbers are identical however the work is cut.
 */
import { simClockNow } from './clock';

/** Work between two yields of a simulation, at most (ms); the server's slice is 8 ms. */
export const SIM_SLICE_MS = 4;

/** Tells a simulation when its current slice is used up. */
export interface SliceTimer {
  /** True once `SIM_SLICE_MS` have passed since the slice began. */
  due(): boolean;
  /** Begins a new slice (call when the generator resumes after a yield). */
  restart(): void;
}

export function sliceTimerCreate(
  sliceMs = SIM_SLICE_MS,
  now: () => number = simClockNow,
): SliceTimer {
  let start = now();
  return {
    due: () => now() - start >= sliceMs,
    restart: () => {
      start = now();
    },
  };
}

/**
 * Runs `advance()` — a piece of work (well under a millisecond) that returns true once everything
 * is done — until it is done, yielding whenever a slice is used up.
 */
export function* simPieces(
  advance: () => boolean,
  timer: SliceTimer = sliceTimerCreate(),
): Generator<void, void, void> {
  timer.restart();
  while (!advance()) {
    if (timer.due()) {
      yield;
      timer.restart();
    }
  }
}
