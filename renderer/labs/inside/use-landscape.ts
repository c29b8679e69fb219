/**
 * Runs the loss-landscape simulation in compute whenever its params change (after the params have
 * been still for 150 ms), with its progress; the previous run is cancelled. A failed run keeps the
 * last picture and says why.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { LandscapeParams } from '../../../core/labs/inside/params';
import type { LandscapeResult, LandscapeSimParams } from '../../../core/labs/inside/sim-landscape';
import { computeClient } from '../../compute/hosts';
import { useInsideStore } from './store';

const SETTLE_MS = 150;
/** Points the landscape's net is trained on and evaluated over. */
export const LANDSCAPE_POINTS = 250;

interface LandscapeRunState {
  status: 'idle' | 'computing' | 'ready' | 'failed';
  done: number;
  total: number;
  result: LandscapeResult | null;
  error: string | null;
  elapsedMs: number;
}

export const useLandscapeRun = create<LandscapeRunState>(() => ({
  status: 'idle',
  done: 0,
  total: 0,
  result: null,
  error: null,
  elapsedMs: NaN,
}));

export function landscapeSimParamsOf(p: LandscapeParams, seed: number): LandscapeSimParams {
  return { ...p, count: LANDSCAPE_POINTS, seed };
}

export function useLandscape(active: boolean): void {
  const key = useInsideStore((s) =>
    active ? JSON.stringify(landscapeSimParamsOf(s.params.landscape, s.params.seed)) : '',
  );
  useEffect(() => {
    if (!key) return;
    const params = JSON.parse(key) as LandscapeSimParams;
    useLandscapeRun.setState({ status: 'computing', done: 0, total: 0, error: null });
    let handle: { cancel(): void } | null = null;
    const timer = setTimeout(() => {
      const t0 = performance.now();
      handle = computeClient().run('inside-landscape', params, {
        onProgress: (pr) => useLandscapeRun.setState({ done: pr.done, total: pr.total }),
        onResult: (result) =>
          useLandscapeRun.setState({
            result,
            status: 'ready',
            done: 1,
            total: 1,
            elapsedMs: performance.now() - t0,
          }),
        onError: (e) => useLandscapeRun.setState({ status: 'failed', error: e.message }),
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      handle?.cancel();
    };
  }, [key]);
}
