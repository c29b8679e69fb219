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

export function netPlay(): void {
  const s = store.getState();
  if (s.runState === 'paused' && handle) {
    handle.resume();
    store.setState({ runState: 'running' });
  } else if (s.runState !== 'running') {
    autoplay = true;
    store.setState({ params: { ...s.params, weights: [] }, restartKey: s.restartKey + 1 });
  }
}

export function netPause(): void {
  if (store.getState().runState !== 'running' || !handle) return;
  handle.pause();
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
            if (store.getState().runState === 'paused' && frame.step > 0) keepWeights();
          },
          onResult: (r) => {
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
        { paused: !play },
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
    return () => {
      h.cancel();
      if (handle === h) handle = null;
    };
  }, [key, applied, restartKey]);
}
