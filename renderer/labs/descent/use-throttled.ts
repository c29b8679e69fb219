import { useEffect, useState } from 'react';
import { useDescentStore, type DescentState } from './store';

/** How long the panels wait at most for an idle moment after a new race is drawn. */
const IDLE_WAIT_MS = 150;

/**
 * A value derived from the Descent store for panels with text and formulas, re-rendered at most
 * `hz` times a second: playback moves the position every animation frame, and the panels do not
 * need to follow that fast. While a race is computing the panels wait, and when it is ready they
 * update once the page is idle after the frame that draws it (the loss chart, which follows in a
 * transition, comes first): typesetting and fitting their formulas takes tens of milliseconds on
 * a slow machine, and neither the new picture nor the chart should wait for it.
 */
export function useDescentThrottled<T>(
  select: (s: DescentState) => T,
  hz = 12,
  /** A change that shows at once (playback paused, say), not at the next tick. */
  urgent?: (now: DescentState, before: DescentState) => boolean,
): T {
  const [value, setValue] = useState(() => select(useDescentStore.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    let idle = 0;
    let held = false;
    let seek = useDescentStore.getState().panelsSeek;
    const cancel = () => {
      if (timer) clearTimeout(timer);
      cancelAnimationFrame(frame);
      cancelIdleCallback(idle);
      timer = null;
      frame = 0;
      idle = 0;
    };
    const update = () => {
      cancel();
      last = performance.now();
      setValue(select(useDescentStore.getState()));
    };
    const unsub = useDescentStore.subscribe((state, before) => {
      if (state.status === 'computing') {
        held = true;
        return cancel();
      }
      if (held) {
        held = false;
        cancel();
        // A race that starts playing by itself: the play button says so at once.
        if (urgent?.(state, before)) return update();
        // The next animation frame draws the race; the panels follow when the page is idle
        // after it, or after IDLE_WAIT_MS at the latest (a page kept busy by playback).
        frame = requestAnimationFrame(() => {
          frame = 0;
          idle = requestIdleCallback(update, { timeout: IDLE_WAIT_MS });
        });
        return;
      }
      if (state.panelsSeek !== seek) {
        // A recording's seek: the frame it captures must show these numbers, so no waiting.
        seek = state.panelsSeek;
        cancel();
        timer = setTimeout(update, 0);
        return;
      }
      if (urgent?.(state, before)) return update(); // e.g. paused: the step stopped at, now
      if (timer || frame || idle) return;
      const wait = Math.max(0, 1000 / hz - (performance.now() - last));
      timer = setTimeout(update, wait);
    });
    update();
    return () => {
      unsub();
      cancel();
    };
    // `select` is read through the store on every update; re-subscribing on its identity would thrash.
  }, [hz]);
  return value;
}
