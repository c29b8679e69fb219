import { useEffect, useMemo, useRef, useState } from 'react';
import { SURFACES, surfaceById } from '../../../core/ml/surfaces';
import type { SurfaceDescentFrame } from '../../../core/sim/surface-descent';
import { LossChart } from '../../components/LossChart';
import { Surface3D } from '../../components/Surface3D';
import type { SurfaceGrid } from '../../components/surface-mapping';
import type { TrajectoryBuffer } from '../../components/Trajectory3D';
import { computeClient } from '../../compute/hosts';
import type { RunHandle } from '../../compute/client';

const COLOR = '#ff8c42';

interface Params {
  surface: string;
  logLearningRate: number;
  steps: number;
  heightScale: 'linear' | 'log';
}

const DEFAULTS: Params = {
  surface: 'himmelblau',
  logLearningRate: -2.5,
  steps: 300,
  heightScale: 'log',
};

function emptyTrajectory(steps: number): TrajectoryBuffer {
  return {
    id: 'gd',
    color: COLOR,
    xs: new Float64Array(steps + 1),
    ys: new Float64Array(steps + 1),
    losses: new Float64Array(steps + 1),
    count: 0,
    version: 0,
  };
}

export default function DescentLab() {
  const [params, setParams] = useState<Params>(DEFAULTS);
  const [grid, setGrid] = useState<SurfaceGrid | null>(null);
  const [traj, setTraj] = useState<TrajectoryBuffer>(() => emptyTrajectory(DEFAULTS.steps));
  const [count, setCount] = useState(0);
  const [outcome, setOutcome] = useState<string>('');
  const [running, setRunning] = useState<'running' | 'paused' | 'idle'>('idle');
  const handle = useRef<RunHandle | null>(null);
  const surface = useMemo(() => surfaceById(params.surface) ?? SURFACES[0], [params.surface]);
  const eta = 10 ** params.logLearningRate;

  useEffect(() => {
    const buffer = emptyTrajectory(params.steps);
    setTraj(buffer);
    setCount(0);
    setOutcome('');
    setRunning('running');
    const h = computeClient().run(
      'surface-descent',
      {
        surface: surface.id,
        grid: 64,
        start: [surface.start.x, surface.start.y],
        learningRate: eta,
        steps: params.steps,
        stepsPerFrame: Math.max(1, Math.ceil(params.steps / 90)),
      },
      {
        onFrame: (frame: SurfaceDescentFrame) => {
          if (frame.kind === 'grid') {
            setGrid({ n: frame.n, domain: frame.domain, values: frame.values });
            return;
          }
          buffer.xs.set(frame.xs, frame.from);
          buffer.ys.set(frame.ys, frame.from);
          buffer.losses.set(frame.losses, frame.from);
          buffer.count = frame.from + frame.xs.length;
          buffer.version++;
          setCount(buffer.count);
        },
        onProgress: (p) => setRunning(p.state),
        onResult: (r) => {
          setRunning('idle');
          setOutcome(
            r.divergedAtStep !== null
              ? `Diverged at step ${r.divergedAtStep}: the learning rate is too large for this curvature.`
              : `Finished ${r.points - 1} steps; final loss ${r.finalLoss.toPrecision(6)}.`,
          );
        },
        onError: (e) => {
          setRunning('idle');
          setOutcome(`Run failed: ${e.message}`);
        },
      },
    );
    handle.current = h;
    return () => h.cancel();
  }, [surface, eta, params.steps]);

  const set = <K extends keyof Params>(key: K, value: Params[K]) =>
    setParams((p) => ({ ...p, [key]: value }));
  const series = useMemo(
    () => [{ id: 'gd', label: 'gradient descent', color: COLOR, losses: traj.losses, count }],
    [traj, count],
  );

  return (
    <div className="lab" data-testid="lab-descent">
      <aside className="lab-controls" aria-label="Controls">
        <h2>Descent</h2>
        <label>
          Surface
          <select
            value={params.surface}
            onChange={(e) => set('surface', e.target.value)}
            data-testid="surface-select"
          >
            {SURFACES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Learning rate η <span className="value">{eta.toPrecision(3)}</span>
          <input
            type="range"
            min={-5}
            max={0}
            step={0.05}
            value={params.logLearningRate}
            onChange={(e) => set('logLearningRate', Number(e.target.value))}
            data-testid="lr-slider"
          />
        </label>
        <label>
          Steps <span className="value">{params.steps}</span>
          <input
            type="range"
            min={10}
            max={2000}
            step={10}
            value={params.steps}
            onChange={(e) => set('steps', Number(e.target.value))}
          />
        </label>
        <label>
          Height
          <select
            value={params.heightScale}
            onChange={(e) => set('heightScale', e.target.value as Params['heightScale'])}
          >
            <option value="log">log(1 + f − min)</option>
            <option value="linear">f</option>
          </select>
        </label>
        <div className="row">
          <button onClick={() => handle.current?.pause()} disabled={running !== 'running'}>
            Pause
          </button>
          <button onClick={() => handle.current?.resume()} disabled={running !== 'paused'}>
            Resume
          </button>
          <button onClick={() => handle.current?.step()} disabled={running !== 'paused'}>
            Step
          </button>
        </div>
        <p className="readout" data-testid="step-count">
          Points: {count}
        </p>
        {outcome && (
          <p
            className={
              outcome.startsWith('Diverged') || outcome.startsWith('Run failed')
                ? 'notice'
                : 'readout'
            }
            data-testid="outcome"
          >
            {outcome}
          </p>
        )}
      </aside>
      <section className="lab-views">
        <div className="view-3d">
          <Surface3D grid={grid} heightScale={params.heightScale} trajectories={[traj]} />
        </div>
        <div className="view-chart">
          <LossChart series={series} />
        </div>
      </section>
    </div>
  );
}
