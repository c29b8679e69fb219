// The raw-text shape scan agrees with the parsed value: for random JSON (any spacing), a limit
// equal to the document's own depth, keys, items or entries passes and one less is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsonShapeProblem,
  jsonTopLevelString,
  type JsonShapeLimits,
} from '../../../core/scene/json-shape';

/** Depth, most keys in one object, most items in one array, and keys plus items in all. */
function shapeOf(value: unknown): JsonShapeLimits {
  const stats = { maxDepth: 0, maxKeys: 0, maxItems: 0, maxEntries: 0 };
  const walk = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null) return;
    stats.maxDepth = Math.max(stats.maxDepth, depth);
    const children = Array.isArray(v) ? v : Object.values(v);
    if (Array.isArray(v)) stats.maxItems = Math.max(stats.maxItems, v.length);
    else stats.maxKeys = Math.max(stats.maxKeys, children.length);
    stats.maxEntries += children.length;
    for (const child of children) walk(child, depth + 1);
  };
  walk(value, 1);
  return stats;
}

const spacing = fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n ');

describe('jsonShapeProblem', () => {
  it('fuzz: agrees with the parsed value on every limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), spacing, (value, space) => {
        const text = JSON.stringify(value, null, space as string | number | undefined);
        const own = shapeOf(JSON.parse(text));
        expect(jsonShapeProblem(text, own)).toBeNull();
        const kinds = { maxDepth: 'depth', maxKeys: 'keys', maxItems: 'items' } as const;
        for (const key of ['maxDepth', 'maxKeys', 'maxItems', 'maxEntries'] as const) {
          if (own[key] === 0) continue;
          const problem = jsonShapeProblem(text, { ...own, [key]: own[key] - 1 });
          expect(problem?.kind).toBe(key === 'maxEntries' ? 'entries' : kinds[key]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the container that passed a limit by its path', () => {
    const limits = { maxDepth: 3, maxKeys: 2, maxItems: 2, maxEntries: 100 };
    expect(jsonShapeProblem('{"a": [1, {"b\\"c": {"d": [0]}}]}', limits)).toEqual({
      kind: 'depth',
      path: ['a', 1, 'b"c'],
    });
    expect(jsonShapeProblem('{"a": {"x": 1, "y": [], "z": 3}}', limits)).toEqual({
      kind: 'keys',
      path: ['a'],
    });
    expect(jsonShapeProblem('[[1, 2], ["]", "[", 3]]', limits)).toEqual({
      kind: 'items',
      path: [1],
    });
    expect(jsonShapeProblem('[1, 2, 3]', limits)).toEqual({ kind: 'items', path: [] });
  });

  it('is linear: a megabyte of keys or numbers is scanned in a few milliseconds', () => {
    const limits = { maxDepth: 34, maxKeys: 1e9, maxItems: 1e9, maxEntries: 1e9 };
    const keys = `{${Array.from({ length: 100_000 }, (_, i) => `"${i}":0`).join(',')}}`;
    const numbers = `[${Array.from({ length: 500_000 }, (_, i) => i % 10).join(',')}]`;
    for (const text of [keys, numbers, keys, numbers]) {
      const t0 = performance.now();
      expect(jsonShapeProblem(text, limits)).toBeNull();
      expect(performance.now() - t0).toBeLessThan(100);
    }
    // Nesting stops at the limit, however deep the text goes.
    const t0 = performance.now();
    expect(jsonShapeProblem('['.repeat(1 << 20), limits)?.kind).toBe('depth');
    expect(performance.now() - t0).toBeLessThan(10);
  });
});

describe('jsonTopLevelString', () => {
  it('finds a top-level string without parsing, and nothing nested or malformed', () => {
    expect(jsonTopLevelString('{"format": "deck"}', 'format', 100)).toBe('deck');
    expect(jsonTopLevelString('{"a": {"format": "x"}, "format" : "y"}', 'format', 100)).toBe('y');
    expect(jsonTopLevelString('{"a": ["format", "x"], "b": 1}', 'format', 100)).toBeNull();
    expect(jsonTopLevelString('{"a": "format", "b": "x"}', 'format', 100)).toBeNull();
    expect(jsonTopLevelString('{"format": 3}', 'format', 100)).toBeNull();
    expect(jsonTopLevelString('[{"format": "x"}]', 'format', 100)).toBeNull();
    expect(jsonTopLevelString('{"x": 1, "format": "deck"}', 'format', 10)).toBeNull();
    expect(jsonTopLevelString('{"form\\u0061t": "d\\u0065ck"}', 'format', 100)).toBe('deck');
  });
});
