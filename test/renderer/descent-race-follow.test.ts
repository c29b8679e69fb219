// A race on the surface already shown must keep that surface: taking the same samples again made
// the 3D mesh, its contour lines and the contour map all be rebuilt before the new paths could be
// drawn (most of a slider change's time to picture). The compute host is replaced by the real
// simulation run synchronously, so every frame and the result arrive as they would.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { descentRaceSim, type DescentRaceParams } from '../../core/sim/descent-race';

const requests: DescentRaceParams[] = [];

vi.mock('../../renderer/compute/hosts', () => ({
  computeClient: () => ({
    run: (
      _sim: string,
      params: DescentRaceParams,
      h: { onFrame?(f: unknown): void; onResult?(r: unknown): void },
    ) => {
      requests.push(params);
      const run = descentRaceSim.start(params);
      let r = run.next();
      for (; !r.done; r = run.next()) if (r.value.frame) h.onFrame?.(r.value.frame);
      h.onResult?.(r.value);
      return { cancel: () => {} };
    },
  }),
}));

const { useDescentStore } = await import('../../renderer/labs/descent/store');
const { descentRaceFollow } = await import('../../renderer/labs/descent/use-race');

let stop: () => void;
beforeAll(() => {
  // Frames gathered for the next animation frame are committed by the result anyway.
  vi.stubGlobal('requestAnimationFrame', () => 1);
  vi.stubGlobal('cancelAnimationFrame', () => {});
  useDescentStore.getState().setParams({ mesh: 48 });
  stop = descentRaceFollow();
});
afterAll(() => {
  stop();
  vi.unstubAllGlobals();
});

const setRate = (lr: number) =>
  useDescentStore.getState().setParams((p) => ({
    ...p,
    racers: p.racers.map((r, i) => (i ? r : { ...r, params: { lr } })),
  }));

describe('Descent race follower', () => {
  it('a new learning rate brings new paths on the same sampled surface object', () => {
    const before = useDescentStore.getState();
    expect(before.status).toBe('ready');
    expect(before.grid?.n).toBe(48);
    const runs = requests.length;
    setRate(0.001);
    const after = useDescentStore.getState();
    expect(requests.length).toBe(runs + 1);
    expect(after.status).toBe('ready');
    expect(after.trajectories[0]).not.toBe(before.trajectories[0]);
    expect(after.grid).toBe(before.grid);
  });

  it('a new surface or mesh brings a new sampled surface', () => {
    const first = useDescentStore.getState().grid;
    useDescentStore.getState().setParams({ mesh: 96 });
    const second = useDescentStore.getState().grid;
    expect(second?.n).toBe(96);
    useDescentStore.getState().setParams({ surface: { kind: 'builtin', id: 'rosenbrock' } });
    const third = useDescentStore.getState().grid;
    expect(third).not.toBe(second);
    expect(third?.n).toBe(96);
    expect(third?.values).not.toEqual(second?.values);
    expect(first).not.toBe(second);
  });
});
