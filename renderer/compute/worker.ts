/// <reference lib="webworker" />
// The browser twin of the utility process: the same registry, served from a Web Worker.
import type { PortLike } from '../../core/protocol/port';
import { computeServe } from '../../core/protocol/server';
import { simRegistryCreate } from '../../core/labs/registry';

computeServe(self as unknown as PortLike, simRegistryCreate(), {
  clock: { now: () => performance.now(), schedule: (fn, ms) => setTimeout(fn, ms) },
});
