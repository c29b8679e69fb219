/**
 * Runs the Losses lab's simulations in compute while their view is open: the outlier's influence
 * sweep when the other points, the degree or the loss shapes change (not when only the outlier's
 * y moves: the sweep covers every y), and the classifier's training when its points or settings
 * change. A change within 80 ms of the last (a drag) restarts the wait; the previous run is
 * cancelled first, and its result is never shown.
 */
import { useEffect } from 'react';
import type { LossesInfluenceParams, LossesTrainParams } from '../../../core/labs/losses/sim';
import { computeClient } from '../../compute/hosts';
import { useLossesStore } from './store';

const SETTLE_MS = 80;

export function useInfluenceRun(sweep: LossesInfluenceParams, active: boolean): void {
  const key = active ? JSON.stringify(sweep) : '';
  useEffect(() => {
    if (!key) return;
    const params = JSON.parse(key) as LossesInfluenceParams;
    useLossesStore.setState({ influenceStatus: 'computing' });
    let handle: { cancel(): void } | null = null;
    const timer = setTimeout(() => {
      handle = computeClient().run('losses-influence', params, {
        onResult: (r) =>
          useLossesStore.setState({ influence: r, influenceStatus: 'ready', runError: null }),
        onError: (e) => useLossesStore.setState({ influenceStatus: 'failed', runError: e.message }),
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      handle?.cancel();
    };
  }, [key]);
}

export function useTrainRun(params: LossesTrainParams, active: boolean): void {
  const key = active ? JSON.stringify(params) : '';
  useEffect(() => {
    if (!key) return;
    const p = JSON.parse(key) as LossesTrainParams;
    useLossesStore.setState({ trainStatus: 'computing' });
    let handle: { cancel(): void } | null = null;
    const timer = setTimeout(() => {
      handle = computeClient().run('losses-train', p, {
        onResult: (r) =>
          useLossesStore.setState({ trained: r, trainStatus: 'ready', runError: null }),
        onError: (e) => useLossesStore.setState({ trainStatus: 'failed', runError: e.message }),
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      handle?.cancel();
    };
  }, [key]);
}
