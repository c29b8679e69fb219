/**
 * Runs "networks-train" for the lab: a fresh run, paused at step 0, whenever the training settings
 * change, a scene is applied or Reset is pressed; cancelled on change and unmount. Frames go to
 * live.ts; the store keeps the run's state and a frame counter. Play, pause, step and reset are
 * module functions so the controls panel and the keyboard reach the one run.
 */
import { useEffect, useMemo } from 'react';
import type { NetworksParams } from '../../../core/labs/networks/params';
import type { RunHandle } from '../../compute/client';
import { computeClient } from '../../compute/hosts';
import { netLive, netLiveAdd, netLiveReset } from './live';
import { useNetworksStore } from './store';

let handle: RunHandle | null = null;
/** Start the next run playing (Play pressed on a finished run). */
let autoplay = false;

/** The params that decide a run (not the weights it writes back, not the class a click adds). */
export function netRunKey(p: NetworksParams): string {
  const { weights: _w, addValue: _a, ...rest } = p;
  return JSON.stringify(rest);
}

const store = useNetworksStore;

/** Puts the latest weights into the params, so a scene saved now carries them. */
function keepWeights(): void {
  const frame = netLive.frame;
  if (frame) store.getState().setParams({ weights: Array.from(frame.params) });
}

/**
 * Slow motion: the run stays paused and is stepped one minibatch at a time, the next step asked
 * NET_SLOW_TICK_MS after the previous frame arrived. (A fixed interval let two late timer ticks
 * land within the simulation's idle gap on a busy machine, and the second then ran at full speed.)
 */
export const NET_SLOW_TICK_MS = 150;
let slowHandle: RunHandle | null = null;
let slowTimer: ReturnType<typeof setTimeout> | null = null;

function tickerStop(): void {
  if (slowTimer !== null) clearTimeout(slowTimer);
  slowTimer = null;
  slowHandle = null;
}

function tickerStart(h: RunHandle): void {
  tickerStop();
  slowHandle = h;
  h.step(1);
}

/** After a frame in slow motion: the next minibatch, a tick from now. */
function tickerNext(): void {
  const h = slowHandle;
  if (!h || slowTimer !== null) return;
  slowTimer = setTimeout(() => {
    slowTimer = null;
    if (slowHandle === h) h.step(1);
  }, NET_SLOW_TICK_MS);
}

/** Runs paused-and-stepped (slow) or freely (full speed); takes effect at once on a running run. */
export function netSlowSet(slow: boolean): void {
  const s = store.getState();
  store.setState({ slow });
  if (s.runState !== 'running' || !handle) return;
  if (slow) {
    handle.pause();
    tickerStart(handle);
  } else {
    tickerStop();
    handle.resume();
  }
}

export function netPlay(): void {
  const s = store.getState();
  if (s.runState === 'paused' && handle) {
    if (s.slow) tickerStart(handle);
    else handle.resume();
    store.setState({ runState: 'running' });
  } else if (s.runState !== 'running') {
    autoplay = true;
    store.setState({ params: { ...s.params, weights: [] }, restartKey: s.restartKey + 1 });
  }
}

export function netPause(): void {
  if (store.getState().runState !== 'running' || !handle) return;
  if (slowHandle !== null) tickerStop();
  else handle.pause();
  store.setState({ runState: 'paused' });
  keepWeights();
}

/** One minibatch (pauses a running run first). */
export function netStep(): void {
  const s = store.getState();
  if (!handle || (s.runState !== 'paused' && s.runState !== 'running')) return;
  if (s.runState === 'running') netPause();
  handle.step(1);
}

/** Back to the initial weights, paused. */
export function netReset(): void {
  const s = store.getState();
  autoplay = false;
  store.setState({ params: { ...s.params, weights: [] }, restartKey: s.restartKey + 1 });
}

let redrawPending = false;

/** Bumps the frame counter on the next animation frame (once, however many frames came in). */
function redrawSoon(): void {
  if (redrawPending) return;
  redrawPending = true;
  const bump = () => {
    redrawPending = false;
    store.setState({ frameSeq: store.getState().frameSeq + 1 });
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(bump);
  else setTimeout(bump, 16);
}

/** Which step the views still show after a divergence (the last with finite weights). */
function shownNote(atStep: number): string {
  const shown = netLive.frame?.step;
  return shown !== undefined && shown < atStep
    ? `; the views show step ${shown}, the last one drawn with finite weights`
    : '';
}

/** Drives the run while the lab is mounted. */
export function useNetworksTrain(): void {
  const params = store((s) => s.params);
  const applied = store((s) => s.applied);
  const restartKey = store((s) => s.restartKey);
  const key = useMemo(() => netRunKey(params), [params]);

  useEffect(() => {
    const p = store.getState().params;
    netLiveReset();
    const play = autoplay;
    autoplay = false;
    store.setState({
      runState: play ? 'running' : 'paused',
      runMessage: '',
      frameSeq: 0,
      hover: null,
    });
    let h: RunHandle;
    try {
      h = computeClient().run(
        'networks-train',
        p,
        {
          onFrame: (frame) => {
            // Taking a frame in is cheap; the views redraw once per animation frame however many
            // frames arrived, so a slow page never builds a backlog of messages.
            netLiveAdd(frame);
            redrawSoon();
            tickerNext();
            if (store.getState().runState === 'paused' && frame.step > 0) keepWeights();
          },
          onResult: (r) => {
            tickerStop();
            keepWeights();
            store.setState({
              runState: r.divergedAtStep === null ? 'done' : 'diverged',
              runMessage:
                r.divergedAtStep === null
                  ? `Finished ${r.steps} steps.`
                  : `Diverged at step ${r.divergedAtStep}: a loss or a weight became infinite or NaN, so training stopped${shownNote(r.divergedAtStep)}. Lower the learning rate and press Reset.`,
            });
          },
          onError: (e) =>
            store.setState({
              runState: 'failed',
              runMessage: `Training failed (${e.code}): ${e.message}`,
            }),
        },
        { paused: !play || store.getState().slow },
      );
    } catch (err) {
      store.setState({
        runState: 'failed',
        runMessage: `Training could not start: ${err instanceof Error ? err.message : String(err)}`,
      });
      return;
    }
    handle = h;
    // A paused run shows its initial frame (step 0) at once.
    if (!play) h.step(1);
    else if (store.getState().slow) tickerStart(h);
    return () => {
      tickerStop();
      h.cancel();
      if (handle === h) handle = null;
    };
  }, [key, applied, restartKey]);
}
