/**
 * Chooses the compute host: the Electron bridge's brokered MessagePorts when the preload is there,
 * otherwise a pool of Web Workers running the same core/ registry. This file and the client are
 * the only places that know which host the renderer has.
 */
import { COMPUTE_PORT_MESSAGE, type MlLabBridge } from '../../core/protocol/app-ipc';
import type { PortLike } from '../../core/protocol/port';
import { ComputeClient } from './client';

declare global {
  interface Window {
    mlLab?: MlLabBridge;
  }
}

function connectElectron(bridge: MlLabBridge): ComputeClient {
  const client = new ComputeClient('electron-utility', []);
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; lane?: unknown } | null;
    if (event.source !== window || data?.type !== COMPUTE_PORT_MESSAGE || event.ports.length !== 1)
      return;
    const port = event.ports[0];
    port.start();
    client.attach(typeof data.lane === 'number' ? data.lane : 0, port as unknown as PortLike);
  });
  bridge.onComputeLost((notice) => client.failRuns(notice.runIds, notice.reason));
  return client;
}

function spawnWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
    name: 'ml-math-lab-compute',
  });
}

function connectWorkers(): ComputeClient {
  const size = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  const client = new ComputeClient('web-worker', []);
  const start = (lane: number) => {
    const worker = spawnWorker();
    // A worker that crashes loses its runs: report them, and put a fresh worker on the lane.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      client.failLane(
        lane,
        `the compute worker crashed (${event.message || 'unknown error'}) and was restarted`,
      );
      start(lane);
    });
    client.attach(lane, worker as unknown as PortLike);
  };
  for (let lane = 0; lane < size; lane++) start(lane);
  return client;
}

let shared: ComputeClient | null = null;

/** The app's compute client (created on first use). */
export function computeClient(): ComputeClient {
  shared ??= window.mlLab ? connectElectron(window.mlLab) : connectWorkers();
  return shared;
}
