/**
 * Runs the bias–variance simulation in compute whenever what it depends on changes (not the
 * degree looked at: every degree is computed at once). A change within 80 ms of the last (a
 * slider being dragged) restarts the wait; the previous run is cancelled and never shown.
 */
import { useEffect } from 'react';
import { bvSimParams } from '../../../core/labs/statistics/model';
import type { BiasVarianceSimParams } from '../../../core/labs/statistics/sim';
import { computeClient } from '../../compute/hosts';
import { useStatsStore } from './store';

const SETTLE_MS = 80;

/** The key of the sim params for the current lab params. */
export const bvRunKey = (p: ReturnType<typeof useStatsStore.getState>['params']) =>
  JSON.stringify(bvSimParams(p.bv, p.seed));

export function useBvRun(active: boolean): void {
  const key = useStatsStore((s) => (active ? bvRunKey(s.params) : ''));
  useEffect(() => {
    if (!key) return;
    const params = JSON.parse(key) as BiasVarianceSimParams;
    useStatsStore.setState({ status: 'computing' });
    let handle: { cancel(): void } | null = null;
    const timer = setTimeout(() => {
      const t0 = performance.now();
      handle = computeClient().run('statistics-bias-variance', params, {
        onResult: (r) =>
          useStatsStore.setState({
            result: r,
            resultKey: key,
            status: 'ready',
            elapsedMs: performance.now() - t0,
            runError: null,
          }),
        onError: (e) => useStatsStore.setState({ status: 'failed', runError: e.message }),
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      handle?.cancel();
    };
  }, [key]);
}
