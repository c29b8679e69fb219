/**
 * Runs the "gradient-flow" simulation for the lab: a fresh run (and a fresh FlowBuffer) whenever
 * the settings change or a restart is asked for, cancelled on change and on unmount. Frames land
 * in the buffer, which views follow at their own pace; React state holds the run's state only.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunHandle } from '../../compute/client';
import { computeClient } from '../../compute/hosts';
import { FlowBuffer } from './flow-buffer';
import { flowSimParams, type FlowSettings } from '../../../core/labs/activations/params';

export type FlowRunState = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'failed';

export interface FlowRun {
  buffer: FlowBuffer;
  state: FlowRunState;
  /** Outcome or error, in words ('' while running). */
  message: string;
  play(): void;
  pause(): void;
  step(): void;
  /** Back to step 0, paused. */
  reset(): void;
  /** Back to step 0, running. */
  restart(): void;
}

/** Drives one run at a time while `active`; nothing runs before the lab's flow view is opened. */
export function useFlowRun(settings: FlowSettings, active: boolean): FlowRun {
  const [start, setStart] = useState({ key: 0, paused: false });
  const [buffer, setBuffer] = useState(() => new FlowBuffer(settings.steps, settings.depth + 1));
  const [state, setState] = useState<FlowRunState>('idle');
  const [message, setMessage] = useState('');
  const handle = useRef<RunHandle | null>(null);

  useEffect(() => {
    if (!active) return;
    const buf = new FlowBuffer(settings.steps, settings.depth + 1);
    setBuffer(buf);
    setMessage('');
    setState(start.paused ? 'paused' : 'running');
    let h: RunHandle;
    try {
      h = computeClient().run(
        'gradient-flow',
        flowSimParams(settings),
        {
          // Views follow the buffer (use-flow-count.ts): no React render per frame here.
          onFrame: (frame) => buf.append(frame),
          onProgress: (p) => setState((s) => (s === 'running' || s === 'paused' ? p.state : s)),
          onResult: (r) => {
            buf.end();
            setState(r.divergedAtStep === null ? 'done' : 'diverged');
            setMessage(
              r.divergedAtStep === null
                ? `Finished ${r.steps} steps; last minibatch loss ${r.finalLoss.toPrecision(4)}.`
                : `Diverged at step ${r.divergedAtStep}: the loss or a gradient norm became NaN or infinite, so the run stopped.`,
            );
          },
          onError: (e) => {
            buf.end();
            setState('failed');
            setMessage(`The run failed (${e.code}): ${e.message}`);
          },
        },
        { paused: start.paused },
      );
    } catch (err) {
      setState('failed');
      setMessage(`The run could not start: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    handle.current = h;
    return () => {
      h.cancel();
      handle.current = null;
    };
  }, [settings, start, active]);

  const restartWith = useCallback(
    (paused: boolean) => setStart((s) => ({ key: s.key + 1, paused })),
    [],
  );
  const play = useCallback(() => {
    if (state === 'paused') handle.current?.resume();
    else if (state !== 'running') restartWith(false);
  }, [state, restartWith]);
  // Stable identities: effects in the lab depend on these, and a function made anew on every
  // render would re-run such an effect on every render (restart → new state → new restart → …).
  const pause = useCallback(() => handle.current?.pause(), []);
  const step = useCallback(() => handle.current?.step(1), []);
  const reset = useCallback(() => restartWith(true), [restartWith]);
  const restart = useCallback(() => restartWith(false), [restartWith]);

  return { buffer, state, message, play, pause, step, reset, restart };
}
