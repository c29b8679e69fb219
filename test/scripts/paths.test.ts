// Paths that differ only in case are one file on macOS and Windows (where dist:mac and dist:win
// build), so an import can resolve to the wrong one there. None may exist in the repository.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Groups of paths (and their folders) that are equal when case is ignored. */
export function caseClashes(paths: readonly string[]): string[][] {
  const all = new Set<string>();
  for (const p of paths) {
    const parts = p.split('/');
    for (let k = 1; k <= parts.length; k++) all.add(parts.slice(0, k).join('/'));
  }
  const byLower = new Map<string, string[]>();
  for (const p of all) byLower.set(p.toLowerCase(), [...(byLower.get(p.toLowerCase()) ?? []), p]);
  return [...byLower.values()].filter((g) => g.length > 1);
}

describe('paths that differ only in case', () => {
  it('the check finds a clash in a file name and in a folder name', () => {
    expect(caseClashes(['a/Equations.tsx', 'a/equations.ts'])).toEqual([]);
    expect(caseClashes(['a/Equations.ts', 'a/equations.ts'])).toEqual([
      ['a/Equations.ts', 'a/equations.ts'],
    ]);
    expect(caseClashes(['Labs/x.ts', 'labs/y.ts'])).toEqual([['Labs', 'labs']]);
  });

  it('no two tracked or new files clash', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    // Module imports resolve without the extension, so compare names without it too.
    const modules = files.map((f) => f.replace(/\.(tsx?|jsx?|mjs)$/, ''));
    expect(caseClashes(files)).toEqual([]);
    expect(caseClashes(modules)).toEqual([]);
  });
});
