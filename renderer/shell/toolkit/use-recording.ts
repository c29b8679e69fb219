/** The record dialog's engine: one recording at a time, its progress, cancel, and saving the file. */
import { useEffect, useRef, useState } from 'react';
import type { LabDefinition } from '../../labs/types';
import type { ViewPlacement } from './compose';
import { frameCount } from './frame-math';
import { recordLab } from './record';
import { fileSave } from './save-file';

export const RESOLUTIONS = {
  '1080p': { width: 1920, height: 1080 },
  '720p': { width: 1280, height: 720 },
} as const;
export type Resolution = keyof typeof RESOLUTIONS;

export interface RecordSettings {
  seconds: number;
  fps: number;
  resolution: Resolution;
}

export type RecordPhase =
  | { kind: 'idle' }
  | { kind: 'recording'; done: number; total: number }
  | { kind: 'saving' }
  | {
      kind: 'done';
      text: string;
      frames: number;
      checksums: string[];
      composeMs: number[];
      placement: ViewPlacement | null;
    }
  | { kind: 'stopped'; text: string };

export function useRecording(
  lab: LabDefinition,
  getRoot: () => HTMLElement | null,
  onMessage: (text: string, kind?: 'info' | 'error') => void,
  onRecordStart?: () => void,
) {
  const [phase, setPhase] = useState<RecordPhase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // Leaving the lab (or closing the app) mid-recording cancels it.
  useEffect(() => () => abort.current?.abort(), []);

  const start = async ({ seconds, fps, resolution }: RecordSettings) => {
    const root = getRoot();
    const toolkit = lab.toolkit;
    if (!toolkit?.seek || !root || abort.current) return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setPhase({ kind: 'recording', done: 0, total: frameCount(seconds, fps) });
    onRecordStart?.();
    try {
      const rec = await recordLab({
        root,
        toolkit,
        seconds,
        fps,
        ...RESOLUTIONS[resolution],
        signal: ctrl.signal,
        onProgress: (done, total) => setPhase({ kind: 'recording', done, total }),
      });
      setPhase({ kind: 'saving' });
      const name = `${lab.id}-${seconds}s-${fps}fps-${resolution}.webm`;
      const out = await fileSave('webm', name, rec.blob);
      const what =
        rec.method === 'webcodecs'
          ? `${rec.frames} frames (${rec.codec})`
          : `a real-time recording (${rec.codec})`;
      const text = out.ok
        ? `Saved ${what} — ${out.where}.`
        : out.cancelled
          ? `Recorded ${what}; not saved.`
          : out.message;
      setPhase({
        kind: 'done',
        text,
        frames: rec.frames,
        checksums: rec.checksums,
        composeMs: rec.composeMs,
        placement: rec.placement,
      });
      onMessage(text, out.ok || out.cancelled ? 'info' : 'error');
    } catch (err) {
      const cancelled = (err as Error).name === 'AbortError';
      const text = cancelled
        ? 'Recording cancelled; nothing was saved.'
        : `Recording failed: ${(err as Error).message}`;
      setPhase({ kind: 'stopped', text });
      onMessage(text, cancelled ? 'info' : 'error');
    } finally {
      abort.current = null;
    }
  };

  return {
    phase,
    running: phase.kind === 'recording' || phase.kind === 'saving',
    start,
    cancel: () => abort.current?.abort(),
    reset: () => setPhase({ kind: 'idle' }),
  };
}
