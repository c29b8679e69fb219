// Electron's MessagePortMain over a real Node MessagePort: messages arrive as { data, ports } on
// 'message' once start() was called (Electron queues them until then), 'close' when either end
// closes. Used by the stand-in `electron` module and by the compute process shim.
import { EventEmitter } from 'node:events';

export class PortMain extends EventEmitter {
  /** @param {import('node:worker_threads').MessagePort} port */
  constructor(port) {
    super();
    this.port = port;
    this.started = false;
    port.once('close', () => this.emit('close'));
  }

  start() {
    if (this.started) return;
    this.started = true;
    this.port.on('message', (data) => this.emit('message', { data, ports: [] }));
  }

  postMessage(message, transfer = []) {
    if (transfer.length > 0) throw new Error('the stand-in MessagePortMain transfers no ports');
    this.port.postMessage(message);
  }

  close() {
    this.port.close();
  }
}
