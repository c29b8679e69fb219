/**
 * The Losses lab's store: the generated params (renderer/labs/lab-kit.ts) and what compute
 * returned — the outlier's influence sweep and the trained classifiers — with their status.
 * Every other number is recomputed from params by the models in core/labs/losses, never stored.
 */
import { lossesLab } from '../../../core/labs/losses/lab';
import type { LossesParams } from '../../../core/labs/losses/params';
import type { LossesInfluenceResult, LossesTrainResult } from '../../../core/labs/losses/sim';
import { labStoreCreate } from '../lab-kit';

export type RunStatus = 'idle' | 'computing' | 'ready' | 'failed';

export interface LossesViewState {
  influence: LossesInfluenceResult | null;
  influenceStatus: RunStatus;
  trained: LossesTrainResult | null;
  trainStatus: RunStatus;
  /** The last failure, in words. */
  runError: string | null;
}

export const useLossesStore = labStoreCreate<LossesParams, LossesViewState>(lossesLab, () => ({
  influence: null,
  influenceStatus: 'idle',
  trained: null,
  trainStatus: 'idle',
  runError: null,
}));
