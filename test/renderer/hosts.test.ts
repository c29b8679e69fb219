// The browser twin's supervision, under Node: a fake Worker class stands in for the browser's
// (it serves the real core registry over a real MessageChannel); when it crashes, the runs on it
// fail with a clear message, a fresh worker takes the lane, and the next run completes.
import { afterAll, describe, expect, it } from 'vitest';
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';
import type { ComputeFailure } from '../../renderer/compute/client';
import { channelPair, realClock } from '../protocol/helpers';

class FakeWorker {
  static created: FakeWorker[] = [];
  private readonly client: PortLike & { close(): void };
  private readonly server: PortLike & { close(): void };
  private readonly errorListeners: ((e: { message: string; preventDefault(): void }) => void)[] =
    [];
  terminated = false;

  constructor(
    readonly url: URL,
    readonly options: { type: string; name: string },
  ) {
    const { a, b } = channelPair();
    this.server = a;
    this.client = b;
    computeServe(a, simRegistryCreate(), { clock: realClock });
    FakeWorker.created.push(this);
  }
  postMessage(message: unknown, transfer?: ArrayBuffer[]) {
    if (!this.terminated) this.client.postMessage(message, transfer);
  }
  addEventListener(type: string, listener: (e: never) => void) {
    if (type === 'message')
      this.client.addEventListener('message', listener as (e: PortMessageEvent) => void);
    if (type === 'error') this.errorListeners.push(listener as never);
  }
  removeEventListener(type: string, listener: (e: never) => void) {
    if (type === 'message')
      this.client.removeEventListener('message', listener as (e: PortMessageEvent) => void);
  }
  terminate() {
    this.terminated = true;
    this.server.close();
    this.client.close();
  }
  /** What a browser does when the worker's script throws at the top level. */
  crash(message: string) {
    for (const l of this.errorListeners) l({ message, preventDefault() {} });
  }
}

const g = globalThis as Record<string, unknown>;
const saved = { window: g.window, navigator: g.navigator, Worker: g.Worker };
g.window = {};
Object.defineProperty(globalThis, 'navigator', {
  value: { hardwareConcurrency: 2 },
  configurable: true,
});
g.Worker = FakeWorker;
afterAll(() => {
  g.window = saved.window;
  Object.defineProperty(globalThis, 'navigator', { value: saved.navigator, configurable: true });
  g.Worker = saved.Worker;
});

const params = {
  surface: 'bowl',
  grid: 8,
  start: [1, 1] as [number, number],
  learningRate: 0.01,
  steps: 10_000,
  stepsPerFrame: 1,
};

describe('Web Worker host', () => {
  it('reports the runs a crashed worker took, restarts the lane, and serves the next run', async () => {
    const { computeClient } = await import('../../renderer/compute/hosts');
    const client = computeClient();
    expect(client.getStatus()).toMatchObject({ host: 'web-worker', lanes: 1 });
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0].url.pathname).toMatch(/renderer\/compute\/worker\.ts$/);

    let frames = 0;
    const failure = await new Promise<ComputeFailure>((resolve) => {
      client.run('surface-descent', params, {
        onFrame: () => {
          if (++frames === 3) FakeWorker.created[0].crash('out of memory');
        },
        onError: resolve,
      });
    });
    expect(failure.code).toBe('process-lost');
    expect(failure.message).toMatch(/compute worker crashed \(out of memory\) and was restarted/);
    expect(FakeWorker.created).toHaveLength(2);
    expect(FakeWorker.created[0].terminated).toBe(true);
    expect(client.getStatus().lastError).toMatch(/out of memory/);

    const points = await new Promise<number>((resolve, reject) =>
      client.run(
        'surface-descent',
        { ...params, steps: 20, stepsPerFrame: 5 },
        { onResult: (r) => resolve(r.points), onError: (e) => reject(new Error(e.message)) },
      ),
    );
    expect(points).toBe(21);
    FakeWorker.created.forEach((w) => w.terminate());
  });
});
