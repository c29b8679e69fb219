/**
 * Scene and deck files handed to the app by the operating system: picked from a command line
 * (first launch, or a second launch forwarded to the running instance) and read with a size
 * limit. Process-neutral (no `electron` import), so it is tested under plain Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFileKind } from '../../core/protocol/app-ipc';
import { sceneFileMaxBytes } from './file-limits';
import { fileReadText } from './file-read';

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

/**
 * Reads a scene or deck file named by the operating system. Refuses other extensions, then
 * reads with the checks of every file a person names (`fileReadText`: folders and other
 * non-regular files such as a named pipe, files over `maxBytes` — the scene readers' limit for
 * a scene or a deck unless told (`sceneFileMaxBytes`) — and
 * text that is not UTF-8). The text is not checked here: it is untrusted, and the renderer
 * validates it with the scene parser.
 */
export async function launchFileRead(
  filePath: string,
  maxBytes?: number,
): Promise<LaunchFileOutcome> {
  const kind = launchFileKind(filePath);
  if (kind === null)
    return {
      ok: false,
      path: filePath,
      message: `${filePath} is not an ML Math Lab scene (.mlscene) or deck (.mldeck)`,
    };
  const read = await fileReadText(filePath, {
    maxBytes: maxBytes ?? sceneFileMaxBytes[kind],
    kindName: kind,
    fileName: 'scene or deck file',
  });
  return read.ok
    ? { ok: true, path: filePath, kind, text: read.text }
    : { ok: false, path: filePath, message: read.message };
}
