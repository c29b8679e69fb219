import { afterEach, describe, expect, it } from 'vitest';
import { ComputeClient, type ComputeFailure } from '../../renderer/compute/client';
import { ComputeSupervisor, computePoolSize } from '../../electron/main/supervisor';
import { surfaceById } from '../../core/ml/surfaces';
import { nodeComputeFork, nodeLauncher } from './node-launcher';

const descent = (steps: number, stepsPerFrame: number) => ({
  surface: 'bowl',
  grid: 16,
  start: [1.5, -1] as [number, number],
  learningRate: 0.05,
  steps,
  stepsPerFrame,
});

function until(pred: () => boolean, ms = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error('timed out'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('pool size', () => {
  it('is cores − 1, at least 1', () => {
    expect(computePoolSize(1)).toBe(1);
    expect(computePoolSize(2)).toBe(1);
    expect(computePoolSize(8)).toBe(7);
  });
});

describe('compute process in a real Node child process', () => {
  it('streams a run to completion and can cancel another', async () => {
    const child = nodeComputeFork();
    cleanups.push(() => child.kill());
    const client = new ComputeClient('node-child', [child.port]);
    const frames: string[] = [];
    const xs: number[] = [];
    let result: { points: number } | null = null;
    client.run('surface-descent', descent(200, 20), {
      onFrame: (f) => {
        frames.push(f.kind);
        if (f.kind === 'trajectory') xs.push(...f.xs);
      },
      onResult: (r) => (result = r),
    });
    await until(() => result !== null);
    expect(frames[0]).toBe('grid');
    // 201 points (start + 200 steps) in chunks of 20.
    expect(frames.filter((k) => k === 'trajectory').length).toBe(11);
    expect(result!.points).toBe(201);
    // Independent reference: plain gradient descent on the bowl, computed here.
    const bowl = surfaceById('bowl')!;
    const g = [0, 0];
    let x = 1.5;
    let y = -1;
    for (let k = 1; k <= 200; k++) {
      bowl.gradient(x, y, g);
      x -= 0.05 * g[0];
      y -= 0.05 * g[1];
      if (k % 50 === 0) expect(xs[k]).toBeCloseTo(x, 12);
    }

    let cancelledFrames = 0;
    let finished = false;
    const h = client.run('surface-descent', descent(10_000, 1), {
      onFrame: () => cancelledFrames++,
      onResult: () => (finished = true),
    });
    await until(() => cancelledFrames >= 3);
    h.cancel();
    const seen = cancelledFrames;
    await new Promise((r) => setTimeout(r, 300));
    expect(finished).toBe(false);
    expect(cancelledFrames).toBeLessThanOrEqual(seen + 1);
  });

  it('restarts a killed process and reports the run it lost', async () => {
    const launcher = nodeLauncher();
    let client: ComputeClient | null = null;
    const lostReports: string[][] = [];
    const supervisor = new ComputeSupervisor(launcher, {
      size: 1,
      heartbeatMs: 100,
      unresponsiveMs: 2000,
      onStarted: (lane, child) => {
        const port = launcher.children[lane].at(-1)!.port;
        if (client) client.attach(lane, port);
        void child;
      },
      onLost: (_lane, runIds, reason) => {
        lostReports.push(runIds);
        client?.failRuns(runIds, reason);
      },
    });
    supervisor.start();
    cleanups.push(() => supervisor.stop());
    client = new ComputeClient('node-child', [launcher.children[0][0].port]);

    let failure: ComputeFailure | null = null;
    let frames = 0;
    const h = client.run('surface-descent', descent(10_000, 1), {
      onFrame: () => frames++,
      onError: (f) => (failure = f),
    });
    await until(() => frames >= 3 && supervisor.runsOn(0).includes(h.runId));
    launcher.children[0][0].kill();
    await until(() => failure !== null);
    expect(failure).toMatchObject({ code: 'process-lost' });
    expect(failure!.message).toMatch(/exited unexpectedly.*restarted/);
    expect(lostReports).toEqual([[h.runId]]);
    expect(supervisor.restarts).toBe(1);
    expect(launcher.children[0]).toHaveLength(2);

    // The restarted process serves new runs.
    let done = false;
    client.run('surface-descent', descent(50, 10), { onResult: () => (done = true) });
    await until(() => done);
  });

  it('restarts a process that stops answering its heartbeat', async () => {
    const launcher = nodeLauncher();
    const reasons: string[] = [];
    const supervisor = new ComputeSupervisor(launcher, {
      size: 1,
      heartbeatMs: 50,
      unresponsiveMs: 400,
      onLost: (_l, _ids, reason) => reasons.push(reason),
    });
    supervisor.start();
    cleanups.push(() => supervisor.stop());
    const first = launcher.children[0][0];
    await until(() => first.proc.connected);
    // SIGSTOP freezes the process: alive but unresponsive, like a hung simulation.
    const client = new ComputeClient('node-child', [first.port]);
    let frames = 0;
    client.run('surface-descent', descent(10_000, 1), { onFrame: () => frames++ });
    await until(() => frames >= 2 && supervisor.runsOn(0).length === 1);
    first.proc.kill('SIGSTOP');
    await until(() => launcher.children[0].length === 2, 10_000);
    await until(() => reasons.length === 1);
    expect(reasons[0]).toMatch(/stopped responding/);
  });
});
