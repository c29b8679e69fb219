import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { frameJudgeCreate, meshAutoDowngrade } from './mesh-auto';
import { useDescentStore } from './store';

/**
 * Watches how long drawn frames keep the screen while the mesh is on "auto" and, when the last
 * few (about a second of them on a slow machine) take over 50 ms at the median, halves the mesh
 * resolution (the surface is sampled again on the coarser grid; playback carries on). A frame's
 * time runs from its drawing to the next animation frame, so the graphics process's share counts
 * too, and the idle time between frames drawn on demand does not.
 */
export function FrameBudget() {
  const judge = useMemo(() => frameJudgeCreate(), []);
  const grid = useRef<unknown>(null);
  useFrame(() => {
    const s = useDescentStore.getState();
    if (s.grid !== grid.current) {
      // A new surface: its first frames upload it and are not the machine's pace.
      grid.current = s.grid;
      judge.clear();
      return;
    }
    if (s.params.mesh !== 0 || s.status !== 'ready') return;
    const start = performance.now();
    requestAnimationFrame((next) => {
      const slow = judge.add(start, Math.max(0, next - start));
      const mesh = slow === null ? null : meshAutoDowngrade();
      if (mesh !== null)
        useDescentStore.setState({ meshAuto: mesh, meshSlowMs: Math.round(slow!) });
    });
  });
  return null;
}
