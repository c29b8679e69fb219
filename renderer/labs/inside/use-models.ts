/** The lab's models, computed once per change of the params they read. */
import { useMemo } from 'react';
import { bpModel, type BpModel } from '../../../core/labs/inside/model-backprop';
import { useInsideStore } from './store';

export function useBpModel(): BpModel {
  const p = useInsideStore((s) => s.params.backprop);
  return useMemo(() => bpModel(p), [p]);
}
