import { useEffect, useState } from 'react';
import { useDescentStore, type DescentState } from './store';

/**
 * A value derived from the Descent store for panels with text and formulas, re-rendered at most
 * `hz` times a second: playback moves the position every animation frame, and the panels do not
 * need to follow that fast. While a race is computing the panels wait, and when it is ready they
 * update just after the frame that draws it: typesetting and fitting their formulas takes tens of
 * milliseconds on a slow machine, and the new picture should not wait for it.
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
    let held = false;
    let seek = useDescentStore.getState().panelsSeek;
    const cancel = () => {
      if (timer) clearTimeout(timer);
      cancelAnimationFrame(frame);
      timer = null;
      frame = 0;
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
        // The next animation frame draws the race; the panels follow in the task after it.
        frame = requestAnimationFrame(() => {
          frame = 0;
          timer = setTimeout(update, 0);
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
      if (timer || frame) return;
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
