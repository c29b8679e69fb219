/** The Networks lab's side of the lecture toolkit: scenes (points and weights in the params) and exports. */
import { networksLab } from '../../../core/labs/networks/lab';
import { netCsvWrite } from '../../../core/labs/networks/csv';
import { networksTask, networksUserPoints } from '../../../core/labs/networks/model';
import { HISTORY_COLS } from '../../../core/labs/networks/sim';
import { labToolkitCreate } from '../lab-kit';
import { netLive } from './live';
import { useNetworksStore } from './store';

function historyCsv(): string {
  const h = netLive.history;
  const rows = ['epoch,train_loss,test_loss,train_accuracy,test_accuracy'];
  for (let i = 0; i < h.length; i += HISTORY_COLS)
    rows.push(h.slice(i, i + HISTORY_COLS).join(','));
  return rows.join('\n') + '\n';
}

export const networksToolkit = labToolkitCreate(networksLab, useNetworksStore, {
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
