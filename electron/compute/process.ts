/**
 * The body of a compute process, independent of how it was started: it answers the supervisor's
 * heartbeat, reports which runs it holds, and serves the simulation registry to the window on
 * the compute port it was given last. `index.ts` starts it inside an Electron utility process;
 * `node-entry.ts` inside a plain Node child process (the tests).
 *
 * One window port at a time: each page load brokers a fresh port, so a new port means the page
 * that held the previous one is gone. Its server is stopped (its runs end and are reported as
 * ended) and the port closed; so too when the window's end closes or main says the window went.
 */
import { controlSchema, type ControlMessage } from '../../core/protocol/messages';
import type { PortLike } from '../../core/protocol/port';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';

/** A compute port from the window, and (where the host can) how to close it or learn it closed. */
export interface ComputeLink extends PortLike {
  /** Closes this end; the window's end sees it close. */
  close?(): void;
  /** `listener` runs when the window's end goes away. */
  onClose?(listener: () => void): void;
}

/** The link to the supervising parent: a control channel plus a source of compute ports. */
export interface ParentChannel {
  onControl(listener: (message: unknown) => void): void;
  sendControl(message: ControlMessage): void;
  onPort(listener: (link: ComputeLink) => void): void;
  /** Main says the window went away. */
  onDisconnect?(listener: () => void): void;
}

export function computeProcessStart(parent: ParentChannel): void {
  const registry = simRegistryCreate();
  let serving: { link: ComputeLink; stop: () => void } | null = null;
  const release = (entry: NonNullable<typeof serving>) => {
    if (serving !== entry) return;
    serving = null;
    entry.stop(); // drops the listener and ends every run (each reported as run-ended)
    entry.link.close?.();
  };
  parent.onControl((raw) => {
    const parsed = controlSchema.safeParse(raw);
    if (!parsed.success) return;
    if (parsed.data.type === 'ping') parent.sendControl({ type: 'pong', seq: parsed.data.seq });
  });
  parent.onPort((link) => {
    if (serving) release(serving);
    const stop = computeServe(link, registry, {
      clock: { now: () => performance.now(), schedule: (fn, ms) => setTimeout(fn, ms) },
      onRunStarted: (runId) => parent.sendControl({ type: 'run-started', runId }),
      onRunEnded: (runId) => parent.sendControl({ type: 'run-ended', runId }),
    });
    const entry = { link, stop };
    serving = entry;
    link.onClose?.(() => release(entry));
  });
  parent.onDisconnect?.(() => {
    if (serving) release(serving);
  });
}
