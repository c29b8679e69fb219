/**
 * Chooses the compute host: the Electron bridge's brokered MessagePorts when the preload is there,
 * otherwise a pool of Web Workers running the same core/ registry under the same supervisor as
 * the desktop's utility processes (core/protocol/supervisor.ts). This file and the client are the
 * only places that know which host the renderer has.
 */
import { COMPUTE_PORT_MESSAGE, type MlLabBridge } from '../../core/protocol/app-ipc';
import type { PortLike } from '../../core/protocol/port';
import { ComputeSupervisor, type ComputeChild } from '../../core/protocol/supervisor';
import { ComputeClient } from './client';
import { ComputeFaultSwitch, computeDebugRequested } from './debug-hook';
import { WORKER_CONNECT, type WorkerConnect } from './worker-link';

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

/** What a person reads when a worker's runs were lost (the lab adds that its picture is kept). */
export const workerLossWording = {
  unresponsive: (s: number) =>
    `The compute worker stopped responding for ${s} s and was restarted; run it again`,
  exited: () => 'The compute worker stopped unexpectedly and was restarted; run it again',
  crashed: (message: string) =>
    `The compute worker failed (${message.replace(/^Uncaught\s+/, '') || 'it could not start'}) and was restarted; run it again`,
};

/** A worker as the supervisor sees a process: it "exits" when it throws or is killed. */
function workerChild(worker: Worker): ComputeChild {
  const exits: ((code: number | null, reason?: string) => void)[] = [];
  let gone = false;
  const end = (reason?: string) => {
    if (gone) return;
    gone = true;
    worker.terminate();
    for (const l of exits) l(null, reason);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    end(workerLossWording.crashed((event as Partial<ErrorEvent>).message ?? ''));
  });
  return {
    sendControl: (message) => worker.postMessage(message),
    onControl: (listener) => worker.addEventListener('message', (e) => listener(e.data)),
    onExit: (listener) => exits.push(listener),
    kill: () => end(),
  };
}

function connectWorkers(): ComputeClient {
  const size = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1));
  const faults = computeDebugRequested() ? new ComputeFaultSwitch() : null;
  const client = new ComputeClient('web-worker', []);
  const ports: MessagePort[] = [];
  const supervisor = new ComputeSupervisor(
    {
      launch: (lane) => {
        const worker = spawnWorker();
        const { port1, port2 } = new MessageChannel();
        const connect: WorkerConnect = { type: WORKER_CONNECT, debug: faults !== null };
        worker.postMessage(connect, [port1]);
        ports[lane] = port2;
        return workerChild(worker);
      },
    },
    {
      size,
      heartbeatMs: 1000,
      unresponsiveMs: 5000,
      startupMs: 10_000,
      wording: workerLossWording,
      // Every run the client sent to the lost worker fails, reported or not (a request still
      // queued in a hung worker never got to say it started).
      onReplaced: (lane, reason) => {
        ports[lane].close();
        client.detach(lane);
        client.failLane(lane, reason);
      },
      onStarted: (lane) => {
        const port = ports[lane];
        const lanePort = port as unknown as PortLike;
        client.attach(lane, faults ? faults.wrap(lanePort) : lanePort);
        port.start();
      },
    },
  );
  supervisor.start();
  faults?.install(() => supervisor.restarts);
  return client;
}

let shared: ComputeClient | null = null;

/** The app's compute client (created on first use). */
export function computeClient(): ComputeClient {
  shared ??= window.mlLab ? connectElectron(window.mlLab) : connectWorkers();
  return shared;
}
