/**
 * The smallest message-port shape shared by every environment that carries compute traffic:
 * a DOM MessagePort or Worker (renderer, Web Worker), a Node MessagePort, or an adapter around
 * Electron's MessagePortMain / a child process IPC channel. Protocol code depends on this only.
 */
export interface PortMessageEvent {
  /** The structured-cloned payload. Never trusted: validate before use. */
  readonly data: unknown;
}

export interface PortLike {
  /** Sends one message; buffers in `transfer` are moved, not copied, where the host supports it. */
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: PortMessageEvent) => void): void;
}

/** Collects the ArrayBuffers behind every typed array found (shallowly and one level deep) in a payload. */
export function portTransferList(payload: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object' || depth > 2) return;
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength) {
        out.add(value.buffer);
      }
      return;
    }
    for (const child of Object.values(value as Record<string, unknown>)) visit(child, depth + 1);
  };
  visit(payload, 0);
  return [...out];
}
