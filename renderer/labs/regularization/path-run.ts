/**
 * Runs the "regularization-path" simulation in compute whenever the data sliders change, and puts
 * the streamed paths into the store. The previous run is cancelled first; its paths are replaced
 * when the new run's first path arrives.
 */
import { useEffect } from 'react';
import type { RegularizationPathParams } from '../../../core/sim/regularization-path';
import { computeClient } from '../../compute/hosts';
import type { RegLabParams } from '../../../core/labs/regularization/params';
import { useRegStore } from './store';

/** λ range of every path chart (log₁₀ from −3 to 2). */
export const PATH_LAMBDA = { min: 1e-3, max: 1e2, count: 121 };
export const PATH_FEATURES = 8;

/** The path simulation's params for the lab's params (the elastic-net path uses α, or ½ at the ends). */
export function regPathParams(p: RegLabParams): RegularizationPathParams {
  return {
    features: PATH_FEATURES,
    nTrain: p.n,
    nTest: 1000,
    correlation: p.correlation,
    noise: p.noise,
    seed: p.seed,
    alpha: p.alpha > 0 && p.alpha < 1 ? p.alpha : 0.5,
    lambdaMin: PATH_LAMBDA.min,
    lambdaMax: PATH_LAMBDA.max,
    count: PATH_LAMBDA.count,
  };
}

export function useRegPathRun(p: RegLabParams): void {
  const { n, correlation, noise, seed, alpha } = p;
  const enAlpha = alpha > 0 && alpha < 1 ? alpha : 0.5;
  const rerun = useRegStore((s) => s.rerun);
  useEffect(() => {
    // The previous paths stay on screen until this run's first path replaces them, so a run that
    // fails (a lost compute worker, say) leaves the last picture beside its message.
    useRegStore.setState({ pathStatus: 'computing', pathError: null });
    let first = true;
    const params = regPathParams({
      ...useRegStore.getState().params,
      n,
      correlation,
      noise,
      seed,
      alpha: enAlpha,
    });
    const handle = computeClient().run('regularization-path', params, {
      onFrame: (frame) => {
        if (frame.kind !== 'path') return;
        const fresh = first;
        first = false;
        useRegStore.setState((s) => ({ paths: fresh ? [frame] : [...s.paths, frame] }));
      },
      onResult: () => useRegStore.setState({ pathStatus: 'ready' }),
      onError: (e) => useRegStore.setState({ pathStatus: 'failed', pathError: e.message }),
    });
    return () => handle.cancel();
  }, [n, correlation, noise, seed, enAlpha, rerun]);
}
