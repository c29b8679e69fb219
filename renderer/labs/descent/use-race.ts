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
 * Runs the race in compute whenever what it depends on changes. There is no debounce: the race is
 * result-shaped (core/sim/registry.ts, SimDelivery), so its frames arrive as soon as they are
 * computed, and each change cancels the run in flight before the next starts — a slider drag
 * keeps one run going, never a queue. Frames that arrive together reach the store together: they
 * are gathered until the next animation frame (or the result), so the views render once per
 * picture, not once per racer. When only the mesh changed (the automatic resolution stepped
 * down) it is a regrid: the trajectories are the same, so only the sampled surface is replaced
 * and playback carries on untouched.
 */
export function useDescentRace(): void {
  const params = useDescentStore((s) => s.params);
  const { surface, start, steps, seed, racers, mesh } = params;
  const meshAuto = useDescentStore((s) => s.meshAuto);
  const rerun = useDescentStore((s) => s.rerun);
  const lastRun = useRef('');
  useEffect(() => {
    const runKey = descentRunKey({ surface, start, steps, seed, racers }, rerun);
    const regrid = runKey === lastRun.current && useDescentStore.getState().status === 'ready';
    lastRun.current = runKey;
    if (!regrid) useDescentStore.setState({ status: 'computing', error: null, position: 0 });
    const fresh: DescentState['trajectories'] = racers.map(() => null);
    let pending: Partial<DescentState> = {};
    let frameRequest = 0;
    const commit = (last: Partial<DescentState> = {}) => {
      cancelAnimationFrame(frameRequest);
      frameRequest = 0;
      const patch = { ...pending, ...last };
      pending = {};
      useDescentStore.setState(patch);
    };
    const gather = (patch: Partial<DescentState>) => {
      Object.assign(pending, patch);
      if (!frameRequest) frameRequest = requestAnimationFrame(() => commit());
    };
    const handle = computeClient().run(
      'descent-race',
      { surface, grid: mesh || meshAuto || meshAutoResolution(), start, steps, seed, racers },
      {
        onFrame: (frame) => {
          if (frame.kind === 'surface') {
            gather({
              grid: { n: frame.n, domain: frame.domain, values: frame.values, floor: frame.floor },
            });
          } else if (!regrid) {
            fresh[frame.racer] = frame;
            gather({ trajectories: [...fresh] });
          }
        },
        onResult: () => {
          if (regrid) return commit();
          const selected = Math.min(useDescentStore.getState().selected, racers.length - 1);
          commit({ status: 'ready', position: 0, playing: true, selected, readyFor: runKey });
        },
        onError: (e) => commit({ status: 'failed', error: e.message }),
      },
    );
    return () => {
      cancelAnimationFrame(frameRequest);
      handle.cancel();
    };
  }, [surface, start, steps, seed, racers, mesh, meshAuto, rerun]);
}
