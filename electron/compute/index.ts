/**
 * Electron utility-process entry. Main sends `{ type: 'connect' }` with one MessagePortMain over
 * `process.parentPort` for each page the window loads, and `{ type: 'disconnect' }` when the
 * window closes; compute traffic flows on that port directly to the window. Other parentPort
 * messages are the supervisor's control channel.
 *
 * Note: MessagePortMain can transfer only ports, so typed arrays leaving a utility process are
 * structured-cloned once (the Web Worker host transfers them).
 */
import type { MessagePortMain } from 'electron';
import type { PortMessageEvent } from '../../core/protocol/port';
import { computeProcessStart, type ComputeLink } from './process';

function linkFromMain(port: MessagePortMain): ComputeLink {
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
    close: () => port.close(),
    onClose: (listener) => port.once('close', listener),
  };
}

const parentPort = process.parentPort;
const controlListeners: ((m: unknown) => void)[] = [];
const linkListeners: ((link: ComputeLink) => void)[] = [];
const disconnectListeners: (() => void)[] = [];
parentPort.on('message', (e: Electron.MessageEvent) => {
  const data = e.data as { type?: unknown } | null;
  if (data && data.type === 'connect' && e.ports.length === 1) {
    const link = linkFromMain(e.ports[0]);
    for (const l of linkListeners) l(link);
    return;
  }
  if (data && data.type === 'disconnect') {
    for (const l of disconnectListeners) l();
    return;
  }
  for (const l of controlListeners) l(e.data);
});

computeProcessStart({
  onControl: (l) => controlListeners.push(l),
  sendControl: (m) => parentPort.postMessage(m),
  onPort: (l) => linkListeners.push(l),
  onDisconnect: (l) => disconnectListeners.push(l),
});
