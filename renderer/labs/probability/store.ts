/**
 * Probability lab state: the generated params (renderer/labs/lab-kit.ts) and nothing else. Every
 * number shown is recomputed from params by the pure models in core/labs/probability.
 */
import { probabilityLab } from '../../../core/labs/probability/lab';
import type { ProbParams } from '../../../core/labs/probability/params';
import { labStoreCreate } from '../lab-kit';

export const useProbStore = labStoreCreate<ProbParams, object>(probabilityLab, () => ({}));

/** Changes the softmax params (logits, temperature, target, smoothing). */
export function softmaxSet(patch: Partial<ProbParams['softmax']>): void {
  useProbStore.getState().setParams((p) => ({ ...p, softmax: { ...p.softmax, ...patch } }));
}

export function entropySet(patch: Partial<ProbParams['entropy']>): void {
  useProbStore.getState().setParams((p) => ({ ...p, entropy: { ...p.entropy, ...patch } }));
}

export function calibrationSet(patch: Partial<ProbParams['calibration']>): void {
  useProbStore.getState().setParams((p) => ({ ...p, calibration: { ...p.calibration, ...patch } }));
}
