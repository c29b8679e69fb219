/**
 * Test-only faults for the end-to-end test of compute supervision
 * (test/e2e/compute-recovery.test.ts), worker side. This module is a chunk of its own that a
 * worker loads only when the page was opened with `?debug-compute` (debug-hook.ts); the normal
 * path never imports it. An armed fault takes over the next run the worker starts, before that run
 * sends anything, so the lab's previous picture is what a person should still see.
 */
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';
import { SimRegistry, type SimRun } from '../../core/sim/registry';
import { computeFaults, type ComputeFault } from './debug-hook';

/** What the faulty run does in its first slice. */
function* faultRun(fault: ComputeFault): SimRun<never, never> {
  switch (fault) {
    case 'loop':
      // A simulation that never yields: the worker stops answering pings.
      for (;;) {
        // spin
      }
    case 'terminate':
      // The worker ends without a word (as when the browser kills it): no event reaches the page.
      (globalThis as unknown as { close(): void }).close();
      break;
    case 'throw':
      // An error nobody catches, outside the server's guard: the page's Worker gets an error event.
      setTimeout(() => {
        throw new Error('a fault thrown on purpose (?debug-compute)');
      }, 0);
      break;
    case 'sim-throw':
      // A simulation that throws: the server catches it and fails the run; the worker lives on.
      throw new Error('this simulation failed on purpose (?debug-compute)');
    case 'oom': {
      // JavaScript heap that only grows, 8 MB at a time, until the engine gives up.
      const hog: number[][] = [];
      for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length + 0.5));
    }
  }
  // Keep the run in flight, with nothing to show, until the worker is gone.
  for (;;) yield { done: 0, total: 1 };
}

/**
 * Wraps the compute port and the registry: a `{ type: 'debug-arm', fault }` message on the port
 * (sent just before a run request, so it arrives first) makes the next run started a fault run.
 */
export function debugFaultsWrap(
  port: PortLike,
  registry: SimRegistry,
): { port: PortLike; registry: SimRegistry } {
  let armed: ComputeFault | null = null;
  const wrapped = new Map<(e: PortMessageEvent) => void, (e: PortMessageEvent) => void>();
  const faulty = new SimRegistry();
  for (const name of registry.names()) faulty.register(registry.get(name)!);
  const get = faulty.get.bind(faulty);
  faulty.get = (name) => {
    const def = get(name);
    if (!def || !armed) return def;
    const fault = armed;
    armed = null;
    return { ...def, start: () => faultRun(fault) };
  };
  return {
    registry: faulty,
    port: {
      postMessage: (message, transfer) => port.postMessage(message, transfer),
      addEventListener: (type, listener) => {
        const fn = (e: PortMessageEvent) => {
          const data = e.data as { type?: unknown; fault?: unknown } | null;
          if (data?.type !== 'debug-arm') return listener(e);
          const fault = computeFaults.find((f) => f === data.fault);
          if (fault) armed = fault;
        };
        wrapped.set(listener, fn);
        port.addEventListener(type, fn);
      },
      removeEventListener: (type, listener) => {
        const fn = wrapped.get(listener);
        if (fn) port.removeEventListener(type, fn);
        wrapped.delete(listener);
      },
    },
  };
}
