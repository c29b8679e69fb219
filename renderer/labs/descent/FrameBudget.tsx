import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import { meshAutoDowngrade } from './mesh-auto';
import { useDescentStore } from './store';

/** Mean frame time above this for a whole window means the machine cannot keep the mesh fluid (ms). */
const SLOW_MS = 66;
const WINDOW = 45;

/**
 * Watches frame times while the mesh is on "auto" and, when a window of frames averages slower
 * than ~15 fps, halves the mesh resolution (the race reruns with the coarser grid).
 */
export function FrameBudget() {
  const acc = useRef({ sum: 0, n: 0 });
  useFrame((_, delta) => {
    const s = useDescentStore.getState();
    if (s.params.mesh !== 0 || s.status !== 'ready' || !s.playing) {
      acc.current = { sum: 0, n: 0 };
      return;
    }
    acc.current.sum += delta * 1000;
    acc.current.n += 1;
    if (acc.current.n < WINDOW) return;
    const mean = acc.current.sum / acc.current.n;
    acc.current = { sum: 0, n: 0 };
    if (mean > SLOW_MS) {
      const next = meshAutoDowngrade();
      if (next !== null) useDescentStore.setState({ meshAuto: next });
    }
  });
  return null;
}
