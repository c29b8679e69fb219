/**
 * Scene and deck files handed to the app by the operating system: picked from a command line
 * (first launch, or a second launch forwarded to the running instance) and read with a size
 * limit. Process-neutral (no `electron` import), so it is tested under plain Node.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFileKind } from '../../core/protocol/app-ipc';

/** The largest scene or deck file the app opens (the same limit as the Open dialog). */
export const LAUNCH_FILE_MAX_BYTES = 64 * 1024 * 1024;

const extensionKinds: Readonly<Record<string, OpenedFileKind>> = {
  '.mlscene': 'scene',
  '.mldeck': 'deck',
};

/** `scene` or `deck` from a path's extension (any letter case), or null for other files. */
export function launchFileKind(filePath: string): OpenedFileKind | null {
  return extensionKinds[path.extname(filePath).toLowerCase()] ?? null;
}

/** A URL of another scheme (`https://…`); a Windows drive (`C:\…`) has a one-letter "scheme". */
const otherUrl = /^[a-z][a-z0-9+.-]+:\/\//i;

/** A `file://` URL as a path, or null if it is not a local file URL. */
function pathFromFileUrl(arg: string): string | null {
  try {
    return fileURLToPath(arg);
  } catch {
    return null;
  }
}

/**
 * The scene and deck files named on a command line, as absolute paths, in order, each once.
 * `argv[0]` (the executable) is skipped, and so is every switch (`-x`, `--flag`, `--key=value`:
 * Electron and Chromium add their own, and macOS adds `-psn_…`) until a bare `--`. The app path
 * of an unpackaged run (`electron .`) and every other argument are left out because only
 * `.mlscene` and `.mldeck` names are kept. `file://` URLs are decoded (other URLs skipped);
 * relative paths are resolved against `cwd` (the working directory of the launch that named them).
 */
export function launchFilesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  let switches = true;
  for (const arg of argv.slice(1)) {
    if (switches && arg === '--') {
      switches = false;
      continue;
    }
    if (arg === '' || (switches && arg.startsWith('-'))) continue;
    const isFileUrl = /^file:/i.test(arg);
    if (!isFileUrl && otherUrl.test(arg)) continue;
    const named = isFileUrl ? pathFromFileUrl(arg) : arg;
    if (named === null || launchFileKind(named) === null) continue;
    const absolute = path.resolve(cwd, named);
    if (!files.includes(absolute)) files.push(absolute);
  }
  return files;
}

/** The outcome of reading a launch file: its text, or a message a person can act on. */
export type LaunchFileOutcome =
  | { ok: true; path: string; kind: OpenedFileKind; text: string }
  | { ok: false; path: string; message: string };

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function readProblem(filePath: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `${filePath} does not exist`;
  if (code === 'EISDIR') return `${filePath} is a folder, not a scene or deck file`;
  if (code === 'EACCES' || code === 'EPERM')
    return `${filePath} cannot be read (permission denied)`;
  return `could not read ${filePath}: ${(err as Error).message}`;
}

/**
 * Reads a scene or deck file named by the operating system. Refuses other extensions, folders
 * and other non-regular files (a named pipe would block the read), and files over `maxBytes`
 * (64 MiB unless told); the text is decoded as UTF-8 (a byte-order mark is dropped). The text
 * is not checked here: it is untrusted, and the renderer validates it with the scene parser.
 */
export async function launchFileRead(
  filePath: string,
  maxBytes = LAUNCH_FILE_MAX_BYTES,
): Promise<LaunchFileOutcome> {
  const fail = (message: string): LaunchFileOutcome => ({ ok: false, path: filePath, message });
  const kind = launchFileKind(filePath);
  if (kind === null)
    return fail(`${filePath} is not an ML Math Lab scene (.mlscene) or deck (.mldeck)`);
  const tooLarge = (size: string) =>
    fail(`${filePath} is too large to be a ${kind} (${size}; the limit is ${sizeText(maxBytes)})`);
  let handle: fs.FileHandle | undefined;
  try {
    const info = await fs.stat(filePath);
    if (info.isDirectory()) return fail(`${filePath} is a folder, not a scene or deck file`);
    if (!info.isFile()) return fail(`${filePath} is not a regular file`);
    if (info.size > maxBytes) return tooLarge(sizeText(info.size));
    handle = await fs.open(filePath, 'r');
    // Read to the end, but never more than one byte over the limit: a file that grew since the
    // check is still refused, and one that shrank is read as it is now.
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
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, length));
    } catch {
      return fail(`${filePath} is not a text file (it is not valid UTF-8)`);
    }
    return { ok: true, path: filePath, kind, text };
  } catch (err) {
    return fail(readProblem(filePath, err));
  } finally {
    await handle?.close();
  }
}
