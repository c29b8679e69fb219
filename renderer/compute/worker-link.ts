/**
 * The page's first message to a compute worker, on the worker's own (control) channel: it carries
 * the MessagePort the compute protocol runs on, and whether test faults may be armed
 * (debug-hook.ts). Its own module so the page and the worker share it without importing each other.
 */
export const WORKER_CONNECT = 'connect';

export interface WorkerConnect {
  type: typeof WORKER_CONNECT;
  debug: boolean;
}
