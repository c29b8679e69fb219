import { useEffect, useState } from 'react';
import type { ToolkitProps } from './ExportMenu';
import { recordMethod } from './record';
import { RESOLUTIONS, useRecording, type Resolution } from './use-recording';
import './toolkit.css';

/** 10 fps is a quick draft (small file, fast to record); 24/30/60 are for showing. */
const FPS = [10, 24, 30, 60] as const;

const METHOD_NOTE = {
  webcodecs: null,
  mediarecorder:
    'This host has no WebCodecs: recording with MediaRecorder, so frame timing follows the clock.',
  none: 'This host can neither encode nor record video.',
};

/** "Record…" button and its dialog: duration, frame rate, size, progress, cancel, save. */
export function RecordDialog({
  lab,
  getRoot,
  onMessage,
  onRecordStart,
}: ToolkitProps & {
  /** Called as a recording starts: the shell clears anything that would move the layout mid-video. */
  onRecordStart?(): void;
}) {
  const [open, setOpen] = useState(false);
  const [seconds, setSeconds] = useState(5);
  const [fps, setFps] = useState<number>(30);
  const [resolution, setResolution] = useState<Resolution>('1080p');
  const { phase, running, start, cancel, reset } = useRecording(
    lab,
    getRoot,
    onMessage,
    onRecordStart,
  );
  const method = recordMethod();
  const toolkit = lab.toolkit;

  const close = () => {
    if (running) return;
    setOpen(false);
    reset();
  };

  // Esc closes the dialog like every other one; while recording it cancels instead.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      if (running) cancel();
      else close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button
        onClick={() => setOpen(true)}
        disabled={!toolkit?.seek}
        data-testid="record-open"
        title={toolkit?.seek ? 'Record this view to a WebM video' : 'This lab cannot be recorded'}
      >
        Record…
      </button>
      {open && (
        <div className="modal-backdrop" onClick={close}>
          <div
            className="modal toolkit-record"
            role="dialog"
            aria-label="Record video"
            data-testid="record-dialog"
            onClick={(e) => e.stopPropagation()}
          >
            <h2>Record {lab.title}</h2>
            <p className="toolkit-note">
              Plays the lab from the start at a fixed step per frame, so the video is smooth and the
              same every time, however long each frame takes to draw.
            </p>
            {METHOD_NOTE[method] && <p className="notice">{METHOD_NOTE[method]}</p>}
            <div className="toolkit-form">
              <label>
                Duration (s)
                <input
                  type="number"
                  min={1}
                  max={60}
                  step={1}
                  value={seconds}
                  disabled={running}
                  onChange={(e) =>
                    setSeconds(Math.min(60, Math.max(1, Math.round(+e.target.value || 1))))
                  }
                  data-testid="record-seconds"
                />
              </label>
              <label>
                Frame rate
                <select
                  value={fps}
                  disabled={running}
                  onChange={(e) => setFps(Number(e.target.value))}
                  data-testid="record-fps"
                >
                  {FPS.map((f) => (
                    <option key={f} value={f}>
                      {f} fps{f === 10 ? ' (draft)' : ''}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Size
                <select
                  value={resolution}
                  disabled={running}
                  onChange={(e) => setResolution(e.target.value as Resolution)}
                  data-testid="record-resolution"
                >
                  {Object.entries(RESOLUTIONS).map(([k, r]) => (
                    <option key={k} value={k}>
                      {k} ({r.width}×{r.height})
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {phase.kind === 'recording' && (
              <div className="toolkit-progress">
                <progress data-testid="record-progress" max={phase.total} value={phase.done} />
                <span className="readout">
                  frame {phase.done} / {phase.total}
                </span>
              </div>
            )}
            {phase.kind === 'saving' && <p className="readout">Saving…</p>}
            {phase.kind === 'done' && (
              <output
                data-testid="record-result"
                data-frames={phase.frames}
                data-checksums={phase.checksums.join(',')}
                data-compose-ms={phase.composeMs.map((ms) => ms.toFixed(0)).join(',')}
                data-placement={JSON.stringify(phase.placement)}
              >
                {phase.text}
              </output>
            )}
            {phase.kind === 'stopped' && <output data-testid="record-stopped">{phase.text}</output>}
            <div className="toolkit-row">
              {running ? (
                <button
                  onClick={cancel}
                  disabled={phase.kind === 'saving'}
                  data-testid="record-cancel"
                >
                  Cancel
                </button>
              ) : (
                <>
                  <button
                    onClick={() => void start({ seconds, fps, resolution })}
                    disabled={method === 'none'}
                    data-testid="record-start"
                  >
                    Record {seconds} s
                  </button>
                  <button onClick={close}>Close</button>
                </>
              )}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
