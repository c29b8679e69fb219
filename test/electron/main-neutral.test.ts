// The process-neutral parts of main: atomic writes and IPC payload validation (the URL policy and
// the CSP are in security.test.ts).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileRequestSchema, saveFileRequestSchema } from '../../core/protocol/app-ipc-schemas';
import { fileWriteAtomic } from '../../electron/main/atomic-write';

describe('fileWriteAtomic', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mllab-'));
    const target = path.join(dir, 'a.mlscene');
    writeFileSync(target, 'old contents');
    await fileWriteAtomic(target, '{"version":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"version":1}');
    await fileWriteAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['a.mlscene']);
  });

  it('keeps the old file when the write cannot complete', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mllab-'));
    const target = path.join(dir, 'missing-dir', 'b.mlscene');
    await expect(fileWriteAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('IPC payload validation', () => {
  it('accepts a well-formed save request and refuses paths and unknown kinds', () => {
    expect(
      saveFileRequestSchema.safeParse({ kind: 'scene', suggestedName: 'a.mlscene', data: '{}' })
        .success,
    ).toBe(true);
    expect(
      saveFileRequestSchema.safeParse({ kind: 'scene', suggestedName: '../etc/passwd', data: '' })
        .success,
    ).toBe(false);
    expect(
      saveFileRequestSchema.safeParse({ kind: 'exe', suggestedName: 'a', data: '' }).success,
    ).toBe(false);
    expect(
      saveFileRequestSchema.safeParse({ kind: 'png', suggestedName: 'a.png', data: 5 }).success,
    ).toBe(false);
    expect(openFileRequestSchema.safeParse({ kind: 'scene' }).success).toBe(true);
    expect(openFileRequestSchema.safeParse(null).success).toBe(false);
  });
});
