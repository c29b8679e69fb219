/**
 * How large a file the app reads or writes, per kind. Bytes cross from the window to main in
 * one message and are held whole in both, so each kind has a ceiling well above what the app
 * makes and well below what would strain memory:
 * - scene / deck: the scene readers' own limits (core/scene/scene-limits.ts: 1 MiB a scene,
 *   5 MiB a deck), for opening and saving alike: main never carries a file the readers would
 *   refuse, and the app never writes one it could not open again.
 * - png: 64 MiB. The largest picture the app draws, the whole view of a 4K screen (3840 × 2160
 *   RGBA), is 33 MB before PNG compresses it.
 * - csv / json: 64 MiB, far above any lab's exported data (numbers of one run).
 * - webm: 200 MiB. The recorder encodes a 1080p, 30 fps view at ≈ 6.2 Mbit/s
 *   (renderer/shell/toolkit/frame-math.ts `videoBitrate`), so 200 MiB holds about 4.5 minutes;
 *   at its 24 Mbit/s ceiling, about 70 seconds.
 */
import type { FileKind, OpenedFileKind } from '../../core/protocol/app-ipc';
import { DECK_LIMITS, SCENE_LIMITS } from '../../core/scene/scene-limits';

const MiB = 1024 * 1024;

/** The largest scene file and deck file the app opens or saves. */
export const sceneFileMaxBytes: Readonly<Record<OpenedFileKind, number>> = {
  scene: SCENE_LIMITS.maxBytes,
  deck: DECK_LIMITS.maxBytes,
};

/**
 * Per kind of the Save and Open dialogs. `scene` covers scenes and decks: a file whose name says
 * which is held to its own limit (`sceneFileMaxBytes`), any other to the larger.
 */
export const fileMaxBytes: Readonly<Record<FileKind, number>> = {
  scene: Math.max(SCENE_LIMITS.maxBytes, DECK_LIMITS.maxBytes),
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
