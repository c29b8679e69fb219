import { useMemo, useRef } from 'react';
import { descentSurfaceResolve } from '../../../core/sim/descent-race';
import type { Surface } from '../../../core/ml/surfaces-types';
import { Tex } from '../../components/Tex';
import { useFitHeight } from '../../components/use-fit-height';
import { ContourView } from './ContourView';
import { CurvaturePanel } from './CurvaturePanel';
import { DataView } from './DataView';
import { EquationPanel } from './EquationPanel';
import { Legend } from './Legend';
import { LossPanel } from './LossPanel';
import { DESCENT_PRESETS } from '../../../core/labs/descent/presets';
import { Playback } from './Playback';
import { RacerList } from './RacerList';
import { DescentScene } from './Scene';
import { useDescentStore } from './store';
import { StoryCaption, descentStoryChoose } from './StoryCaption';
import { SurfacePicker } from './SurfacePicker';
import { RunOptions, ViewOptions } from './ViewOptions';
import { descentCameraReframe } from './use-camera-frame';
import { useDescentPlayback } from './use-playback';
import { useDescentRace } from './use-race';
import { useDescentViewStatus } from './view-status';
import './descent.css';

function useSurface(): Surface | null {
  const spec = useDescentStore((s) => s.params.surface);
  return useMemo(() => {
    try {
      return descentSurfaceResolve(spec);
    } catch {
      return null;
    }
  }, [spec]);
}

/**
 * "Computing…", or why the race failed with a way to run it again. Its own component: the status
 * changes twice per race, and the rest of the lab need not render for it.
 */
function RaceStatus() {
  const status = useDescentStore((s) => s.status);
  const error = useDescentStore((s) => s.error);
  if (status === 'computing') return <p className="readout">Computing…</p>;
  if (status !== 'failed') return null;
  return (
    <p className="notice" role="alert" data-testid="race-error">
      {error} — the previous picture is kept.{' '}
      <button
        onClick={() => useDescentStore.setState((s) => ({ rerun: s.rerun + 1 }))}
        data-testid="race-rerun"
      >
        Run again
      </button>
    </p>
  );
}

export default function DescentLab() {
  useDescentRace();
  useDescentPlayback();
  useDescentViewStatus();
  const surface = useSurface();
  const meshN = useDescentStore((s) => s.grid?.n);
  // Presenting: the readouts column zooms out a little rather than hide its story under the fold.
  const infoRef = useRef<HTMLElement>(null);
  useFitHeight(infoRef);
  return (
    <div className="descent-lab" data-testid="lab-descent" data-mesh={meshN}>
      <aside className="descent-controls" aria-label="Controls">
        <fieldset className="panel presets">
          <legend>Stories</legend>
          {DESCENT_PRESETS.map((p) => (
            <button
              key={p.id}
              data-testid={`preset-${p.id}`}
              onClick={() => descentStoryChoose(p.id)}
            >
              {p.title}
            </button>
          ))}
        </fieldset>
        <SurfacePicker />
        <RacerList />
        <RunOptions />
        <ViewOptions onResetCamera={descentCameraReframe} />
      </aside>
      <section className="descent-views">
        <div className="descent-3d">
          <DescentScene surface={surface} />
          {surface && (
            <div className="formula-overlay">
              <Tex tex={surface.tex} />
            </div>
          )}
        </div>
        <div className="descent-2d">
          <ContourView surface={surface} />
        </div>
        <div className="descent-chart">
          <LossPanel surface={surface} />
        </div>
        <div className="descent-playback">
          <Playback />
        </div>
      </section>
      <aside className="descent-info" aria-label="Readouts" ref={infoRef}>
        <RaceStatus />
        <Legend />
        <DataView surface={surface} />
        <EquationPanel />
        <CurvaturePanel surface={surface} />
        <StoryCaption />
      </aside>
    </div>
  );
}
