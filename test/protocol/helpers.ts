// Test helpers: a real MessageChannel (Node's worker_threads, the same structured-clone semantics as
// the browser's) wrapped as PortLike pairs, and an event collector.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ComputeEvent } from '../../core/protocol/messages';
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';

export function portFromNode(port: MessagePort): PortLike & { close(): void } {
  const wrapped = new Map<(e: PortMessageEvent) => void, (data: unknown) => void>();
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer),
    addEventListener: (_type, listener) => {
      const fn = (data: unknown) => listener({ data });
      wrapped.set(listener, fn);
      port.on('message', fn);
    },
    removeEventListener: (_type, listener) => {
      const fn = wrapped.get(listener);
      if (fn) port.off('message', fn);
    },
    close: () => port.close(),
  };
}

export function channelPair() {
  const { port1, port2 } = new MessageChannel();
  return { a: portFromNode(port1), b: portFromNode(port2) };
}

/** Collects events from a port; `until` resolves when a predicate over the log holds. */
export function eventLog(port: PortLike) {
  const events: ComputeEvent[] = [];
  const waiters: { pred: (e: ComputeEvent[]) => boolean; resolve: () => void }[] = [];
  port.addEventListener('message', (e) => {
    events.push(e.data as ComputeEvent);
    for (const w of [...waiters]) {
      if (w.pred(events)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  return {
    events,
    until(pred: (e: ComputeEvent[]) => boolean, ms = 10_000): Promise<void> {
      if (pred(events)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out; saw ${JSON.stringify(events.map((x) => x.type))}`)),
          ms,
        );
        waiters.push({ pred, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}

export const realClock = {
  now: () => performance.now(),
  schedule: (fn: () => void, ms: number) => setTimeout(fn, ms),
};
