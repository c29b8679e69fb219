/**
 * The body of a compute process, independent of how it was started: it answers the supervisor's
 * heartbeat, reports which runs it holds, and serves the simulation registry on every compute
 * port it is given. `index.ts` starts it inside an Electron utility process; `node-entry.ts`
 * inside a plain Node child process (the tests).
 */
import { controlSchema, type ControlMessage } from '../../core/protocol/messages';
import type { PortLike } from '../../core/protocol/port';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/sim/catalog';

/** The link to the supervising parent: a control channel plus a source of compute ports. */
export interface ParentChannel {
  onControl(listener: (message: unknown) => void): void;
  sendControl(message: ControlMessage): void;
  onPort(listener: (port: PortLike) => void): void;
}

export function computeProcessStart(parent: ParentChannel): void {
  const registry = simRegistryCreate();
  parent.onControl((raw) => {
    const parsed = controlSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === 'ping') parent.sendControl({ type: 'pong', seq: parsed.data.seq });
  });
  parent.onPort((port) => {
    computeServe(port, registry, {
      clock: { now: () => performance.now(), schedule: (fn, ms) => setTimeout(fn, ms) },
      onRunStarted: (runId) => parent.sendControl({ type: 'run-started', runId }),
      onRunEnded: (runId) => parent.sendControl({ type: 'run-ended', runId }),
    });
  });
}
