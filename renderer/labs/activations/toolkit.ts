/** The Activations lab's side of the lecture toolkit: scene capture/restore and data export. */
import { ACTIVATIONS } from '../../../core/ml/activations';
import { activationsLab } from '../../../core/labs/activations/lab';
import { labToolkitCreate } from '../lab-kit';
import { useActivationsStore } from './store';

function csvGallery(): string {
  const { gallery } = useActivationsStore.getState().params;
  const ids = gallery.selected.map((e) => e.id);
  const rows = [['x', ...ids.flatMap((id) => [`${id}`, `${id}_prime`])].join(',')];
  for (let k = 0; k <= 400; k++) {
    const x = -gallery.range + (2 * gallery.range * k) / 400;
    const cells: number[] = [x];
    for (const e of gallery.selected) {
      const a = ACTIVATIONS[e.id];
      cells.push(a.f(x), a.df(x));
    }
    rows.push(cells.join(','));
  }
  return rows.join('\n') + '\n';
}

export const activationsToolkit = labToolkitCreate(activationsLab, useActivationsStore, {
  /**
   * Deterministic time for recording the gallery: the cursor sweeps the plotted range from left to
   * right in 6 s and back, so the readout and typeset values move with it. The gradient-flow view
   * shows its run as it is (record it once training has finished).
   */
  seek: (seconds) => {
    const { params } = useActivationsStore.getState();
    if (params.tab !== 'gallery') return;
    const r = params.gallery.range;
    const phase = (seconds / 6) % 2;
    const u = phase <= 1 ? phase : 2 - phase;
    useActivationsStore.setState({ cursor: -r + 2 * r * u });
  },
  ready: () => true,
  exportData: () => [
    { name: 'activations-gallery.csv', mime: 'text/csv', content: csvGallery() },
    {
      name: 'activations-state.json',
      mime: 'application/json',
      content: JSON.stringify(useActivationsStore.getState().params, null, 2) + '\n',
    },
  ],
});
