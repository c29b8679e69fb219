/**
 * Preload (sandboxed, CommonJS): exposes the small typed `window.mlLab` bridge and hands compute
 * MessagePorts from main to the page. Nothing else of Electron or Node reaches the renderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  COMPUTE_PORT_MESSAGE,
  ipcChannels,
  menuCommands,
  type ComputeLostNotice,
  type MenuCommand,
  type MlLabBridge,
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

const bridge: MlLabBridge = {
  platform: 'electron',
  onMenuCommand: (l) => subscribe(ipcChannels.menu, isMenuCommand, l),
  onComputeLost: (l) => subscribe(ipcChannels.computeLost, isLostNotice, l),
  saveFile: (request) => ipcRenderer.invoke(ipcChannels.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(ipcChannels.openFile, request),
};
contextBridge.exposeInMainWorld('mlLab', bridge);

ipcRenderer.on(ipcChannels.computePort, (event, info: { lane?: unknown }) => {
  const lane = typeof info?.lane === 'number' ? info.lane : 0;
  // MessagePorts cannot cross contextBridge; window.postMessage hands them to the page.
  window.postMessage({ type: COMPUTE_PORT_MESSAGE, lane }, '*', event.ports);
});
