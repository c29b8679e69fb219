import { useEffect } from 'react';
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
  useEffect(() => {
    let handle: { cancel(): void } | null = null;
    useDescentStore.setState({ status: 'computing', error: null, position: 0 });
    const timer = setTimeout(() => {
      const fresh: ReturnType<typeof useDescentStore.getState>['trajectories'] = racers.map(
        () => null,
      );
      handle = computeClient().run(
        'descent-race',
        { surface, grid: mesh || meshAutoResolution(), start, steps, seed, racers },
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
            useDescentStore.setState({
              status: 'ready',
              position: 0,
              playing: true,
              selected: Math.min(s.selected, racers.length - 1),
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
  }, [surface, start, steps, seed, racers, mesh]);
}
