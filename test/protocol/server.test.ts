import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { computeServe } from '../../core/protocol/server';
import { SimRegistry, simDefine, type SimRun } from '../../core/sim/registry';
import { channelPair, eventLog, realClock } from './helpers';

const sent: Float64Array[] = [];
const countSim = simDefine({
  name: 'count',
  delivery: 'stream',
  params: z.object({
    upTo: z.number().int().min(1).max(1000),
    throwAt: z.number().int().optional(),
  }),
  *start(p): SimRun<{ values: Float64Array }, { sum: number }> {
    let sum = 0;
    for (let i = 1; i <= p.upTo; i++) {
      if (p.throwAt === i) throw new Error(`boom at ${i}`);
      sum += i;
      const values = Float64Array.of(i, i * i);
      sent.push(values);
      yield { done: i, total: p.upTo, frame: { values } };
    }
    return { sum };
  },
});

/** Busy-waits `ms` milliseconds: a slice of real work. */
const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

/**
 * The same work in both shapes: `parts` frames (one whole trajectory each, as Descent's race
 * sends them), each after `workMs` of computing spread over slices of 1 ms.
 */
const partsParams = z.object({
  parts: z.number().int().min(1).max(100),
  workMs: z.number().min(0).max(1000),
});
function* partsRun(p: z.infer<typeof partsParams>): SimRun<{ part: number }, { parts: number }> {
  for (let part = 0; part < p.parts; part++) {
    for (let t = 0; t < p.workMs; t++) {
      busy(1);
      yield { done: part, total: p.parts };
    }
    yield { done: part + 1, total: p.parts, frame: { part } };
  }
  return { parts: p.parts };
}
const partsResult = simDefine({
  name: 'parts-result',
  delivery: 'result',
  params: partsParams,
  start: partsRun,
});
const partsStream = simDefine({
  name: 'parts-stream',
  delivery: 'stream',
  params: partsParams,
  start: partsRun,
});

function setup(maxFramesPerSecond = 1000) {
  const registry = new SimRegistry().register(countSim).register(partsResult).register(partsStream);
  const { a, b } = channelPair();
  const started: string[] = [];
  const ended: string[] = [];
  computeServe(a, registry, {
    clock: realClock,
    maxFramesPerSecond,
    onRunStarted: (id) => started.push(id),
    onRunEnded: (id) => ended.push(id),
  });
  return { client: b, log: eventLog(b), started, ended, close: () => (a.close(), b.close()) };
}

describe('simulation registry', () => {
  it('refuses a second simulation under the same name', () => {
    const r = new SimRegistry().register(countSim);
    expect(() => r.register(countSim)).toThrow(/already registered/);
    expect(r.names()).toEqual(['count']);
  });
});

describe('compute server over a real MessageChannel', () => {
  it('streams frames in order, then the result, and reports bookkeeping', async () => {
    const s = setup();
    s.client.postMessage({ type: 'run', runId: 'r1', sim: 'count', params: { upTo: 5 } });
    await s.log.until((ev) => ev.some((e) => e.type === 'result'));
    const frames = s.log.events.filter((e) => e.type === 'frame');
    expect(frames.map((f) => (f.type === 'frame' ? f.seq : -1))).toEqual([0, 1, 2, 3, 4]);
    const last = frames[4];
    expect(
      last.type === 'frame' && Array.from((last.data as { values: Float64Array }).values),
    ).toEqual([5, 25]);
    expect(s.log.events.at(-1)).toEqual({ type: 'result', runId: 'r1', data: { sum: 15 } });
    expect(s.started).toEqual(['r1']);
    expect(s.ended).toEqual(['r1']);
    s.close();
  });

  it('transfers typed arrays instead of copying them', async () => {
    const s = setup();
    sent.length = 0;
    s.client.postMessage({ type: 'run', runId: 't', sim: 'count', params: { upTo: 2 } });
    await s.log.until((ev) => ev.some((e) => e.type === 'result'));
    expect(sent).toHaveLength(2);
    // A transferred buffer is detached on the sending side.
    expect(sent.every((a) => a.byteLength === 0)).toBe(true);
    s.close();
  });

  it('rejects malformed messages with a clear error and keeps serving', async () => {
    const s = setup();
    s.client.postMessage('hello');
    s.client.postMessage({ type: 'launch', runId: 'x' });
    s.client.postMessage({ type: 'run', runId: 'bad', sim: 'count', params: { upTo: 'ten' } });
    s.client.postMessage({ type: 'run', runId: 'nope', sim: 'missing', params: {} });
    s.client.postMessage({ type: 'run', runId: 'ok', sim: 'count', params: { upTo: 3 } });
    await s.log.until((ev) => ev.some((e) => e.type === 'result' && e.runId === 'ok'));
    const errors = s.log.events.filter((e) => e.type === 'error');
    expect(errors.map((e) => e.type === 'error' && [e.runId, e.code])).toEqual([
      ['', 'invalid-message'],
      ['x', 'invalid-message'],
      ['bad', 'invalid-params'],
      ['nope', 'unknown-sim'],
    ]);
    const bad = errors[2];
    expect(bad.type === 'error' && bad.message).toMatch(/upTo/);
    const nope = errors[3];
    expect(nope.type === 'error' && nope.message).toMatch(
      /known: count, parts-result, parts-stream/,
    );
    s.close();
  });

  it('reports a simulation that throws as sim-failed', async () => {
    const s = setup();
    s.client.postMessage({
      type: 'run',
      runId: 'f',
      sim: 'count',
      params: { upTo: 9, throwAt: 4 },
    });
    await s.log.until((ev) => ev.some((e) => e.type === 'error'));
    const err = s.log.events.find((e) => e.type === 'error');
    expect(err).toMatchObject({ runId: 'f', code: 'sim-failed', message: 'boom at 4' });
    expect(s.ended).toEqual(['f']);
    s.close();
  });

  it('pauses, steps one frame at a time, resumes and cancels', async () => {
    const s = setup(1000);
    s.client.postMessage({
      type: 'run',
      runId: 'p',
      sim: 'count',
      params: { upTo: 50 },
      paused: true,
    });
    await s.log.until((ev) => ev.some((e) => e.type === 'progress' && e.state === 'paused'));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.log.events.filter((e) => e.type === 'frame')).toHaveLength(0);
    s.client.postMessage({ type: 'step', runId: 'p' });
    s.client.postMessage({ type: 'step', runId: 'p', slices: 2 });
    await s.log.until((ev) => ev.filter((e) => e.type === 'frame').length === 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.log.events.filter((e) => e.type === 'frame')).toHaveLength(3);
    s.client.postMessage({ type: 'resume', runId: 'p' });
    await s.log.until((ev) => ev.filter((e) => e.type === 'frame').length >= 6);
    s.client.postMessage({ type: 'cancel', runId: 'p' });
    await new Promise((r) => setTimeout(r, 80));
    const n = s.log.events.filter((e) => e.type === 'frame').length;
    await new Promise((r) => setTimeout(r, 80));
    expect(s.log.events.filter((e) => e.type === 'frame').length).toBe(n);
    expect(n).toBeLessThan(50);
    expect(s.log.events.some((e) => e.type === 'result')).toBe(false);
    expect(s.ended).toEqual(['p']);
    s.close();
  });

  it('bounds frames to the configured rate', async () => {
    const s = setup(30);
    s.client.postMessage({ type: 'run', runId: 'rate', sim: 'count', params: { upTo: 1000 } });
    await new Promise((r) => setTimeout(r, 500));
    s.client.postMessage({ type: 'cancel', runId: 'rate' });
    const frames = s.log.events.filter((e) => e.type === 'frame').length;
    const progress = s.log.events.filter((e) => e.type === 'progress').length;
    // 500 ms at ≤ 30/s allows at most 16 of each (one at t = 0 plus one per 33 ms).
    expect(frames).toBeGreaterThanOrEqual(5);
    expect(frames).toBeLessThanOrEqual(16);
    expect(progress).toBeLessThanOrEqual(17);
    s.close();
  });

  /** Runs `sim` and returns ms from the request to the result, and the frames' arrival times. */
  async function timed(s: ReturnType<typeof setup>, sim: string, runId: string, params: object) {
    const t0 = performance.now();
    const arrivals: number[] = [];
    s.client.addEventListener('message', (e) => {
      const ev = e.data as { type: string; runId: string };
      if (ev.type === 'frame' && ev.runId === runId) arrivals.push(performance.now() - t0);
    });
    s.client.postMessage({ type: 'run', runId, sim, params });
    await s.log.until((ev) => ev.some((e) => e.type === 'result' && e.runId === runId));
    return { total: performance.now() - t0, arrivals };
  }

  it('sends the frames of a result-shaped run at once; those of a streamed run stay paced', async () => {
    // Nine parts, as a race of eight racers plus its surface: at 30 frames a second pacing alone
    // holds a streamed run back ≥ 8 × 33 ms; the result-shaped one is not held at all.
    const s = setup(30);
    const result = await timed(s, 'parts-result', 'res', { parts: 9, workMs: 0 });
    const stream = await timed(s, 'parts-stream', 'str', { parts: 9, workMs: 0 });
    expect(result.arrivals).toHaveLength(9);
    expect(stream.arrivals).toHaveLength(9);
    expect(stream.total).toBeGreaterThanOrEqual(8 * (1000 / 30) - 5);
    expect(result.total).toBeLessThan(100);
    expect(result.total * 3).toBeLessThan(stream.total);
    const seqs = s.log.events
      .filter((e) => e.type === 'frame' && e.runId === 'res')
      .map((e) => (e.type === 'frame' ? e.seq : -1));
    expect(seqs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    s.close();
  });

  it('a result-shaped run still yields between slices: cancel stops it mid-run', async () => {
    const s = setup(30);
    // 10 parts of 30 ms each: 300 ms of work in 1 ms slices.
    s.client.postMessage({
      type: 'run',
      runId: 'long',
      sim: 'parts-result',
      params: { parts: 10, workMs: 30 },
    });
    await s.log.until((ev) => ev.some((e) => e.type === 'frame' && e.runId === 'long'));
    const tCancel = performance.now();
    s.client.postMessage({ type: 'cancel', runId: 'long' });
    await new Promise((r) => setTimeout(r, 0));
    await s.log.until(() => s.ended.includes('long'));
    // Handled at the next slice boundary (a slice is ≤ 8 ms of work), not after the run.
    expect(performance.now() - tCancel).toBeLessThan(60);
    await new Promise((r) => setTimeout(r, 100));
    const frames = s.log.events.filter((e) => e.type === 'frame' && e.runId === 'long');
    expect(frames.length).toBeLessThan(10);
    expect(s.log.events.some((e) => e.type === 'result' && e.runId === 'long')).toBe(false);
    s.close();
  });
});
