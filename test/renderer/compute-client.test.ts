// The compute client's run state (what the status bar shows) must say how a run ended: a run that
// stopped early because it diverged is not "done 1500/1500".
import { describe, expect, it } from 'vitest';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';
import type { GradientFlowParams } from '../../core/sim/gradient-flow-sim';
import { ComputeClient, type ComputeStatus } from '../../renderer/compute/client';
import { channelPair, realClock } from '../protocol/helpers';

/** The Activations lab's "Large init: explodes" story (depth 20 ReLU, weights U(−2, 2)). */
const exploding: GradientFlowParams = {
  depth: 20,
  width: 16,
  batchSize: 32,
  steps: 1500,
  lr: 0.1,
  activation: 'relu',
  init: 'large-uniform',
  batchNorm: false,
  residual: false,
  clipNorm: 0,
  dataset: 'moons',
  seed: 1,
  bins: 24,
};

function serve() {
  const { a, b } = channelPair();
  computeServe(a, simRegistryCreate(), { clock: realClock });
  return { client: new ComputeClient('web-worker', [b]), close: () => (a.close(), b.close()) };
}

async function runToResult(client: ComputeClient, params: GradientFlowParams) {
  return new Promise<{ divergedAtStep: number | null }>((resolve, reject) =>
    client.run('gradient-flow', params, {
      onResult: resolve,
      onError: (e) => reject(new Error(e.message)),
    }),
  );
}

describe('compute client run state', () => {
  it('reports a diverged gradient-flow run as diverged at its step, not done at 100 %', async () => {
    const { client, close } = serve();
    const seen: ComputeStatus[] = [];
    client.subscribe((st) => seen.push(st));
    const result = await runToResult(client, exploding);
    expect(result.divergedAtStep).toBe(3);
    const last = client.getStatus().lastRun;
    expect(last).toMatchObject({ sim: 'gradient-flow', state: 'diverged', done: 3, total: 1500 });
    expect(last?.outcome).toEqual({ kind: 'diverged', atStep: 3 });
    // At no point did it claim to have done all 1500 steps.
    expect(seen.some((st) => st.lastRun?.done === 1500)).toBe(false);
    close();
  });

  it('reports a run that completes as done with all its steps', async () => {
    const { client, close } = serve();
    const result = await runToResult(client, {
      ...exploding,
      activation: 'tanh',
      init: 'xavier-uniform',
      depth: 3,
      steps: 20,
    });
    expect(result.divergedAtStep).toBeNull();
    expect(client.getStatus().lastRun).toMatchObject({ state: 'done', done: 20, total: 20 });
    expect(client.getStatus().lastRun?.outcome).toEqual({ kind: 'completed' });
    close();
  });

  it('refuses a result whose outcome is malformed', async () => {
    const { a, b } = channelPair();
    const client = new ComputeClient('web-worker', [b]);
    const received: unknown[] = [];
    const h = client.run('gradient-flow', exploding, { onResult: (r) => received.push(r) });
    // Stand in for the host: answer the run request with a result whose outcome is not typed.
    await new Promise<void>((resolve) => a.addEventListener('message', () => resolve()));
    a.postMessage({
      type: 'result',
      runId: h.runId,
      data: {},
      outcome: { kind: 'diverged', atStep: 'three' },
    });
    await expect.poll(() => client.getStatus().lastError).toMatch(/malformed event.*outcome/);
    expect(received).toEqual([]);
    expect(client.getStatus().lastRun?.state).toBe('running');
    a.close();
    b.close();
  });
});
