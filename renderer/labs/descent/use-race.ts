import { useEffect, useRef } from 'react';
import { computeClient } from '../../compute/hosts';
import { meshAutoResolution } from './mesh-auto';
import { useDescentStore } from './store';

/**
 * Runs the race in compute whenever what it depends on changes: a short debounce while a slider
 * moves, and the run in flight is cancelled before the next starts.
 */
export function useDescentRace(): void {
  const params = useDescentStore((s) => s.params);
  const { surface, start, steps, seed, racers, mesh } = params;
  const meshAuto = useDescentStore((s) => s.meshAuto);
  const rerun = useDescentStore((s) => s.rerun);
  const lastRun = useRef('');
  useEffect(() => {
    let handle: { cancel(): void } | null = null;
    // Only the mesh changed (auto resolution stepped down): same trajectories, keep the playhead.
    const runKey = JSON.stringify([surface, start, steps, seed, racers]);
    const regrid = runKey === lastRun.current;
    lastRun.current = runKey;
    const keep = useDescentStore.getState();
    useDescentStore.setState({
      status: 'computing',
      error: null,
      position: regrid ? keep.position : 0,
    });
    const timer = setTimeout(() => {
      const fresh: ReturnType<typeof useDescentStore.getState>['trajectories'] = racers.map(
        () => null,
      );
      handle = computeClient().run(
        'descent-race',
        { surface, grid: mesh || meshAuto || meshAutoResolution(), start, steps, seed, racers },
        {
          onFrame: (frame) => {
            if (frame.kind === 'surface') {
              useDescentStore.setState({
                grid: { n: frame.n, domain: frame.domain, values: frame.values },
              });
              return;
            }
            fresh[frame.racer] = frame;
            useDescentStore.setState({ trajectories: [...fresh] });
          },
          onResult: () => {
            const s = useDescentStore.getState();
            const selected = Math.min(s.selected, racers.length - 1);
            // A regrid leaves the playhead where the person has it now; a new run starts playing.
            useDescentStore.setState(
              regrid
                ? { status: 'ready', selected }
                : { status: 'ready', position: 0, playing: true, selected },
            );
          },
          onError: (e) => useDescentStore.setState({ status: 'failed', error: e.message }),
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      handle?.cancel();
    };
  }, [surface, start, steps, seed, racers, mesh, meshAuto, rerun]);
}
