// Launches the real compute process (electron/compute/node-entry.ts) as a Node child process and
// exposes it both as a supervisor ComputeChild and as the compute PortLike a client talks to.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { envelopePort, isEnvelope, type Envelope } from '../../electron/compute/node-adapter';
import type { ComputeChild, ComputeLauncher } from '../../electron/main/supervisor';
import type { PortLike } from '../../core/protocol/port';

const entry = path.resolve(import.meta.dirname, '../../electron/compute/node-entry.ts');

export interface NodeComputeChild extends ComputeChild {
  proc: ChildProcess;
  port: PortLike;
}

export function nodeComputeFork(): NodeComputeChild {
  const proc = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const send = (e: Envelope) => {
    if (proc.connected) proc.send(e);
  };
  const subscribe = (fn: (e: Envelope) => void) => {
    const handler = (m: unknown) => {
      if (isEnvelope(m)) fn(m);
    };
    proc.on('message', handler);
    return () => {
      proc.off('message', handler);
    };
  };
  return {
    proc,
    port: envelopePort('compute', send, subscribe),
    sendControl: (msg) => send({ ch: 'control', msg }),
    onControl: (l) => {
      subscribe((e) => e.ch === 'control' && l(e.msg));
    },
    onExit: (l) => {
      proc.on('exit', (code) => l(code));
    },
    kill: () => {
      proc.kill('SIGKILL');
    },
  };
}

/** A launcher that remembers every child it started, per lane. */
export function nodeLauncher(): ComputeLauncher & { children: NodeComputeChild[][] } {
  const children: NodeComputeChild[][] = [];
  return {
    children,
    launch(lane) {
      const child = nodeComputeFork();
      (children[lane] ??= []).push(child);
      return child;
    },
  };
}
