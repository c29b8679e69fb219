/**
 * The Calculus lab's store: the generated params (renderer/labs/lab-kit.ts). Every number the
 * views show is recomputed from params by the models in core/labs/calculus, never stored; the
 * text being typed lives in its input until it reads as a function.
 */
import { calculusLab } from '../../../core/labs/calculus/lab';
import type { CalculusParams } from '../../../core/labs/calculus/params';
import { labStoreCreate } from '../lab-kit';

export const useCalculusStore = labStoreCreate<CalculusParams, object>(calculusLab, () => ({}));

/** Sets one field of one view's params. */
export function calculusSet<V extends Exclude<keyof CalculusParams, 'view' | 'seed'>>(
  view: V,
  patch: Partial<CalculusParams[V]>,
): void {
  useCalculusStore.getState().setParams((p) => ({ ...p, [view]: { ...p[view], ...patch } }));
}
