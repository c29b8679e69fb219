/** The Networks lab's side of the lecture toolkit: scenes (points and weights in the params) and exports. */
import { networksLab } from '../../../core/labs/networks/lab';
import { netCsvWrite } from '../../../core/labs/networks/csv';
import { networksTask, networksUserPoints } from '../../../core/labs/networks/model';
import { HISTORY_COLS } from '../../../core/labs/networks/sim';
import { labToolkitCreate } from '../lab-kit';
import type { LabToolkit } from '../types';
import { netLive } from './live';
import { useNetworksStore } from './store';

function historyCsv(): string {
  const h = netLive.history;
  const rows = ['epoch,train_loss,test_loss,train_accuracy,test_accuracy'];
  for (let i = 0; i < h.length; i += HISTORY_COLS)
    rows.push(h.slice(i, i + HISTORY_COLS).join(','));
  return rows.join('\n') + '\n';
}

const kit = labToolkitCreate(networksLab, useNetworksStore, {
  ready: () => netLive.frame !== null,
  exportData: () => {
    const p = useNetworksStore.getState().params;
    const f = netLive.frame;
    return [
      {
        name: 'network-points.csv',
        mime: 'text/csv',
        content: netCsvWrite(
          networksTask(p),
          p.dataset === 'custom' ? p.custom.points : networksUserPoints(p),
        ),
      },
      { name: 'network-history.csv', mime: 'text/csv', content: historyCsv() },
      {
        name: 'network-weights.json',
        mime: 'application/json',
        content:
          JSON.stringify(
            { params: p, step: f?.step ?? 0, weights: f ? Array.from(f.params) : null },
            null,
            2,
          ) + '\n',
      },
    ];
  },
});

/**
 * A scene carries the weights the views show: the latest frame's, so one saved or linked while
 * training holds the current weights (the params keep them only on pause, step and end).
 */
export const networksToolkit: LabToolkit = {
  ...kit,
  capture: () => {
    const snap = kit.capture();
    const f = netLive.frame;
    if (!f || f.step === 0) return snap;
    const params = snap.params as Record<string, unknown>;
    return { ...snap, params: { ...params, weights: Array.from(f.params) } };
  },
};
