/** The Inside lab's side of the lecture toolkit: steps or stages on a fixed clock for recording, and export. */
import { insideLab } from '../../../core/labs/inside/lab';
import { bpModel } from '../../../core/labs/inside/model-backprop';
import { labToolkitCreate } from '../lab-kit';
import { insideExportData } from './export-data';
import { bpSet, layerSet, useInsideStore } from './store';
import { useLandscapeRun } from './use-landscape';

/** A recording shows each backprop step this long. */
export const BP_SECONDS_PER_STEP = 1.5;
/** A recording of the batch-norm view feeds the running statistics one earlier batch this often. */
export const BN_SECONDS_PER_BATCH = 0.25;
/** The layer view's stage goes 0 → 2 in this long, then back. */
export const LAYER_SWEEP_SECONDS = 4;

/** The layer stage t at a recording time: a triangle wave 0 → 2 → 0. */
export function layerStageAt(seconds: number): number {
  const phase = (Math.max(0, seconds) / LAYER_SWEEP_SECONDS) % 2;
  return +(2 * (phase <= 1 ? phase : 2 - phase)).toFixed(4);
}

export const insideToolkit = labToolkitCreate(insideLab, useInsideStore, {
  /**
   * Deterministic time for recording: the backprop view advances one step every
   * BP_SECONDS_PER_STEP from the start and stops at the last; the layer view sweeps t; the
   * batch-norm view's running statistics see one more earlier batch every BN_SECONDS_PER_BATCH;
   * the landscape stays still.
   */
  seek: (seconds) => {
    const p = useInsideStore.getState().params;
    if (p.view === 'landscape') return; // a still picture
    if (p.view === 'layer') layerSet({ t: layerStageAt(seconds) });
    else if (p.view === 'batchnorm')
      useInsideStore.getState().setParams((q) => ({
        ...q,
        bn: {
          ...q.bn,
          history: Math.min(200, Math.floor(Math.max(0, seconds) / BN_SECONDS_PER_BATCH)),
        },
      }));
    else {
      const last = bpModel({ ...p.backprop, step: 0 }).steps.length - 1;
      bpSet({ step: Math.min(last, Math.floor(Math.max(0, seconds) / BP_SECONDS_PER_STEP)) });
    }
  },
  /** The landscape view is ready once its computation has ended (a failure keeps the last picture). */
  ready: () => {
    if (useInsideStore.getState().params.view !== 'landscape') return true;
    const { status } = useLandscapeRun.getState();
    return status === 'ready' || status === 'failed';
  },
  exportData: () =>
    insideExportData(useInsideStore.getState().params, useLandscapeRun.getState().result),
});
