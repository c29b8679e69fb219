import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { computeServe } from '../../core/protocol/server';
import { SimRegistry, simDefine, type SimRun } from '../../core/sim/registry';
import { channelPair, eventLog, realClock } from './helpers';

const sent: Float64Array[] = [];
const countSim = simDefine({
  name: 'count',
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

function setup(maxFramesPerSecond = 1000) {
  const registry = new SimRegistry().register(countSim);
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
    expect(nope.type === 'error' && nope.message).toMatch(/known: count/);
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
});
