import { useEffect, useState } from 'react';
import { useDescentStore, type DescentState } from './store';

/**
 * A value derived from the Descent store, re-rendered at most `hz` times a second. Playback moves
 * the position every animation frame; panels with text and formulas do not need to follow that fast.
 */
export function useDescentThrottled<T>(select: (s: DescentState) => T, hz = 12): T {
  const [value, setValue] = useState(() => select(useDescentStore.getState()));
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      timer = null;
      last = performance.now();
      setValue(select(useDescentStore.getState()));
    };
    const unsub = useDescentStore.subscribe(() => {
      if (timer) return;
      const wait = Math.max(0, 1000 / hz - (performance.now() - last));
      timer = setTimeout(update, wait);
    });
    update();
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
    };
    // `select` is read through the store on every update; re-subscribing on its identity would thrash.
  }, [hz]);
  return value;
}
