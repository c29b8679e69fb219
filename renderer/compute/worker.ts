/// <reference lib="webworker" />
// The browser twin of the utility process: the same registry, served from a Web Worker under the
// same supervision (worker-serve.ts answers the heartbeat and reports its runs).
import { workerServe, type WorkerScope } from './worker-serve';

workerServe(self as unknown as WorkerScope);
