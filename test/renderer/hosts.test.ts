// The browser twin's supervision, under Node: a fake Worker class stands in for the browser's and
// runs the real worker body (worker-serve.ts) over real MessageChannels. A worker that throws, or
// falls silent (hung in a loop or terminated: the page sees the same silence), loses its runs with
// a clear message, a fresh worker takes the lane, the next run completes and the error clears.
// The supervisor's clock is faked (heartbeat, 5 s limit); the workers compute in real time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ComputeFailure, ComputeStatus } from '../../renderer/compute/client';
import type { WorkerPort, WorkerScope } from '../../renderer/compute/worker-serve';
import { workerServe } from '../../renderer/compute/worker-serve';

type PageListener = (event: { data?: unknown; message?: string; preventDefault(): void }) => void;

class FakeWorker {
  static created: FakeWorker[] = [];
  private readonly inbox: ((event: { data: unknown; ports: readonly WorkerPort[] }) => void)[] = [];
  private readonly page = new Map<string, PageListener[]>();
  private readonly ports: (WorkerPort & { close(): void })[] = [];
  /** A hung or vanished worker: nothing goes in or out any more, and no event says so. */
  silent = false;
  terminated = false;
  controlIn: unknown[] = [];

  constructor(
    readonly url: URL,
    readonly options: { type: string; name: string },
  ) {
    const scope: WorkerScope = {
      postMessage: (data) => queueMicrotask(() => this.emit('message', { data })),
      addEventListener: (_type, listener) => this.inbox.push(listener),
    };
    workerServe(scope);
    FakeWorker.created.push(this);
  }
  postMessage(data: unknown, transfer: unknown[] = []) {
    if (this.silent || this.terminated) return;
    this.controlIn.push(data);
    const ports = transfer as (WorkerPort & { close(): void })[];
    this.ports.push(...ports);
    queueMicrotask(() => {
      if (!this.silent && !this.terminated) for (const l of this.inbox) l({ data, ports });
    });
  }
  addEventListener(type: string, listener: PageListener) {
    this.page.set(type, [...(this.page.get(type) ?? []), listener]);
  }
  terminate() {
    this.terminated = true;
    this.ports.forEach((p) => p.close());
  }
  freeze() {
    this.silent = true;
    this.ports.forEach((p) => p.close());
  }
  /** What a browser does when the worker's code throws and nobody catches it. */
  crash(message: string) {
    this.emit('error', { message });
  }
  private emit(type: string, event: { data?: unknown; message?: string }) {
    if (this.terminated || (this.silent && type === 'message')) return;
    for (const l of this.page.get(type) ?? []) l({ ...event, preventDefault() {} });
  }
}

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, navigator: g.navigator, Worker: g.Worker, location: g.location };
beforeEach(() => {
  FakeWorker.created = [];
  vi.resetModules();
  g.window = {};
  Object.defineProperty(globalThis, 'navigator', {
    value: { hardwareConcurrency: 2 },
    configurable: true,
  });
  g.Worker = FakeWorker;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  FakeWorker.created.forEach((w) => w.terminate());
  g.window = saved.window;
  g.location = saved.location;
  Object.defineProperty(globalThis, 'navigator', { value: saved.navigator, configurable: true });
  g.Worker = saved.Worker;
});

const params = {
  surface: 'bowl',
  grid: 8,
  start: [1, 1] as [number, number],
  learningRate: 0.01,
  steps: 20,
  stepsPerFrame: 5,
};

async function hosts() {
  const { computeClient } = await import('../../renderer/compute/hosts');
  return computeClient();
}

type Client = Awaited<ReturnType<typeof hosts>>;

function outcome(client: Client, steps = 20) {
  return new Promise<{ points: number } | ComputeFailure>((resolve) =>
    client.run('surface-descent', { ...params, steps }, { onResult: resolve, onError: resolve }),
  );
}

/** Lets the fake clock run `ms` while real message passing goes on. */
async function elapse(ms: number) {
  for (let t = 0; t < ms; t += 250) {
    await vi.advanceTimersByTimeAsync(250);
    await new Promise((r) => setImmediate(r));
  }
}

describe('Web Worker host', () => {
  it('starts its workers with a compute port and answers pings while idle or computing', async () => {
    const client = await hosts();
    expect(client.getStatus()).toMatchObject({ host: 'web-worker', lanes: 1 });
    const [worker] = FakeWorker.created;
    expect(worker.url.pathname).toMatch(/renderer\/compute\/worker\.ts$/);
    expect(worker.controlIn[0]).toEqual({ type: 'connect', debug: false });
    expect(await outcome(client)).toMatchObject({ points: 21 });
    await elapse(20_000);
    expect(FakeWorker.created).toHaveLength(1);
    expect(worker.controlIn.filter((m) => (m as { type: string }).type === 'ping')).toHaveLength(
      20,
    );
  });

  it('a worker that throws: its runs fail with process-lost, a fresh worker serves, the error clears', async () => {
    const client = await hosts();
    const failure = new Promise<ComputeFailure>((resolve) => {
      let frames = 0;
      client.run(
        'surface-descent',
        { ...params, steps: 10_000, stepsPerFrame: 1 },
        {
          onFrame: () => {
            if (++frames === 3) FakeWorker.created[0].crash('Uncaught Error: out of memory');
          },
          onError: resolve,
        },
      );
    });
    expect(await failure).toEqual({
      code: 'process-lost',
      message: 'The compute worker failed (Error: out of memory) and was restarted; run it again',
    });
    expect(FakeWorker.created).toHaveLength(2);
    expect(FakeWorker.created[0].terminated).toBe(true);
    expect(client.getStatus().lastError).toMatch(/out of memory/);
    expect(await outcome(client)).toMatchObject({ points: 21 });
    expect(client.getStatus().lastError).toBeUndefined();
  });

  it('a worker that falls silent is replaced within 7 s; the run it held and one queued on it fail, the next run works', async () => {
    const client = await hosts();
    const seen: ComputeStatus[] = [];
    client.subscribe((st) => seen.push(st));
    expect(await outcome(client)).toMatchObject({ points: 21 });
    await elapse(2000);
    const held = new Promise<ComputeFailure>((resolve) => {
      let frames = 0;
      client.run(
        'surface-descent',
        { ...params, steps: 10_000, stepsPerFrame: 1 },
        {
          onFrame: () => {
            if (++frames === 2) FakeWorker.created[0].freeze();
          },
          onError: resolve,
        },
      );
    });
    await vi.waitFor(() => expect(FakeWorker.created[0].silent).toBe(true));
    const queued = outcome(client);
    await elapse(5000);
    expect(FakeWorker.created).toHaveLength(1);
    await elapse(2000);
    expect(FakeWorker.created).toHaveLength(2);
    const message =
      /^The compute worker stopped responding for [67] s and was restarted; run it again$/;
    expect(await held).toMatchObject({
      code: 'process-lost',
      message: expect.stringMatching(message),
    });
    expect(await queued).toMatchObject({ code: 'process-lost' });
    expect(client.getStatus().lastError).toMatch(message);
    expect(await outcome(client)).toMatchObject({ points: 21 });
    expect(client.getStatus()).toMatchObject({ lanes: 1, activeRuns: 0, lastError: undefined });
  });

  it('?debug-compute arms a fault for exactly the next run (the e2e hook), and only then', async () => {
    g.location = { search: '?debug-compute' };
    const client = await hosts();
    const hook = (g.window as Window).__mlLabDebug!;
    expect(FakeWorker.created[0].controlIn[0]).toEqual({ type: 'connect', debug: true });
    expect(await outcome(client)).toMatchObject({ points: 21 });
    hook.arm('sim-throw');
    expect(await outcome(client)).toEqual({
      code: 'sim-failed',
      message: 'this simulation failed on purpose (?debug-compute)',
    });
    expect(await outcome(client)).toMatchObject({ points: 21 });
    expect(hook.restarts()).toBe(0);
    expect(() => hook.arm('nonsense' as never)).toThrow(/unknown fault/);
  });

  it('without ?debug-compute there is no hook and workers are not told to load faults', async () => {
    g.location = { search: '' };
    await hosts();
    expect((g.window as Window).__mlLabDebug).toBeUndefined();
    expect(FakeWorker.created[0].controlIn[0]).toEqual({ type: 'connect', debug: false });
  });
});
