/**
 * The store's frame counter, passed on at most once every `ms`: text and charts follow training
 * at a few updates a second while the canvases redraw on every animation frame. The last value
 * always arrives (a trailing update), so a paused or finished run shows its final state.
 */
import { useEffect, useRef, useState } from 'react';
import { useNetworksStore } from './store';

export function useThrottledSeq(ms: number): number {
  const seq = useNetworksStore((s) => s.frameSeq);
  const [shown, setShown] = useState(seq);
  const last = useRef(0);
  useEffect(() => {
    if (seq === shown) return;
    const wait = last.current + ms - performance.now();
    const t = setTimeout(
      () => {
        last.current = performance.now();
        setShown(seq);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(t);
  }, [seq, shown, ms]);
  return shown;
}

/**
 * Least time between two redraws of the plane and the graph while training (ms). Each redraw
 * uploads two large canvases; at 10 a second the picture still moves smoothly and the page keeps
 * its frame rate on a software-rendered, busy machine.
 */
export const REDRAW_MS = 100;
