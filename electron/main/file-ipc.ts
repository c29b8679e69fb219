/**
 * What main does for the window's `file:save` and `file:open` requests, apart from Electron: the
 * payload is validated, a save larger than its kind's limit is refused before any dialog opens,
 * the write is atomic, and the file chosen to open is read with the same checks as a launch
 * file (regular file, size limit, UTF-8). The native dialogs are passed in (ipc.ts gives
 * Electron's), so this is tested under plain Node.
 */
import type { FileKind, FileOutcome } from '../../core/protocol/app-ipc';
import { openFileRequestSchema, saveFileRequestSchema } from '../../core/protocol/app-ipc-schemas';
import { fileWriteAtomic } from './atomic-write';
import { fileKindNames, fileMaxBytes, sceneFileMaxBytes } from './file-limits';
import { fileReadText, sizeOverText, sizeText } from './file-read';
import { launchFileKind } from './launch-files';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native dialogs, as far as main uses them. */
export interface FileDialogs {
  save(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  open(options: { filters: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export const fileFilters: Readonly<Record<FileKind, FileFilter[]>> = {
  scene: [
    { name: 'ML Math Lab scene', extensions: ['mlscene'] },
    { name: 'ML Math Lab deck', extensions: ['mldeck'] },
  ],
  png: [{ name: 'PNG image', extensions: ['png'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  webm: [{ name: 'WebM video', extensions: ['webm'] }],
};

const refused = (message: string): FileOutcome => ({ ok: false, cancelled: false, message });

/** Bytes the data takes on disk (text is written as UTF-8). */
function byteSize(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
}

/** The limit for a file of `kind` named `name` (a scene or a deck by its extension). */
function maxBytesOf(kind: FileKind, name: string): number {
  const sceneKind = kind === 'scene' ? launchFileKind(name) : null;
  return sceneKind ? sceneFileMaxBytes[sceneKind] : fileMaxBytes[kind];
}

/** The message for data over its limit (by kind, and for scenes by name), or null when it fits. */
export function fileSaveTooLarge(
  kind: FileKind,
  name: string,
  data: string | Uint8Array,
): string | null {
  const size = byteSize(data);
  const limit = maxBytesOf(kind, name);
  if (size <= limit) return null;
  const hint = kind === 'webm' ? ': record fewer seconds, or at a smaller size' : '';
  const what = kind === 'scene' ? (launchFileKind(name) ?? 'scene or deck') : fileKindNames[kind];
  return `this ${what} is too large to save (${sizeOverText(size, limit)}; the limit is ${sizeText(limit)})${hint}`;
}

export async function fileSaveRun(raw: unknown, dialogs: FileDialogs): Promise<FileOutcome> {
  const req = saveFileRequestSchema.safeParse(raw);
  if (!req.success) return refused(`invalid save request: ${req.error.issues[0].message}`);
  const { kind, suggestedName, data } = req.data;
  const tooLarge = fileSaveTooLarge(kind, suggestedName, data);
  if (tooLarge) return refused(tooLarge);
  const choice = await dialogs.save({ defaultPath: suggestedName, filters: fileFilters[kind] });
  if (choice.canceled || !choice.filePath)
    return { ok: false, cancelled: true, message: 'cancelled' };
  try {
    await fileWriteAtomic(choice.filePath, data);
    return { ok: true, path: choice.filePath };
  } catch (err) {
    return refused(`could not save ${choice.filePath}: ${(err as Error).message}`);
  }
}

export async function fileOpenRun(raw: unknown, dialogs: FileDialogs): Promise<FileOutcome> {
  const req = openFileRequestSchema.safeParse(raw);
  if (!req.success) return refused('invalid open request');
  const { kind } = req.data;
  const choice = await dialogs.open({ filters: fileFilters[kind] });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return { ok: false, cancelled: true, message: 'cancelled' };
  const read = await fileReadText(file, {
    maxBytes: maxBytesOf(kind, file),
    kindName: kind === 'scene' ? (launchFileKind(file) ?? 'scene or deck') : fileKindNames[kind],
    fileName: kind === 'scene' ? 'scene or deck file' : `${fileKindNames[kind]} file`,
  });
  return read.ok ? { ok: true, path: file, text: read.text } : refused(read.message);
}
