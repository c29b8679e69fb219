/**
 * Main → window messages, typed by the one channel → schema map (core/protocol/app-ipc-schemas):
 * a payload that does not fit its channel does not compile, and the preload checks it again.
 */
import type { MessagePortMain, WebContents } from 'electron';
import type { IpcChannel, IpcPayload } from '../../core/protocol/app-ipc-schemas';

export function ipcSend<C extends IpcChannel>(
  contents: WebContents | undefined,
  channel: C,
  payload: IpcPayload<C>,
  ports?: MessagePortMain[],
): void {
  if (!contents || contents.isDestroyed()) return;
  if (ports) contents.postMessage(channel, payload, ports);
  else contents.send(channel, payload);
}
