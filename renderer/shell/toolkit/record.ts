/**
 * Deterministic WebM recording of a lab. Frame i shows the lab `seek(i / fps)` seconds into
 * playback and is stamped i · 10⁶ / fps µs, whatever the wall clock did while it was drawn: a slow
 * machine records as smoothly as a fast one, and the same state records the same frames.
 *
 * Encoding: WebCodecs (VP9, else VP8) muxed by webm-muxer. Without WebCodecs, MediaRecorder on a
 * canvas stream (record-fallback.ts): same frames, but its timing follows the wall clock.
 */
import { ArrayBufferTarget, Muxer } from 'webm-muxer';
import type { LabToolkit } from '../../labs/types';
import { composeView, framesWait, layoutSettle, type ViewPlacement } from './compose';
import {
  checksumFnv1a,
  evenFloor,
  frameCount,
  frameTimestampUs,
  videoBitrate,
  vp9Level,
} from './frame-math';
import { recordWithMediaRecorder } from './record-fallback';
import { viewRasterOpen } from './view-raster';

export type RecordMethod = 'webcodecs' | 'mediarecorder' | 'none';

export interface RecordOptions {
  /** The element whose whole view (panels, formulas, canvases, charts) is recorded. */
  root: HTMLElement;
  /** The lab's toolkit; it must implement `seek`. */
  toolkit: LabToolkit;
  seconds: number;
  fps: number;
  width?: number;
  height?: number;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /**
   * Least time between two seeks, in ms. Panels that throttle their updates with a leading edge
   * (the Descent loss chart follows the position at 10 Hz) update at once only when the previous
   * update is older than their period; spacing seeks by more than that keeps every panel in step.
   */
  seekSpacingMs?: number;
}

export interface Recording {
  blob: Blob;
  frames: number;
  /** FNV-1a of each composed frame's RGBA pixels, in order. */
  checksums: string[];
  /** Time each frame took to compose (rasterise the view and draw it), in ms, in order. */
  composeMs: number[];
  /** Where the view sits in the last frame. */
  placement: ViewPlacement | null;
  method: Exclude<RecordMethod, 'none'>;
  /** WebCodecs codec string, or the MediaRecorder MIME type. */
  codec: string;
}

/** How this host can record: WebCodecs where available (Chromium, Electron), else MediaRecorder. */
export function recordMethod(): RecordMethod {
  if (typeof VideoEncoder === 'function' && typeof VideoFrame === 'function') return 'webcodecs';
  if (typeof MediaRecorder === 'function' && 'captureStream' in HTMLCanvasElement.prototype)
    return 'mediarecorder';
  return 'none';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function readyWait(toolkit: LabToolkit, signal?: AbortSignal): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (toolkit.ready && !toolkit.ready()) {
    signal?.throwIfAborted();
    if (performance.now() > deadline) throw new Error('the lab did not finish computing in 60 s');
    await sleep(100);
  }
}

/** VP9 at the lowest level that allows this size and rate, else VP8. */
async function codecPick(width: number, height: number, fps: number) {
  const candidates = [
    { codec: `vp09.00.${vp9Level(width, height, fps)}.08`, mux: 'V_VP9' },
    { codec: 'vp8', mux: 'V_VP8' },
  ];
  for (const c of candidates) {
    const config: VideoEncoderConfig = {
      codec: c.codec,
      width,
      height,
      bitrate: videoBitrate(width, height, fps),
      framerate: fps,
    };
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (support?.supported) return { config, mux: c.mux };
  }
  throw new Error(`this browser cannot encode ${width}×${height} VP9 or VP8 video`);
}

interface EncodeJob {
  canvas: HTMLCanvasElement;
  total: number;
  fps: number;
  frameRender(i: number): Promise<string>;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/** Encodes frames 0 … total − 1 of `canvas` with WebCodecs into a WebM file. */
async function encodeWebCodecs(job: EncodeJob): Promise<{ blob: Blob; codec: string }> {
  const { canvas, total, fps, signal } = job;
  const { width, height } = canvas;
  const { config, mux } = await codecPick(width, height, fps);
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({ target, video: { codec: mux, width, height, frameRate: fps } });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (err) => (failure = err),
  });
  try {
    encoder.configure(config);
    const keyEvery = Math.max(1, Math.round(2 * fps));
    for (let i = 0; i < total; i++) {
      await job.frameRender(i);
      if (failure) throw failure;
      const frame = new VideoFrame(canvas, {
        timestamp: frameTimestampUs(i, fps),
        duration: frameTimestampUs(i + 1, fps) - frameTimestampUs(i, fps),
      });
      encoder.encode(frame, { keyFrame: i % keyEvery === 0 });
      frame.close();
      // Bounded queue: composing runs ahead of the encoder by at most a few frames.
      while (encoder.encodeQueueSize > 2) {
        signal?.throwIfAborted();
        await sleep(4);
      }
      job.onProgress?.(i + 1, total);
    }
    await encoder.flush();
    if (failure) throw failure;
    signal?.throwIfAborted();
    muxer.finalize();
  } finally {
    if (encoder.state !== 'closed') encoder.close();
  }
  return { blob: new Blob([target.buffer], { type: 'video/webm' }), codec: config.codec };
}

/** Records `seconds · fps` frames of the lab under `root`; rejects with an AbortError on cancel. */
export async function recordLab(opts: RecordOptions): Promise<Recording> {
  const { root, toolkit, fps, signal } = opts;
  // VP8 and VP9 code 4:2:0 pictures: both sides even.
  const width = evenFloor(opts.width ?? 1920);
  const height = evenFloor(opts.height ?? 1080);
  const seek = toolkit.seek;
  if (!seek) throw new Error('this lab cannot be recorded: it has no deterministic playback');
  const method = recordMethod();
  if (method === 'none') throw new Error('this browser can neither encode nor record video');
  const total = frameCount(opts.seconds, fps);
  const spacing = opts.seekSpacingMs ?? 110;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true })!;
  const checksums: string[] = [];
  const composeMs: number[] = [];
  let placement: ViewPlacement | null = null;
  let lastSeek = -Infinity;

  await readyWait(toolkit, signal);
  await layoutSettle(root);
  // One rasteriser for every frame: default styles and embedded fonts are reused.
  const raster = await viewRasterOpen(root, { canvases: 'jpeg' });

  /** Shows frame i and composes it into `canvas`; returns its checksum. */
  const frameRender = async (i: number): Promise<string> => {
    const wait = lastSeek + spacing - performance.now();
    if (wait > 0) await sleep(wait);
    signal?.throwIfAborted();
    lastSeek = performance.now();
    const settled: unknown = seek(i / fps);
    if (settled instanceof Promise) await settled;
    await framesWait(2);
    signal?.throwIfAborted();
    const t0 = performance.now();
    placement = await composeView(root, ctx, width, height, raster, signal);
    composeMs.push(performance.now() - t0);
    signal?.throwIfAborted();
    const sum = checksumFnv1a(ctx.getImageData(0, 0, width, height).data);
    checksums.push(sum);
    return sum;
  };

  try {
    opts.onProgress?.(0, total);
    const job = { canvas, total, fps, frameRender, onProgress: opts.onProgress, signal };
    if (method === 'mediarecorder') {
      const bitrate = videoBitrate(width, height, fps);
      const { blob, mime } = await recordWithMediaRecorder({ ...job, bitrate });
      return { blob, frames: total, checksums, composeMs, placement, method, codec: mime };
    }
    const { blob, codec } = await encodeWebCodecs(job);
    return { blob, frames: total, checksums, composeMs, placement, method, codec };
  } finally {
    raster.close();
  }
}
