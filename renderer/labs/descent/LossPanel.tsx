import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Surface } from '../../../core/ml/surfaces-types';
import { LossChart, type Playhead } from '../../components/LossChart';
import { RACER_COLORS } from './colors';
import { descentChartShown, useDescentStore } from './store';

/** The playback step for the loss chart's playhead, followed outside React. */
const PLAYHEAD: Playhead = {
  get: () => useDescentStore.getState().position,
  subscribe: (fn) =>
    useDescentStore.subscribe((now, before) => {
      if (now.position !== before.position) fn();
    }),
};

/**
 * `value`, changed only after the next frame has been drawn and then in a transition: a new race
 * reaches the 3D view and the contour map in that frame, and the chart (recharts: tens of
 * milliseconds on a slow machine) follows, instead of holding the frame back.
 */
function useAfterNextFrame<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value]);
  return shown;
}

/** Loss per step for every racer, on the gap to the global minimum where the surface knows it. */
export function LossPanel({ surface }: { surface: Surface | null }) {
  const trajectories = useDescentStore((s) => s.trajectories);
  // The racers' names only: a hyperparameter moved draws the chart once, when its race is in.
  const names = useDescentStore((s) => s.params.racers.map((r) => r.optimizer).join('\n'));
  const input = useMemo(() => ({ trajectories, names }), [trajectories, names]);
  const shown = useAfterNextFrame(input);
  useEffect(() => {
    descentChartShown.trajectories = shown.trajectories;
  }, [shown]);
  const fStar = surface?.minima.find((m) => m.global)?.value;
  const series = useMemo(() => {
    const labels = shown.names.split('\n');
    return shown.trajectories.flatMap((t, i) =>
      t
        ? [
            {
              id: `r${i}`,
              label: labels[i] ?? '',
              color: RACER_COLORS[i],
              losses: t.losses,
              count: t.count,
            },
          ]
        : [],
    );
  }, [shown]);
  return (
    <LossChart
      series={series}
      offset={fStar}
      playhead={PLAYHEAD}
      yLabel={fStar !== undefined ? 'f − f*' : 'f'}
      xLabel="step"
    />
  );
}
