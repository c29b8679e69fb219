/**
 * Adapts a Node child process's IPC channel (fork with `serialization: 'advanced'`, so typed
 * arrays survive) to the compute process's parent link. Messages are envelopes
 * `{ ch: 'control' | 'compute', msg }`: one channel carries both the supervisor's control traffic
 * and one compute port. Used to run the real compute process under Node, without Electron.
 */
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';
import type { ParentChannel } from './process';

export interface Envelope {
  ch: 'control' | 'compute';
  msg: unknown;
}

export function isEnvelope(value: unknown): value is Envelope {
  const v = value as Envelope | null;
  return !!v && typeof v === 'object' && (v.ch === 'control' || v.ch === 'compute');
}

/** A PortLike over one channel of an envelope-speaking endpoint (`send` + message subscription). */
export function envelopePort(
  ch: Envelope['ch'],
  send: (e: Envelope) => void,
  subscribe: (fn: (e: Envelope) => void) => () => void,
): PortLike {
  const unsubs = new Map<(e: PortMessageEvent) => void, () => void>();
  return {
    postMessage: (msg) => send({ ch, msg }),
    addEventListener: (_type, listener) => {
      unsubs.set(
        listener,
        subscribe((e) => {
          if (e.ch === ch) listener({ data: e.msg });
        }),
      );
    },
    removeEventListener: (_type, listener) => {
      unsubs.get(listener)?.();
      unsubs.delete(listener);
    },
  };
}

/** The parent link of a compute process started with child_process.fork. */
export function nodeParentChannel(proc: NodeJS.Process): ParentChannel {
  const send = (e: Envelope) => proc.send?.(e);
  const subscribe = (fn: (e: Envelope) => void) => {
    const handler = (m: unknown) => {
      if (isEnvelope(m)) fn(m);
    };
    proc.on('message', handler);
    return () => proc.off('message', handler);
  };
  return {
    onControl: (l) => subscribe((e) => e.ch === 'control' && l(e.msg)),
    sendControl: (m) => send({ ch: 'control', msg: m }),
    // One channel, one port for the life of the process: it closes when the parent goes.
    onPort: (l) =>
      l({
        ...envelopePort('compute', send, subscribe),
        onClose: (listener) => proc.once('disconnect', listener),
      }),
  };
}
