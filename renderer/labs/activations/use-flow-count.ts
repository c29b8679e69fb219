import { startTransition, useEffect, useState } from 'react';
import type { FlowBuffer } from './flow-buffer';

/**
 * Steps received by `buffer`, re-rendering at most `hz` times a second (on the animation frame
 * after) as they stream in, and at once when the run ends. Compute streams up to 30 frames a
 * second, and rendering the loss chart and histograms for each kept a slow machine's page busy
 * for most of every second. The heat map follows the buffer on its own, every animation frame.
 */
export function useFlowCount(buffer: FlowBuffer, hz = 8): number {
  const [, setCount] = useState(buffer.count);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let frame = 0;
    let last = 0;
    const flush = () => {
      frame = 0;
      last = performance.now();
      // A transition: React renders the charts in slices between other work, never one long task.
      startTransition(() => setCount(buffer.count));
    };
    const schedule = () => {
      if (buffer.ended) {
        // The run ended: the last count at once, in the same render as the run's final state.
        if (timer !== null) clearTimeout(timer);
        cancelAnimationFrame(frame);
        timer = null;
        frame = 0;
        setCount(buffer.count);
        return;
      }
      if (timer !== null || frame) return;
      const wait = Math.max(0, 1000 / hz - (performance.now() - last));
      timer = setTimeout(() => {
        timer = null;
        frame = requestAnimationFrame(flush);
      }, wait);
    };
    setCount(buffer.count);
    const unsubscribe = buffer.subscribe(schedule);
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [buffer, hz]);
  // The state only asks for renders; a render for any reason (the run paused, say) shows the
  // count as it is now, so the counter never lags behind the run's state.
  return buffer.count;
}
