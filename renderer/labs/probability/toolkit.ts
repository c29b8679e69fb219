/** The Probability lab's side of the lecture toolkit: a temperature sweep for recording, and export. */
import { probabilityLab } from '../../../core/labs/probability/lab';
import { TEMPERATURE_RANGE } from '../../../core/labs/probability/params';
import { labToolkitCreate } from '../lab-kit';
import { probExportData } from './export-data';
import { calibrationSet, softmaxSet, useProbStore } from './store';

/** One way of the sweep takes this long; it then comes back. */
export const SWEEP_SECONDS = 8;

/** exp of a triangle wave between log lo and log hi: lo at 0 s, hi at SWEEP_SECONDS, lo again at twice that. */
export function temperatureAt(seconds: number, lo: number, hi: number): number {
  const phase = (Math.max(0, seconds) / SWEEP_SECONDS) % 2;
  const u = phase <= 1 ? phase : 2 - phase;
  return +Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))).toPrecision(6);
}

export const probabilityToolkit = labToolkitCreate(probabilityLab, useProbStore, {
  /**
   * Deterministic time for recording: the temperature sweeps from its lowest to its highest value
   * on a log scale and back. On the calibration view the sweep is the scaling T (0.2 to 5), so
   * the reliability diagram and the ECE move with it; elsewhere it is the softmax T.
   */
  seek: (seconds) => {
    if (useProbStore.getState().params.tab === 'calibration')
      calibrationSet({ scaling: 'manual', temperature: temperatureAt(seconds, 0.2, 5) });
    else
      softmaxSet({
        temperature: temperatureAt(seconds, TEMPERATURE_RANGE.min, TEMPERATURE_RANGE.max),
      });
  },
  ready: () => true,
  exportData: () => probExportData(useProbStore.getState().params),
});
