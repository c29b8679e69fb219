/**
 * Typed IPC handlers with sender validation: a request is answered only if it comes from the
 * app's own window, from a frame on the app's origin (`isAppUrl`), and its payload passes the
 * schema in core/protocol/app-ipc-schemas. What each request does is in file-ipc.ts.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannels, type FileOutcome } from '../../core/protocol/app-ipc';
import { fileOpenRun, fileSaveRun, type FileDialogs } from './file-ipc';

const unknownSender: FileOutcome = {
  ok: false,
  cancelled: false,
  message: 'request refused: unknown sender',
};

/** Electron's native dialogs, attached to `win`. */
function dialogsOf(win: BrowserWindow): FileDialogs {
  return {
    save: (options) => dialog.showSaveDialog(win, options),
    open: (options) => dialog.showOpenDialog(win, { ...options, properties: ['openFile'] }),
  };
}

export function ipcRegister(
  getWindow: () => BrowserWindow | null,
  isAppUrl: (url: string) => boolean,
): void {
  const trusted = (event: IpcMainInvokeEvent): BrowserWindow | null => {
    const win = getWindow();
    if (!win || event.sender !== win.webContents) return null;
    const frameUrl = event.senderFrame?.url ?? '';
    return isAppUrl(frameUrl) ? win : null;
  };

  ipcMain.handle(ipcChannels.saveFile, async (event, raw: unknown): Promise<FileOutcome> => {
    const win = trusted(event);
    return win ? fileSaveRun(raw, dialogsOf(win)) : unknownSender;
  });

  ipcMain.handle(ipcChannels.openFile, async (event, raw: unknown): Promise<FileOutcome> => {
    const win = trusted(event);
    return win ? fileOpenRun(raw, dialogsOf(win)) : unknownSender;
  });
}
