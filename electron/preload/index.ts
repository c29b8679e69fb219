/**
 * Preload (sandboxed, CommonJS): exposes the small typed `window.mlLab` bridge and hands compute
 * MessagePorts from main to the page. Nothing else of Electron or Node reaches the renderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  COMPUTE_PORT_MESSAGE,
  ipcChannels,
  menuCommands,
  openedFileKinds,
  type ComputeLostNotice,
  type MenuCommand,
  type MlLabBridge,
  type OpenedFileKind,
  type OpenedFileNotice,
} from '../../core/protocol/app-ipc';

function subscribe<T>(channel: string, accept: (v: unknown) => v is T, listener: (v: T) => void) {
  const handler = (_e: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.off(channel, handler);
  };
}

const isMenuCommand = (v: unknown): v is MenuCommand => menuCommands.includes(v as MenuCommand);
const isLostNotice = (v: unknown): v is ComputeLostNotice =>
  !!v && typeof v === 'object' && Array.isArray((v as ComputeLostNotice).runIds);

const isOpenedFile = (v: unknown): v is OpenedFileNotice => {
  if (!v || typeof v !== 'object') return false;
  const n = v as Record<string, unknown>;
  if (typeof n.path !== 'string') return false;
  if (typeof n.error === 'string') return true;
  return typeof n.text === 'string' && openedFileKinds.includes(n.kind as OpenedFileKind);
};

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
  if (!isOpenedFile(value)) return;
  filesWaiting.push(value);
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
  onMenuCommand: (l) => subscribe(ipcChannels.menu, isMenuCommand, l),
  onComputeLost: (l) => subscribe(ipcChannels.computeLost, isLostNotice, l),
  onFileOpened,
  saveFile: (request) => ipcRenderer.invoke(ipcChannels.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(ipcChannels.openFile, request),
};
contextBridge.exposeInMainWorld('mlLab', bridge);

ipcRenderer.on(ipcChannels.computePort, (event, info: { lane?: unknown }) => {
  const lane = typeof info?.lane === 'number' ? info.lane : 0;
  // MessagePorts cannot cross contextBridge; window.postMessage hands them to the page.
  window.postMessage({ type: COMPUTE_PORT_MESSAGE, lane }, '*', event.ports);
});
