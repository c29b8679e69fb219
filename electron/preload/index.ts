/**
 * Preload (sandboxed, CommonJS): exposes the small typed `window.mlLab` bridge and hands compute
 * MessagePorts from main to the page. Nothing else of Electron or Node reaches the renderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  COMPUTE_PORT_MESSAGE,
  ipcChannels,
  type MlLabBridge,
  type OpenedFileNotice,
} from '../../core/protocol/app-ipc';
import {
  ipcPayloadParse,
  type IpcChannel,
  type IpcPayload,
} from '../../core/protocol/app-ipc-schemas';

/** Listens on a main → window channel; payloads that fail the channel's schema are dropped. */
function subscribe<C extends IpcChannel>(channel: C, listener: (v: IpcPayload<C>) => void) {
  const handler = (_e: IpcRendererEvent, value: unknown) => {
    const payload = ipcPayloadParse(channel, value);
    if (payload !== null) listener(payload);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.off(channel, handler);
  };
}

// Files named at launch can arrive before the page subscribes: keep them for the first listener.
const fileListeners = new Set<(notice: OpenedFileNotice) => void>();
const filesWaiting: OpenedFileNotice[] = [];
const filesDeliver = () => {
  if (fileListeners.size === 0) return;
  for (const notice of filesWaiting.splice(0))
    for (const listener of fileListeners) {
      try {
        listener(notice);
      } catch (err) {
        console.error('file:opened listener failed', err);
      }
    }
};
ipcRenderer.on(ipcChannels.fileOpened, (_e, value: unknown) => {
  const notice = ipcPayloadParse(ipcChannels.fileOpened, value);
  if (!notice) return;
  filesWaiting.push(notice);
  filesDeliver();
});
const onFileOpened = (listener: (notice: OpenedFileNotice) => void) => {
  fileListeners.add(listener);
  setTimeout(filesDeliver, 0); // after the subscriber has finished setting up
  return () => {
    fileListeners.delete(listener);
  };
};

const bridge: MlLabBridge = {
  platform: 'electron',
  onMenuCommand: (l) => subscribe(ipcChannels.menu, l),
  onComputeLost: (l) => subscribe(ipcChannels.computeLost, l),
  onFileOpened,
  saveFile: (request) => ipcRenderer.invoke(ipcChannels.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(ipcChannels.openFile, request),
};
contextBridge.exposeInMainWorld('mlLab', bridge);

ipcRenderer.on(ipcChannels.computePort, (event, info: unknown) => {
  const lane = ipcPayloadParse(ipcChannels.computePort, info)?.lane;
  if (lane === undefined || event.ports.length !== 1) return;
  // MessagePorts cannot cross contextBridge; window.postMessage hands them to the page.
  window.postMessage({ type: COMPUTE_PORT_MESSAGE, lane }, '*', event.ports);
});
