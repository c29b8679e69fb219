import { useEffect } from 'react';
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
 * Runs the race in compute whenever what it depends on changes. The hook listens to the store
 * itself rather than re-rendering: a change starts its run the moment the store changes, so the
 * worker computes while React renders the change, instead of after. There is no debounce: the
 * race is result-shaped (core/sim/registry.ts, SimDelivery), so its frames arrive as soon as
 * they are computed, and each change cancels the run in flight before the next starts — a slider
 * drag keeps one run going, never a queue. Frames that arrive together reach the store together:
 * they are gathered until the next animation frame (or the result), so the views render once per
 * picture, not once per racer. When only the mesh changed (the automatic resolution stepped
 * down) it is a regrid: the trajectories are the same, so only the sampled surface is replaced
 * and playback carries on untouched. A race on the surface already shown keeps that surface: the sampled
 * grid that comes back is the same numbers, and taking it would make the 3D mesh, its contour
 * lines and the contour map's heat map all be built again (tens of milliseconds on a slow machine,
 * before the new paths could be drawn).
 */
export function useDescentRace(): void {
  useEffect(descentRaceFollow, []);
}

/** Follows the store and runs its race (the body of useDescentRace); returns the stop function. */
export function descentRaceFollow(): () => void {
  let lastRun = '';
  let running: (() => void) | null = null;
  let inputs: readonly unknown[] = [];
  const follow = (s: DescentState) => {
    const { surface, start, steps, seed, racers, mesh } = s.params;
    const next = [surface, start, steps, seed, racers, mesh, s.meshAuto, s.rerun];
    if (next.every((v, i) => Object.is(v, inputs[i]))) return;
    inputs = next;
    running?.();
    const runKey = descentRunKey({ surface, start, steps, seed, racers }, s.rerun);
    const grid = mesh || s.meshAuto || meshAutoResolution();
    const regrid = runKey === lastRun && s.status === 'ready';
    lastRun = runKey;
    running = raceRun({ surface, grid, start, steps, seed, racers }, runKey, regrid);
  };
  follow(useDescentStore.getState());
  const unsubscribe = useDescentStore.subscribe(follow);
  return () => {
    unsubscribe();
    running?.();
  };
}

/** What one race is run with. */
type RaceParams = Pick<
  DescentState['params'],
  'surface' | 'start' | 'steps' | 'seed' | 'racers'
> & {
  grid: number;
};

/** The sampled surface in the store and what it was sampled from (see surfaceShown). */
let shown: { grid: DescentState['grid']; key: string } = { grid: null, key: '' };

/** True when the store shows the surface that `key` (surfaceKey) samples. */
function surfaceShown(key: string): boolean {
  const grid = useDescentStore.getState().grid;
  return grid !== null && grid === shown.grid && key === shown.key;
}

/** What a sampled surface depends on. */
const surfaceKey = (p: RaceParams) => JSON.stringify([p.surface, p.grid]);

/** Starts one race and returns its cancel. */
function raceRun(params: RaceParams, runKey: string, regrid: boolean): () => void {
  if (!regrid) useDescentStore.setState({ status: 'computing', error: null, position: 0 });
  const gridKey = surfaceKey(params);
  const fresh: DescentState['trajectories'] = params.racers.map(() => null);
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
  const handle = computeClient().run('descent-race', params, {
    onFrame: (frame) => {
      if (frame.kind === 'surface') {
        if (surfaceShown(gridKey)) return;
        const grid = { n: frame.n, domain: frame.domain, values: frame.values, floor: frame.floor };
        shown = { grid, key: gridKey };
        gather({ grid });
      } else if (!regrid) {
        fresh[frame.racer] = frame;
        gather({ trajectories: [...fresh] });
      }
    },
    onResult: () => {
      if (regrid) return commit();
      const selected = Math.min(useDescentStore.getState().selected, params.racers.length - 1);
      commit({ status: 'ready', position: 0, playing: true, selected, readyFor: runKey });
    },
    onError: (e) => commit({ status: 'failed', error: e.message }),
  });
  return () => {
    cancelAnimationFrame(frameRequest);
    handle.cancel();
  };
}
