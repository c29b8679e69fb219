// Scene and deck files from the operating system: picking them from a command line, and reading
// them (real temporary files) with the size limit and clear messages.
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sceneFileMaxBytes } from '../../electron/main/file-limits';
import {
  launchFileKind,
  launchFileRead,
  launchFilesFromArgv,
} from '../../electron/main/launch-files';

const cwd = path.resolve(os.tmpdir(), 'mllab-cwd');
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'mllab-launch-'));

describe('launchFilesFromArgv', () => {
  it('finds nothing on a plain launch, packaged or not', () => {
    expect(launchFilesFromArgv(['/opt/ML Math Lab/ml-math-lab'], cwd)).toEqual([]);
    expect(launchFilesFromArgv(['/x/node_modules/electron/dist/electron', '.'], cwd)).toEqual([]);
    expect(launchFilesFromArgv([], cwd)).toEqual([]);
  });

  it('keeps scene and deck paths and skips the executable, the app path and switches', () => {
    const argv = [
      '/x/electron',
      '--inspect=5858',
      '/x/app/out/main/index.js',
      '--allow-file-access-from-files',
      '/home/ana/lecture.mldeck',
      '-psn_0_1234',
      'notes.txt',
      '/home/ana/descent.mlscene',
      '--original-process-start-time=1234',
    ];
    expect(launchFilesFromArgv(argv, cwd)).toEqual([
      path.resolve('/home/ana/lecture.mldeck'),
      path.resolve('/home/ana/descent.mlscene'),
    ]);
  });

  it('never takes the executable itself, whatever its name', () => {
    expect(launchFilesFromArgv(['/odd/app.mlscene', 'a.mlscene'], cwd)).toEqual([
      path.join(cwd, 'a.mlscene'),
    ]);
  });

  it('resolves relative paths against the launch’s working directory', () => {
    expect(launchFilesFromArgv(['app', 'scenes/a.mlscene', '../b.mldeck'], cwd)).toEqual([
      path.join(cwd, 'scenes', 'a.mlscene'),
      path.resolve(cwd, '..', 'b.mldeck'),
    ]);
  });

  it('decodes file:// URLs and skips other URLs', () => {
    const file = path.join(tempDir(), 'my lecture é.mldeck');
    const url = pathToFileURL(file).href;
    expect(url).toContain('%20');
    expect(
      launchFilesFromArgv(['app', url, 'https://example.com/x.mlscene', 'file:bad'], cwd),
    ).toEqual([file]);
  });

  it('matches extensions in any letter case and lists each file once', () => {
    expect(
      launchFilesFromArgv(['app', 'A.MLSCENE', 'a.mlscene.bak', 'A.MLSCENE', 'x.MlDeck'], cwd),
    ).toEqual([path.join(cwd, 'A.MLSCENE'), path.join(cwd, 'x.MlDeck')]);
  });

  it('after a bare --, a name that starts with a dash is a file', () => {
    expect(launchFilesFromArgv(['app', '-a.mlscene', '--', '-b.mlscene'], cwd)).toEqual([
      path.join(cwd, '-b.mlscene'),
    ]);
  });
});

describe('launchFileKind', () => {
  it('tells a scene from a deck by extension', () => {
    expect(launchFileKind('/a/b.mlscene')).toBe('scene');
    expect(launchFileKind('/a/b.MLDECK')).toBe('deck');
    expect(launchFileKind('/a/b.json')).toBeNull();
    expect(launchFileKind('/a/mlscene')).toBeNull();
  });
});

describe('launchFileRead', () => {
  it('reads a scene and a deck as text, dropping a byte-order mark', async () => {
    const dir = tempDir();
    const scene = path.join(dir, 'a.mlscene');
    const deck = path.join(dir, 'b.mldeck');
    writeFileSync(scene, '{"format":"ml-math-lab-scene","title":"α"}');
    writeFileSync(deck, '\uFEFF{"format":"ml-math-lab-deck"}');
    expect(await launchFileRead(scene)).toEqual({
      ok: true,
      path: scene,
      kind: 'scene',
      text: '{"format":"ml-math-lab-scene","title":"α"}',
    });
    expect(await launchFileRead(deck)).toEqual({
      ok: true,
      path: deck,
      kind: 'deck',
      text: '{"format":"ml-math-lab-deck"}',
    });
  });

  it('reads an empty file as empty text (the scene parser reports it)', async () => {
    const file = path.join(tempDir(), 'empty.mlscene');
    writeFileSync(file, '');
    expect(await launchFileRead(file)).toMatchObject({ ok: true, text: '' });
  });

  it('says when the file does not exist', async () => {
    const file = path.join(tempDir(), 'gone.mlscene');
    expect(await launchFileRead(file)).toEqual({
      ok: false,
      path: file,
      message: `${file} does not exist`,
    });
  });

  it('says when the path is a folder', async () => {
    const dir = path.join(tempDir(), 'folder.mldeck');
    mkdirSync(dir);
    const result = await launchFileRead(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`${dir} is a folder, not a scene or deck file`);
  });

  it('refuses other extensions without reading them', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    writeFileSync(file, 'hello');
    const result = await launchFileRead(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not an ML Math Lab scene .* or deck/);
  });

  it('refuses a file over the limit, and accepts one exactly at it', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.mlscene');
    const fits = path.join(dir, 'fits.mlscene');
    writeFileSync(big, 'x'.repeat(101));
    writeFileSync(fits, 'x'.repeat(100));
    const result = await launchFileRead(big, 100);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toBe(
        `${big} is too large to be a scene (101 bytes; the limit is 100 bytes)`,
      );
    expect(await launchFileRead(fits, 100)).toMatchObject({ ok: true, text: 'x'.repeat(100) });
  });

  it('holds scenes and decks to the scene readers’ limits, without reading a file over them', async () => {
    expect(sceneFileMaxBytes).toEqual({ scene: 1024 * 1024, deck: 5 * 1024 * 1024 });
    const dir = tempDir();
    const deck = path.join(dir, 'huge.mldeck');
    const scene = path.join(dir, 'big.mlscene');
    const deckSized = path.join(dir, 'deck-sized.mldeck');
    for (const [file, size] of [
      [deck, sceneFileMaxBytes.deck + 1],
      [scene, sceneFileMaxBytes.scene + 1],
      [deckSized, sceneFileMaxBytes.scene + 1],
    ] as const) {
      writeFileSync(file, '');
      truncateSync(file, size);
    }
    const tooBigDeck = await launchFileRead(deck);
    if (tooBigDeck.ok) throw new Error('an oversized deck was read');
    expect(tooBigDeck.message).toBe(
      `${deck} is too large to be a deck (5242881 bytes; the limit is 5.0 MiB)`,
    );
    const tooBigScene = await launchFileRead(scene);
    if (tooBigScene.ok) throw new Error('an oversized scene was read');
    expect(tooBigScene.message).toBe(
      `${scene} is too large to be a scene (1048577 bytes; the limit is 1.0 MiB)`,
    );
    // A deck may be larger than a scene (its NUL bytes are valid UTF-8 text).
    expect(await launchFileRead(deckSized)).toMatchObject({ ok: true });
  });

  it('says when the file is not UTF-8 text', async () => {
    const file = path.join(tempDir(), 'binary.mlscene');
    writeFileSync(file, new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d]));
    const result = await launchFileRead(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('not valid UTF-8');
  });

  it.skipIf(process.platform === 'win32')('refuses a named pipe instead of blocking', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = path.join(tempDir(), 'pipe.mlscene');
    execFileSync('mkfifo', [fifo]);
    const result = await launchFileRead(fifo);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(`${fifo} is not a regular file`);
  });
});
