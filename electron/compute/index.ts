/**
 * Electron utility-process entry. Main sends `{ type: 'connect' }` with one MessagePortMain over
 * `process.parentPort`; compute traffic then flows on that port directly to the window. Other
 * parentPort messages are the supervisor's control channel.
 *
 * Note: MessagePortMain can transfer only ports, so typed arrays leaving a utility process are
 * structured-cloned once (the Web Worker host transfers them).
 */
import type { MessagePortMain } from 'electron';
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';
import { computeProcessStart } from './process';

function portFromMain(port: MessagePortMain): PortLike {
  const wrapped = new Map<(e: PortMessageEvent) => void, (e: Electron.MessageEvent) => void>();
  port.start();
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => {
      const fn = (e: Electron.MessageEvent) => listener({ data: e.data });
      wrapped.set(listener, fn);
      port.on('message', fn);
    },
    removeEventListener: (_type, listener) => {
      const fn = wrapped.get(listener);
      if (fn) port.off('message', fn);
      wrapped.delete(listener);
    },
  };
}

const parentPort = process.parentPort;
const controlListeners: ((m: unknown) => void)[] = [];
const portListeners: ((p: PortLike) => void)[] = [];
parentPort.on('message', (e: Electron.MessageEvent) => {
  const data = e.data as { type?: unknown } | null;
  if (data && data.type === 'connect' && e.ports.length === 1) {
    const port = portFromMain(e.ports[0]);
    for (const l of portListeners) l(port);
    return;
  }
  for (const l of controlListeners) l(e.data);
});

computeProcessStart({
  onControl: (l) => controlListeners.push(l),
  sendControl: (m) => parentPort.postMessage(m),
  onPort: (l) => portListeners.push(l),
});
