// Preloaded (--import) into the compute entry when the stand-in forks it as a Node child process:
// gives it Electron's `process.parentPort`. Messages from main arrive over the child's IPC
// channel as { t: 'msg', data, ports: [ids] }; each port id becomes a real MessageChannel whose
// far end is relayed over the same channel ({ t: 'port-msg' | 'port-close', id }). As in
// Electron, messages wait until the entry has added its 'message' listener (loading the entry
// takes a while; main may already have sent its first port).
import { EventEmitter } from 'node:events';
import { MessageChannel } from 'node:worker_threads';
import { PortMain } from './port-main.mjs';

const send = (m) => {
  if (process.connected) process.send(m);
};
const relays = new Map();

function portFor(id) {
  const { port1, port2 } = new MessageChannel();
  relays.set(id, port2);
  port2.on('message', (data) => send({ t: 'port-msg', id, data }));
  port2.once('close', () => {
    if (relays.delete(id)) send({ t: 'port-close', id });
  });
  return new PortMain(port1);
}

const parentPort = new EventEmitter();
parentPort.postMessage = (data) => send({ t: 'msg', data });
const waiting = [];
const deliver = (event) => parentPort.emit('message', event);
parentPort.on('newListener', (event) => {
  if (event === 'message') setImmediate(() => waiting.splice(0).forEach(deliver));
});

process.on('message', (m) => {
  if (m.t === 'msg') {
    // The ports exist from now on, so what main sends on them meanwhile waits in them.
    const event = { data: m.data, ports: m.ports.map(portFor) };
    if (parentPort.listenerCount('message') > 0) deliver(event);
    else waiting.push(event);
  } else if (m.t === 'port-msg') relays.get(m.id)?.postMessage(m.data);
  else if (m.t === 'port-close') {
    const port = relays.get(m.id);
    relays.delete(m.id);
    port?.close();
  }
});
// Main went away: so does a utility process.
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: parentPort });
