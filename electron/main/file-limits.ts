/**
 * How large a file the app reads or writes, per kind. Bytes cross from the window to main in
 * one message and are held whole in both, so each kind has a ceiling well above what the app
 * makes and well below what would strain memory:
 * - scene / deck: 64 MiB, the same for saving and opening, so the app never writes a scene it
 *   would refuse to open again (scene files are small JSON; the readers bound them further).
 * - png: 64 MiB. The largest picture the app draws, the whole view of a 4K screen (3840 × 2160
 *   RGBA), is 33 MB before PNG compresses it.
 * - csv / json: 64 MiB, far above any lab's exported data (numbers of one run).
 * - webm: 200 MiB. The recorder encodes a 1080p, 30 fps view at ≈ 6.2 Mbit/s
 *   (renderer/shell/toolkit/frame-math.ts `videoBitrate`), so 200 MiB holds about 4.5 minutes;
 *   at its 24 Mbit/s ceiling, about 70 seconds.
 */
import type { FileKind } from '../../core/protocol/app-ipc';

const MiB = 1024 * 1024;

/** The largest scene or deck file the app opens or saves. */
export const SCENE_FILE_MAX_BYTES = 64 * MiB;

export const fileMaxBytes: Readonly<Record<FileKind, number>> = {
  scene: SCENE_FILE_MAX_BYTES,
  png: 64 * MiB,
  csv: 64 * MiB,
  json: 64 * MiB,
  webm: 200 * MiB,
};

/** What each kind is called in messages. */
export const fileKindNames: Readonly<Record<FileKind, string>> = {
  scene: 'scene or deck',
  png: 'picture',
  csv: 'table',
  json: 'data file',
  webm: 'recording',
};
