import { useFlowCount } from './use-flow-count';
import type { FlowRun } from './use-flow-run';
import { FLOW_PRESETS, type FlowPreset } from '../../../core/labs/activations/params';

interface Props {
  run: FlowRun;
  total: number;
  /** The preset whose settings are current, if any. */
  presetId: string | null;
  onPreset(preset: FlowPreset): void;
}

const STATE_WORDS: Record<FlowRun['state'], string> = {
  idle: 'idle',
  running: 'running',
  paused: 'paused',
  done: 'finished',
  diverged: 'diverged',
  failed: 'failed',
};

/** Gradient-flow presets (stories) and the transport: play, pause, step, reset, step counter. */
export function Controls({ run, total, presetId, onPreset }: Props) {
  const preset = FLOW_PRESETS.find((p) => p.id === presetId);
  const { state } = run;
  const shown = useFlowCount(run.buffer);
  return (
    <>
      <fieldset className="act-fieldset">
        <legend>Stories</legend>
        <div className="act-presets">
          {FLOW_PRESETS.map((p) => (
            <button
              key={p.id}
              onClick={() => onPreset(p)}
              aria-pressed={p.id === presetId}
              data-testid={`flow-preset-${p.id}`}
            >
              {p.title}
            </button>
          ))}
        </div>
        {preset && <p className="act-story">{preset.story}</p>}
      </fieldset>
      <div className="row act-transport">
        <button onClick={run.play} disabled={state === 'running'} data-testid="flow-play">
          Play
        </button>
        <button onClick={run.pause} disabled={state !== 'running'} data-testid="flow-pause">
          Pause
        </button>
        <button
          onClick={run.step}
          disabled={state !== 'paused'}
          title="Advance one training step"
          data-testid="flow-step-button"
        >
          Step
        </button>
        <button onClick={run.reset} title="Back to step 0, paused" data-testid="flow-reset">
          Reset
        </button>
      </div>
      <p className="readout act-counter">
        Step <span data-testid="flow-step">{shown}</span> / {total} ·{' '}
        <span data-testid="flow-state">{STATE_WORDS[state]}</span>
      </p>
      {run.message && (
        <p
          className={state === 'done' ? 'readout' : 'notice'}
          role={state === 'failed' ? 'alert' : undefined}
          data-testid="flow-message"
        >
          {run.message}
        </p>
      )}
    </>
  );
}
