/** The Activations lab's side of the lecture toolkit: scene capture/restore and data export. */
import { ACTIVATIONS } from '../../../core/ml/activations';
import type { LabToolkit } from '../types';
import { activationsStateSchema, type ActivationsState } from './params';
import { useActivationsStore } from './store';

function csvGallery(): string {
  const { gallery } = useActivationsStore.getState().state;
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

export const activationsToolkit: LabToolkit = {
  paramsSchema: activationsStateSchema,
  capture: () => {
    const state = useActivationsStore.getState().state;
    return { params: state, seed: state.flow.seed };
  },
  apply: (snapshot) => {
    const state = activationsStateSchema.parse(snapshot.params) as ActivationsState;
    useActivationsStore.setState({
      state: { ...state, flow: { ...state.flow, seed: snapshot.seed } },
      restoredAt: Date.now(),
    });
  },
  /**
   * Deterministic time for recording the gallery: the cursor sweeps the plotted range from left to
   * right in 6 s and back, so the readout and typeset values move with it. The gradient-flow view
   * shows its run as it is (record it once training has finished).
   */
  seek: (seconds) => {
    const { state } = useActivationsStore.getState();
    if (state.tab !== 'gallery') return;
    const r = state.gallery.range;
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
      content: JSON.stringify(useActivationsStore.getState().state, null, 2) + '\n',
    },
  ],
};
