// Both compute hosts, each over a real MessageChannel: the Web Worker's setup (computeServe on the
// worker's port with the catalog registry) and the utility process body (computeProcessStart,
// which also answers heartbeats and reports runs to its parent).
import { describe, expect, it } from 'vitest';
import type { ControlMessage } from '../../core/protocol/messages';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';
import { computeProcessStart } from '../../electron/compute/process';
import { ComputeClient, type ComputeFailure } from '../../renderer/compute/client';
import { channelPair, realClock } from '../protocol/helpers';

const params = {
  surface: 'rosenbrock',
  grid: 8,
  start: [-1.2, 1] as [number, number],
  learningRate: 1e-3,
  steps: 30,
  stepsPerFrame: 10,
};

async function runToEnd(client: ComputeClient) {
  return new Promise<{ kinds: string[]; points: number }>((resolve, reject) => {
    const kinds: string[] = [];
    client.run('surface-descent', params, {
      onFrame: (f) => kinds.push(f.kind),
      onResult: (r) => resolve({ kinds, points: r.points }),
      onError: (e) => reject(new Error(e.message)),
    });
  });
}

describe('web worker host setup', () => {
  it('serves the catalog; a bad request fails only its own run', async () => {
    const { a, b } = channelPair();
    computeServe(a, simRegistryCreate(), { clock: realClock });
    const client = new ComputeClient('web-worker', [b]);
    const failure = await new Promise<ComputeFailure>((resolve) =>
      client.run(
        'surface-descent',
        { ...params, surface: 'no-such-surface' },
        { onError: resolve },
      ),
    );
    expect(failure.code).toBe('sim-failed');
    expect(failure.message).toMatch(/unknown surface "no-such-surface"/);
    const done = await runToEnd(client);
    expect(done.kinds).toEqual(['grid', 'trajectory', 'trajectory', 'trajectory', 'trajectory']);
    expect(done.points).toBe(31);
    a.close();
  });
});

describe('utility process body', () => {
  it('answers pings, reports runs and serves every port it is given', async () => {
    const control: ControlMessage[] = [];
    const controlIn: ((m: unknown) => void)[] = [];
    const ports: ((p: import('../../core/protocol/port').PortLike) => void)[] = [];
    computeProcessStart({
      onControl: (l) => controlIn.push(l),
      sendControl: (m) => control.push(m),
      onPort: (l) => ports.push(l),
    });
    controlIn.forEach((l) => l({ type: 'ping', seq: 7 }));
    controlIn.forEach((l) => l({ type: 'nonsense' }));
    expect(control).toEqual([{ type: 'pong', seq: 7 }]);

    const { a, b } = channelPair();
    ports.forEach((l) => l(a));
    const done = await runToEnd(new ComputeClient('electron-utility', [b]));
    expect(done.points).toBe(31);
    const runEvents = control.filter((m) => m.type !== 'pong').map((m) => m.type);
    expect(runEvents).toEqual(['run-started', 'run-ended']);
    a.close();
  });
});
