/**
 * Recording for hosts without WebCodecs: MediaRecorder on `canvas.captureStream(0)`, one
 * `requestFrame()` per composed frame, paced at 1 / fps. The frames are the same as with
 * WebCodecs; their timestamps come from the wall clock, so a frame that takes longer than 1 / fps
 * to draw stretches the video there.
 */

export interface FallbackOptions {
  canvas: HTMLCanvasElement;
  total: number;
  fps: number;
  bitrate: number;
  frameRender(i: number): Promise<string>;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

const MIME = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function recordWithMediaRecorder(
  opts: FallbackOptions,
): Promise<{ blob: Blob; mime: string }> {
  const mime = MIME.find((m) => MediaRecorder.isTypeSupported(m));
  if (!mime) throw new Error('this browser cannot record WebM video');
  const stream = opts.canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  const recorder = new MediaRecorder(stream, { mimeType: mime, videoBitsPerSecond: opts.bitrate });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  recorder.start();
  try {
    let due = performance.now();
    for (let i = 0; i < opts.total; i++) {
      await opts.frameRender(i);
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      track.requestFrame();
      due = performance.now() + 1000 / opts.fps;
      opts.onProgress?.(i + 1, opts.total);
    }
    await sleep(Math.max(0, due - performance.now()));
  } finally {
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    stream.getTracks().forEach((t) => t.stop());
  }
  opts.signal?.throwIfAborted();
  return { blob: new Blob(chunks, { type: 'video/webm' }), mime };
}
