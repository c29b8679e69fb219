/**
 * The Statistics of learning lab's store: the generated params (renderer/labs/lab-kit.ts) and the
 * last bias–variance result from compute with the sim params it answers (`resultKey`), so a view
 * never mixes a result with params it was not computed for. Every other number comes from the
 * model in core/labs/statistics.
 */
import { statisticsLab } from '../../../core/labs/statistics/lab';
import type { StatsParams } from '../../../core/labs/statistics/params';
import type { BiasVarianceResult } from '../../../core/ml/stats-bias-variance';
import { labStoreCreate } from '../lab-kit';

export type RunStatus = 'idle' | 'computing' | 'ready' | 'failed';

export interface StatsViewState {
  result: BiasVarianceResult | null;
  resultKey: string;
  status: RunStatus;
  /** Wall time of the last run, from request to result (ms). */
  elapsedMs: number | null;
  runError: string | null;
}

export const useStatsStore = labStoreCreate<StatsParams, StatsViewState>(statisticsLab, () => ({
  result: null,
  resultKey: '',
  status: 'idle',
  elapsedMs: null,
  runError: null,
}));
