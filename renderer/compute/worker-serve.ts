/**
 * The body of a compute Web Worker, the browser twin of electron/compute/process.ts. The page
 * (hosts.ts) talks to it on two channels, as Electron main does with a utility process: the
 * worker's own channel carries control (the supervisor's ping/pong, run bookkeeping, and the
 * `connect` message that hands over a MessagePort) and the compute protocol runs on that port.
 * A run yields to the event loop between slices, so a healthy worker answers every ping.
 */
import { controlSchema, type ControlMessage } from '../../core/protocol/messages';
import type { PortLike } from '../../core/protocol/port';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';
import type { SimRegistry } from '../../core/sim/registry';
import { WORKER_CONNECT } from './worker-link';

export interface WorkerPort extends PortLike {
  start?(): void;
}

export interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; ports: readonly WorkerPort[] }) => void,
  ): void;
}

export function workerServe(scope: WorkerScope): void {
  const registry = simRegistryCreate();
  const send = (message: ControlMessage) => scope.postMessage(message);
  const serve = (port: WorkerPort, reg: SimRegistry) => {
    computeServe(port, reg, {
      clock: { now: () => performance.now(), schedule: (fn, ms) => setTimeout(fn, ms) },
      onRunStarted: (runId) => send({ type: 'run-started', runId }),
      onRunEnded: (runId) => send({ type: 'run-ended', runId }),
    });
    port.start?.();
  };
  scope.addEventListener('message', (event) => {
    const data = event.data as { type?: unknown; debug?: unknown } | null;
    if (data?.type === WORKER_CONNECT && event.ports.length === 1) {
      const port = event.ports[0];
      if (data.debug !== true) return serve(port, registry);
      // Test faults (?debug-compute only): a separate chunk the normal path never loads.
      void import('./debug-faults').then((d) => {
        const faulty = d.debugFaultsWrap(port, registry);
        serve({ ...faulty.port, start: () => port.start?.() }, faulty.registry);
      });
      return;
    }
    const parsed = controlSchema.safeParse(event.data);
    if (parsed.success && parsed.data.type === 'ping') send({ type: 'pong', seq: parsed.data.seq });
  });
}
