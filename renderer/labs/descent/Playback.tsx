import { descentLastStep, useDescentStore } from './store';
import { useDescentThrottled } from './use-throttled';

/** A 16×16 glyph drawn with a path (no icon font needed offline). */
function Icon({ d }: { d: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d={d}
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

const SPEEDS = [5, 15, 30, 60, 120, 300, 1000];

/** Play / pause / step / step back, a timeline that scrubs every racer together, and the speed. */
export function Playback() {
  const { position, last, playing } = useDescentThrottled(
    (s) => ({ position: s.position, last: descentLastStep(s), playing: s.playing }),
    20,
    // Paused or started: the step shown is the step stopped at, at once.
    (now, before) => now.playing !== before.playing,
  );
  const speed = useDescentStore((s) => s.params.speed);
  const st = useDescentStore.getState;
  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        onClick={() => st().setPosition(0)}
        aria-label="Back to the start"
        title="Back to the start (Home)"
      >
        <Icon d="M3 2v12M13 2 5 8l8 6z" />
      </button>
      <button
        onClick={() => (st().setPlaying(false), st().setPosition(st().position - 1))}
        aria-label="Step back"
        title="Step back (←)"
        data-testid="step-back"
      >
        <Icon d="M12 2 4 8l8 6z" />
      </button>
      <button
        onClick={() => {
          // The store's state, not the one last shown: the panel follows a new race a moment later.
          const s = st();
          if (!s.playing && s.position >= descentLastStep(s)) s.setPosition(0);
          s.setPlaying(!s.playing);
        }}
        aria-label={playing ? 'Pause' : 'Play'}
        title="Play / pause (Space)"
        data-testid="play-pause"
      >
        {playing ? <Icon d="M4 2h3v12H4zM9 2h3v12H9z" /> : <Icon d="M4 2l10 6-10 6z" />}
      </button>
      <button
        onClick={() => (st().setPlaying(false), st().setPosition(st().position + 1))}
        aria-label="Step forward"
        title="Step (→)"
        data-testid="step-forward"
      >
        <Icon d="M3 2l8 6-8 6zM13 2v12" />
      </button>
      <input
        type="range"
        min={0}
        max={last}
        value={position}
        onChange={(e) => (st().setPlaying(false), st().setPosition(Number(e.target.value)))}
        aria-label="Timeline"
        data-testid="timeline"
      />
      <span className="readout" data-testid="position">
        step {position} / {last}
      </span>
      <select
        value={speed}
        onChange={(e) => st().setParams({ speed: Number(e.target.value) })}
        aria-label="Playback speed (steps per second)"
      >
        {SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} steps/s
          </option>
        ))}
      </select>
    </div>
  );
}
