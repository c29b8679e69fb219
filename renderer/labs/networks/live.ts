/**
 * The current run's frames, outside React: the latest frame (regions, neuron maps, parameters)
 * and the whole history so far. Views read it when the store's frame counter changes.
 */
import { HISTORY_COLS, type NetworksFrame } from '../../../core/labs/networks/sim';

export interface NetLive {
  frame: NetworksFrame | null;
  /** History rows (HISTORY_COLS each): epoch, train loss, test loss, train accuracy, test accuracy. */
  history: number[];
}

export const netLive: NetLive = { frame: null, history: [] };

export function netLiveReset(): void {
  netLive.frame = null;
  netLive.history = [];
}

/**
 * Adds a frame's history; its pictures replace the shown ones unless its weights are no longer
 * finite (a diverged run), so the views keep the last sensible state instead of drawing NaN.
 */
export function netLiveAdd(frame: NetworksFrame): void {
  if (frame.params.every(Number.isFinite) || !netLive.frame) netLive.frame = frame;
  for (let i = 0; i < frame.history.length; i++) netLive.history.push(frame.history[i]);
}

/** The last history row, or null. */
export function netLiveLast(): number[] | null {
  const h = netLive.history;
  if (h.length < HISTORY_COLS) return null;
  return h.slice(h.length - HISTORY_COLS);
}
