/**
 * Regularization lab state: the generated params (renderer/labs/lab-kit.ts) and the path the
 * compute simulation returned. Derived numbers (data, solution, λ) are recomputed from params by
 * `regLabModel` (core/labs/regularization/model.ts), never stored, so they cannot go stale.
 */
import { regularizationLab } from '../../../core/labs/regularization/lab';
import type { RegLabParams } from '../../../core/labs/regularization/params';
import type { RegularizationPathFrame } from '../../../core/sim/regularization-path';
import { labStoreCreate } from '../lab-kit';

export type RegPathFrame = Extract<RegularizationPathFrame, { kind: 'path' }>;

export interface RegLabView {
  /** Paths by method, filled as compute streams them; cleared when a new run starts. */
  paths: RegPathFrame[];
  pathStatus: 'computing' | 'ready' | 'failed';
  pathError: string | null;
  /** Bumped by "Run again" after a failed path run (a lost compute worker, say). */
  rerun: number;
}

export const useRegStore = labStoreCreate<RegLabParams, RegLabView>(regularizationLab, () => ({
  paths: [],
  pathStatus: 'computing',
  pathError: null,
  rerun: 0,
}));
