/**
 * Inside-a-network lab state: the generated params (renderer/labs/lab-kit.ts) and nothing else.
 * Every number shown is recomputed from params by the pure models in core/labs/inside.
 */
import { insideLab } from '../../../core/labs/inside/lab';
import type { BackpropParams, InsideParams, LayerParams } from '../../../core/labs/inside/params';
import { labStoreCreate } from '../lab-kit';

export const useInsideStore = labStoreCreate<InsideParams, object>(insideLab, () => ({}));

/** Changes the backprop view's params. */
export function bpSet(patch: Partial<BackpropParams>): void {
  useInsideStore.getState().setParams((p) => ({ ...p, backprop: { ...p.backprop, ...patch } }));
}

/** Changes the layer view's params. */
export function layerSet(patch: Partial<LayerParams>): void {
  useInsideStore.getState().setParams((p) => ({ ...p, layer: { ...p.layer, ...patch } }));
}
