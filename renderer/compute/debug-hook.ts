/**
 * Test-only hook for the end-to-end test of compute supervision, page side. Inert unless the page
 * was opened with `?debug-compute` in its query string (`#/…` routes are untouched by it): then
 * every worker is told it may load debug-faults.ts, and `window.__mlLabDebug.arm(fault)` makes the
 * next run the lab starts fail in that way. A person never meets it: the app never links to such a
 * URL, and all it can do is break one's own compute worker, which the supervisor then restarts.
 */
import type { PortLike } from '../../core/protocol/port';

/** How the next run can be made to fail (see debug-faults.ts). */
export const computeFaults = ['loop', 'terminate', 'throw', 'sim-throw', 'oom'] as const;
export type ComputeFault = (typeof computeFaults)[number];

export interface ComputeDebugHook {
  /** The next run any lane starts fails with `fault`. */
  arm(fault: ComputeFault): void;
  /** Workers replaced so far. */
  restarts(): number;
}

declare global {
  interface Window {
    __mlLabDebug?: ComputeDebugHook;
  }
}

/** True when the page asked for the test hook. */
export function computeDebugRequested(): boolean {
  return (
    typeof location !== 'undefined' && new URLSearchParams(location.search).has('debug-compute')
  );
}

/** Arms faults, and marks the run they belong to on the lane's port. */
export class ComputeFaultSwitch {
  private armed: ComputeFault | null = null;

  /** The lane's port, sending `debug-arm` just before the next run request while a fault is armed. */
  wrap(port: PortLike): PortLike {
    return {
      postMessage: (message, transfer) => {
        if (this.armed && (message as { type?: unknown } | null)?.type === 'run') {
          port.postMessage({ type: 'debug-arm', fault: this.armed });
          this.armed = null;
        }
        port.postMessage(message, transfer);
      },
      addEventListener: (type, listener) => port.addEventListener(type, listener),
      removeEventListener: (type, listener) => port.removeEventListener(type, listener),
    };
  }

  install(restarts: () => number): void {
    window.__mlLabDebug = {
      arm: (fault) => {
        if (!computeFaults.includes(fault)) throw new Error(`unknown fault "${String(fault)}"`);
        this.armed = fault;
      },
      restarts,
    };
  }
}
