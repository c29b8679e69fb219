/**
 * Sliced passes over an Mlp. A step of a wide, deep net on a large batch computes for a second; a
 * simulation must yield every few milliseconds (core/sim/slices.ts). The `…Slices` generators
 * (creation, forward, backward, a training step) do exactly the arithmetic of the plain
 * functions, in the same order, and pause (yield) once `piece` units of work (≈ multiply-adds)
 * have run since the last pause; the plain functions run them with `piece` = Infinity, so there
 * is one generic implementation of each. Beside it, nets without batch norm or dropout have a fast path
 * (mlp-kernel.ts) with the same numbers, which the plain functions take, and the sliced training
 * step too when the whole step fits in what is left of the current piece.
 */

export interface MlpWorkMeter {
  /** Work between pauses (≈ multiply-adds); Infinity never pauses. */
  readonly piece: number;
  /** Work since the last pause. */
  done: number;
}

/** Counts `amount` of work; true when a pause is due (and starts counting the next piece). */
export function mlpWorkAdd(meter: MlpWorkMeter, amount: number): boolean {
  if (meter.piece === Infinity) return false;
  meter.done += amount;
  if (meter.done < meter.piece) return false;
  meter.done = 0;
  return true;
}

/** A meter that never pauses. */
export const mlpWorkWhole = (): MlpWorkMeter => ({ piece: Infinity, done: 0 });

/** Runs a sliced pass to its end and returns its value. */
export function mlpDrain<R>(gen: Generator<void, R, void>): R {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

/** Work of one element-wise function evaluation (activation, normalisation) in multiply-adds. */
export const MLP_ELEMENT_WORK = 16;
/** Work of drawing one initial weight. */
export const MLP_INIT_WORK = 16;
/** Work of allocating (and zeroing) one float64 of scratch. */
export const MLP_ALLOC_WORK = 4;

/** Rows of B per piece for a layer, so a piece stays near `meter.piece` multiply-adds. */
export function mlpRowsPerPiece(meter: MlpWorkMeter, batch: number, perRow: number): number {
  return Math.max(1, Math.min(batch, Math.floor(meter.piece / perRow)));
}
