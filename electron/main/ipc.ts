/**
 * Typed IPC handlers with sender validation: a request is answered only if it comes from the
 * app's own window and its payload passes the schema in core/protocol/app-ipc.
 */
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { promises as fs } from 'node:fs';
import { ipcChannels, type FileKind, type FileOutcome } from '../../core/protocol/app-ipc';
import { openFileRequestSchema, saveFileRequestSchema } from '../../core/protocol/app-ipc-schemas';
import { fileWriteAtomic } from './atomic-write';

const filters: Record<FileKind, Electron.FileFilter[]> = {
  scene: [
    { name: 'ML Math Lab scene', extensions: ['mlscene'] },
    { name: 'ML Math Lab deck', extensions: ['mldeck'] },
  ],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  webm: [{ name: 'WebM video', extensions: ['webm'] }],
};

const MAX_OPEN_BYTES = 64 * 1024 * 1024;

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
    if (!win) return { ok: false, cancelled: false, message: 'request refused: unknown sender' };
    const req = saveFileRequestSchema.safeParse(raw);
    if (!req.success)
      return {
        ok: false,
        cancelled: false,
        message: `invalid save request: ${req.error.issues[0].message}`,
      };
    const choice = await dialog.showSaveDialog(win, {
      defaultPath: req.data.suggestedName,
      filters: filters[req.data.kind],
    });
    if (choice.canceled || !choice.filePath)
      return { ok: false, cancelled: true, message: 'cancelled' };
    try {
      await fileWriteAtomic(choice.filePath, req.data.data);
      return { ok: true, path: choice.filePath };
    } catch (err) {
      return {
        ok: false,
        cancelled: false,
        message: `could not save ${choice.filePath}: ${(err as Error).message}`,
      };
    }
  });

  ipcMain.handle(ipcChannels.openFile, async (event, raw: unknown): Promise<FileOutcome> => {
    const win = trusted(event);
    if (!win) return { ok: false, cancelled: false, message: 'request refused: unknown sender' };
    const req = openFileRequestSchema.safeParse(raw);
    if (!req.success) return { ok: false, cancelled: false, message: 'invalid open request' };
    const choice = await dialog.showOpenDialog(win, {
      properties: ['openFile'],
      filters: filters[req.data.kind],
    });
    const file = choice.filePaths[0];
    if (choice.canceled || !file) return { ok: false, cancelled: true, message: 'cancelled' };
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_OPEN_BYTES)
        return {
          ok: false,
          cancelled: false,
          message: `${file} is too large to be a scene (${stat.size} bytes)`,
        };
      return { ok: true, path: file, text: await fs.readFile(file, 'utf8') };
    } catch (err) {
      return {
        ok: false,
        cancelled: false,
        message: `could not read ${file}: ${(err as Error).message}`,
      };
    }
  });
}
