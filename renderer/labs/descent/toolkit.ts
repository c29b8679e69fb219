/** The Descent lab's side of the lecture toolkit: scene capture/restore, deterministic seek, data export. */
import { descentLab } from '../../../core/labs/descent/lab';
import { labToolkitCreate } from '../lab-kit';
import { descentChartShown, descentLastStep, useDescentStore } from './store';

function csvTrajectories(): string {
  const s = useDescentStore.getState();
  const rows = ['racer,optimizer,step,x,y,loss,grad_x,grad_y'];
  s.trajectories.forEach((t, r) => {
    if (!t) return;
    const name = s.params.racers[r]?.optimizer ?? '';
    for (let k = 0; k < t.count; k++) {
      rows.push(
        [
          r,
          name,
          k,
          t.positions[2 * k],
          t.positions[2 * k + 1],
          t.losses[k],
          t.gradients[2 * k],
          t.gradients[2 * k + 1],
        ].join(','),
      );
    }
  });
  return rows.join('\n') + '\n';
}

export const descentToolkit = labToolkitCreate(descentLab, useDescentStore, {
  playback: (s) => ({ position: s.position }),
  onApply: (snapshot, st) => ({
    cameraRequest: st.cameraRequest + 1,
    selected: 0,
    playing: snapshot.playback === undefined,
  }),
  afterApply: (snapshot) => {
    if (!snapshot.playback) return;
    const target = snapshot.playback.position;
    // The position applies once the rerun with these params has finished.
    const unsub = useDescentStore.subscribe((st) => {
      if (st.status !== 'ready') return;
      unsub();
      useDescentStore.setState({ playing: false, position: Math.min(target, descentLastStep(st)) });
    });
  },
  seek: (seconds) => {
    const s = useDescentStore.getState();
    // A resting pointer's crosshair is not part of the scene being recorded; the text panels
    // show this frame's numbers in the frame that is captured.
    useDescentStore.setState((st) => ({ cursor: null, panelsSeek: st.panelsSeek + 1 }));
    s.setPlaying(false);
    s.setPosition(Math.floor(seconds * s.params.speed));
  },
  // Ready once the race is in and the loss chart, which follows it a frame later, shows it too.
  ready: () => {
    const s = useDescentStore.getState();
    return s.status === 'ready' && descentChartShown.trajectories === s.trajectories;
  },
  exportData: () => [
    { name: 'descent-trajectories.csv', mime: 'text/csv', content: csvTrajectories() },
    {
      name: 'descent-scene-params.json',
      mime: 'application/json',
      content: JSON.stringify(useDescentStore.getState().params, null, 2) + '\n',
    },
  ],
});
