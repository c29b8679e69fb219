import { useEffect, useRef, useState } from 'react';
import { cameraFrame, type CameraView } from '../../components/camera-frame';
import { surfaceMappingCreate } from '../../components/surface-mapping';
import { useDescentStore } from './store';
import { descentRunKey } from './use-race';

/**
 * The camera for the race on screen, chosen once its trajectories are in so that every path can be
 * seen. Framing happens when asked (a story, a new surface, an opened scene, "Reset camera"), not
 * after every slider move, so a camera the person has turned stays where they put it.
 */
export function useDescentCameraFrame(): { view: CameraView | null; key: number } {
  const request = useDescentStore((s) => s.cameraRequest);
  const readyFor = useDescentStore((s) => s.readyFor);
  const [framed, setFramed] = useState<{ view: CameraView | null; key: number }>({
    view: null,
    key: 0,
  });
  const done = useRef(0);
  useEffect(() => {
    const s = useDescentStore.getState();
    // Only the race of the params on screen: right after a story is chosen the old one is still in.
    if (done.current === request || !s.grid || readyFor !== descentRunKey(s.params, s.rerun))
      return;
    done.current = request;
    const paths = s.trajectories.flatMap((t) => (t ? [t] : []));
    const grid = s.grid.floor ? { ...s.grid, values: s.grid.floor } : s.grid; // as the mesh is drawn
    const view = cameraFrame(grid, surfaceMappingCreate(grid, s.params.heightScale), paths);
    setFramed({ view, key: request });
  }, [readyFor, request]);
  return framed;
}

/** Asks for the camera to be framed again once the next race is ready. */
export function descentCameraReframe(): void {
  useDescentStore.setState((s) => ({ cameraRequest: s.cameraRequest + 1 }));
}
