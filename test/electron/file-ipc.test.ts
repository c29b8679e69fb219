// main's file:save and file:open requests apart from Electron (fake dialogs, real files): size
// limits per kind before any dialog opens, and the Open dialog's choice read like a launch file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOpenRun, fileSaveRun, type FileDialogs } from '../../electron/main/file-ipc';
import { fileMaxBytes, sceneFileMaxBytes } from '../../electron/main/file-limits';
import { DECK_LIMITS, SCENE_LIMITS } from '../../core/scene/scene-limits';

const MiB = 1024 * 1024;
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'mllab-file-ipc-'));

/** Dialogs that answer `savePath` / `openPath` (or cancel) and count how often they opened. */
function dialogs(answer: { savePath?: string; openPath?: string }) {
  const opened = { save: 0, open: 0 };
  const d: FileDialogs = {
    save: async () => {
      opened.save++;
      return answer.savePath
        ? { canceled: false, filePath: answer.savePath }
        : { canceled: true, filePath: '' };
    },
    open: async () => {
      opened.open++;
      return answer.openPath
        ? { canceled: false, filePaths: [answer.openPath] }
        : { canceled: true, filePaths: [] };
    },
  };
  return { d, opened };
}

/** Zero bytes the size of `n`, not touched (the pages are never written). */
const bytes = (n: number) => new Uint8Array(new ArrayBuffer(n));

describe('file:save limits', () => {
  it('gives recordings 200 MiB, pictures and data 64 MiB, scenes and decks the readers’ limits', () => {
    expect(sceneFileMaxBytes).toEqual({
      scene: SCENE_LIMITS.maxBytes,
      deck: DECK_LIMITS.maxBytes,
    });
    expect(fileMaxBytes).toEqual({
      scene: DECK_LIMITS.maxBytes,
      png: 64 * MiB,
      csv: 64 * MiB,
      json: 64 * MiB,
      webm: 200 * MiB,
    });
  });

  it('refuses a 300 MB recording with a clear message, before any dialog opens', async () => {
    const { d, opened } = dialogs({ savePath: path.join(tempDir(), 'r.webm') });
    const out = await fileSaveRun(
      { kind: 'webm', suggestedName: 'r.webm', data: bytes(300_000_000) },
      d,
    );
    expect(out).toEqual({
      ok: false,
      cancelled: false,
      message:
        'this recording is too large to save (286.1 MiB; the limit is 200.0 MiB): record fewer seconds, or at a smaller size',
    });
    expect(opened.save).toBe(0);
  });

  it('accepts exactly the limit and refuses one byte more, for bytes and for text', async () => {
    const fits = dialogs({});
    const at = await fileSaveRun(
      { kind: 'png', suggestedName: 'a.png', data: bytes(64 * MiB) },
      fits.d,
    );
    expect(at).toEqual({ ok: false, cancelled: true, message: 'cancelled' });
    expect(fits.opened.save).toBe(1);

    const over = dialogs({});
    const png = await fileSaveRun(
      { kind: 'png', suggestedName: 'a.png', data: bytes(64 * MiB + 1) },
      over.d,
    );
    expect(png).toMatchObject({ ok: false, cancelled: false });
    if (!png.ok)
      expect(png.message).toMatch(
        /^this picture is too large to save \(67108865 bytes; the limit is 64\.0 MiB\)$/,
      );
    // Text is measured in UTF-8 bytes: 32 Mi + 1 two-byte characters are over 64 MiB.
    const csv = await fileSaveRun(
      { kind: 'csv', suggestedName: 'a.csv', data: 'é'.repeat(32 * MiB + 1) },
      over.d,
    );
    expect(csv).toMatchObject({ ok: false, cancelled: false });
    if (!csv.ok) expect(csv.message).toMatch(/^this table is too large to save/);
    expect(over.opened.save).toBe(0);
  });

  it('holds a scene to the scene limit and a deck to the deck limit', async () => {
    const scene = dialogs({});
    const big = await fileSaveRun(
      { kind: 'scene', suggestedName: 'a.mlscene', data: 'x'.repeat(SCENE_LIMITS.maxBytes + 1) },
      scene.d,
    );
    expect(big).toEqual({
      ok: false,
      cancelled: false,
      message: 'this scene is too large to save (1048577 bytes; the limit is 1.0 MiB)',
    });
    expect(scene.opened.save).toBe(0);
    const deck = dialogs({});
    const sameSize = await fileSaveRun(
      { kind: 'scene', suggestedName: 'a.mldeck', data: 'x'.repeat(SCENE_LIMITS.maxBytes + 1) },
      deck.d,
    );
    expect(sameSize).toEqual({ ok: false, cancelled: true, message: 'cancelled' });
    expect(deck.opened.save).toBe(1);
  });

  it('writes a file that fits, atomically, where the dialog says', async () => {
    const target = path.join(tempDir(), 'scene.mlscene');
    const { d } = dialogs({ savePath: target });
    const out = await fileSaveRun({ kind: 'scene', suggestedName: 'scene.mlscene', data: '{}' }, d);
    expect(out).toEqual({ ok: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('{}');
  });

  it('refuses a malformed request without a dialog', async () => {
    const { d, opened } = dialogs({});
    const out = await fileSaveRun({ kind: 'exe', suggestedName: 'a', data: '' }, d);
    expect(out).toMatchObject({ ok: false, cancelled: false });
    if (!out.ok) expect(out.message).toMatch(/^invalid save request/);
    expect(opened.save).toBe(0);
  });
});

describe('file:open reads like a launch file', () => {
  it('reads a scene the dialog chose', async () => {
    const file = path.join(tempDir(), 'a.mlscene');
    writeFileSync(file, '\uFEFF{"format":"ml-math-lab-scene"}');
    const out = await fileOpenRun({ kind: 'scene' }, dialogs({ openPath: file }).d);
    expect(out).toEqual({ ok: true, path: file, text: '{"format":"ml-math-lab-scene"}' });
  });

  it('reports a cancelled dialog as cancelled', async () => {
    expect(await fileOpenRun({ kind: 'scene' }, dialogs({}).d)).toEqual({
      ok: false,
      cancelled: true,
      message: 'cancelled',
    });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a named pipe at once instead of waiting for a writer',
    async () => {
      const fifo = path.join(tempDir(), 'pipe.mlscene');
      execFileSync('mkfifo', [fifo]);
      const started = Date.now();
      const out = await fileOpenRun({ kind: 'scene' }, dialogs({ openPath: fifo }).d);
      expect(out).toEqual({
        ok: false,
        cancelled: false,
        message: `${fifo} is not a regular file`,
      });
      expect(Date.now() - started).toBeLessThan(2000);
    },
    5000,
  );

  it('refuses a deck over the limit without reading it, and names it a deck', async () => {
    const file = path.join(tempDir(), 'huge.mldeck');
    writeFileSync(file, '');
    truncateSync(file, sceneFileMaxBytes.deck + 1);
    const out = await fileOpenRun({ kind: 'scene' }, dialogs({ openPath: file }).d);
    expect(out).toMatchObject({ ok: false, cancelled: false });
    if (!out.ok)
      expect(out.message).toBe(
        `${file} is too large to be a deck (5242881 bytes; the limit is 5.0 MiB)`,
      );
  });

  it('says when the choice is a folder or not UTF-8 text', async () => {
    const dir = path.join(tempDir(), 'folder.mlscene');
    mkdirSync(dir);
    const folder = await fileOpenRun({ kind: 'scene' }, dialogs({ openPath: dir }).d);
    if (folder.ok) throw new Error('a folder was read');
    expect(folder.message).toBe(`${dir} is a folder, not a scene or deck file`);
    const bin = path.join(tempDir(), 'binary.mlscene');
    writeFileSync(bin, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    const binary = await fileOpenRun({ kind: 'scene' }, dialogs({ openPath: bin }).d);
    if (binary.ok) throw new Error('bytes were read as text');
    expect(binary.message).toContain('not valid UTF-8');
  });
});
