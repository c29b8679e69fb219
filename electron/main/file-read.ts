/**
 * Reads a text file a person named (a launch argument, or the Open dialog's choice) with the
 * checks every such read needs: a regular file (a named pipe or a device would block the read
 * or never end), at most `maxBytes`, valid UTF-8. Process-neutral; shared by launch-files.ts and
 * main's `file:open` handler.
 */
import { constants, promises as fs } from 'node:fs';

export type TextReadOutcome = { ok: true; text: string } | { ok: false; message: string };

export interface TextReadOptions {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** What the file should be, for "too large to be a …" (`scene`, `deck`). */
  kindName: string;
  /** What a folder is not, for "is a folder, not a …" (`scene or deck file`). */
  fileName: string;
}

/** `812 bytes`, or `64.0 MiB` from one mebibyte up. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A size over `limit`, in words that show it is over (exact bytes if both round alike). */
export function sizeOverText(bytes: number, limit: number): string {
  return sizeText(bytes) === sizeText(limit) ? `${bytes} bytes` : sizeText(bytes);
}

function readProblem(filePath: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `${filePath} does not exist`;
  if (code === 'EISDIR') return `${filePath} is a folder`;
  if (code === 'EACCES' || code === 'EPERM')
    return `${filePath} cannot be read (permission denied)`;
  return `could not read ${filePath}: ${(err as Error).message}`;
}

/** Opening never waits for a writer (a FIFO); on a regular file the flag changes nothing. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The file's text, or a message a person can act on. The type and size are checked before the
 * file is opened and again on the open handle (the path could be swapped in between); the read
 * stops one byte past the limit, so a file that grew since is refused too. A UTF-8 byte-order
 * mark is dropped.
 */
export async function fileReadText(
  filePath: string,
  options: TextReadOptions,
): Promise<TextReadOutcome> {
  const { maxBytes } = options;
  const fail = (message: string): TextReadOutcome => ({ ok: false, message });
  const tooLarge = (size: string) =>
    fail(
      `${filePath} is too large to be a ${options.kindName} (${size}; the limit is ${sizeText(maxBytes)})`,
    );
  const refuse = (info: { isDirectory(): boolean; isFile(): boolean; size: number }) => {
    if (info.isDirectory()) return fail(`${filePath} is a folder, not a ${options.fileName}`);
    if (!info.isFile()) return fail(`${filePath} is not a regular file`);
    if (info.size > maxBytes) return tooLarge(sizeOverText(info.size, maxBytes));
    return null;
  };
  let handle: fs.FileHandle | undefined;
  try {
    const before = refuse(await fs.stat(filePath));
    if (before) return before;
    handle = await fs.open(filePath, OPEN_FLAGS);
    const info = await handle.stat();
    const after = refuse(info);
    if (after) return after;
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const want = Math.min(Math.max(info.size - length, 64 * 1024), maxBytes + 1 - length);
      const chunk = Buffer.alloc(want);
      const { bytesRead } = await handle.read(chunk, 0, want, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) break;
    }
    if (length > maxBytes) return tooLarge(`over ${sizeText(maxBytes)}`);
    try {
      return {
        ok: true,
        text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, length)),
      };
    } catch {
      return fail(`${filePath} is not a text file (it is not valid UTF-8)`);
    }
  } catch (err) {
    const message = readProblem(filePath, err);
    return fail(
      message === `${filePath} is a folder` ? `${message}, not a ${options.fileName}` : message,
    );
  } finally {
    await handle?.close();
  }
}
