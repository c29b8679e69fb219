import { useEffect, useRef } from 'react';
import { computeClient } from '../../compute/hosts';
import { meshAutoResolution } from './mesh-auto';
import { useDescentStore, type DescentState } from './store';

/** What a race's result depends on: two equal keys give the same trajectories. */
export function descentRunKey(
  p: Pick<DescentState['params'], 'surface' | 'start' | 'steps' | 'seed' | 'racers'>,
  rerun: number,
): string {
  return JSON.stringify([p.surface, p.start, p.steps, p.seed, p.racers, rerun]);
}

/**
 * Runs the race in compute whenever what it depends on changes: a short debounce while a slider
 * moves, and the run in flight is cancelled before the next starts. When only the mesh changed
 * (the automatic resolution stepped down) it is a regrid: the trajectories are the same, so only
 * the sampled surface is replaced and playback carries on untouched.
 */
export function useDescentRace(): void {
  const params = useDescentStore((s) => s.params);
  const { surface, start, steps, seed, racers, mesh } = params;
  const meshAuto = useDescentStore((s) => s.meshAuto);
  const rerun = useDescentStore((s) => s.rerun);
  const lastRun = useRef('');
  useEffect(() => {
    let handle: { cancel(): void } | null = null;
    const runKey = descentRunKey({ surface, start, steps, seed, racers }, rerun);
    const regrid = runKey === lastRun.current && useDescentStore.getState().status === 'ready';
    lastRun.current = runKey;
    if (!regrid) useDescentStore.setState({ status: 'computing', error: null, position: 0 });
    const timer = setTimeout(() => {
      const fresh: DescentState['trajectories'] = racers.map(() => null);
      handle = computeClient().run(
        'descent-race',
        { surface, grid: mesh || meshAuto || meshAutoResolution(), start, steps, seed, racers },
        {
          onFrame: (frame) => {
            if (frame.kind === 'surface') {
              useDescentStore.setState({
                grid: {
                  n: frame.n,
                  domain: frame.domain,
                  values: frame.values,
                  floor: frame.floor,
                },
              });
            } else if (!regrid) {
              fresh[frame.racer] = frame;
              useDescentStore.setState({ trajectories: [...fresh] });
            }
          },
          onResult: () => {
            if (regrid) return;
            const selected = Math.min(useDescentStore.getState().selected, racers.length - 1);
            useDescentStore.setState({
              status: 'ready',
              position: 0,
              playing: true,
              selected,
              readyFor: runKey,
            });
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
