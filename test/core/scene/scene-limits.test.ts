// Scene, deck and link readers refuse texts that are too large — in bytes, nesting, keys per
// object, items per array or entries in all — before parsing them, and say what and the limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlEncode, utf8Encode } from '../../../core/scene/base64url';
import { deckParse, deckSerialize, type DeckFile } from '../../../core/scene/deck';
import { sceneParse, type SceneFile } from '../../../core/scene/scene';
import { DECK_LIMITS, SCENE_LIMITS, utf8Length } from '../../../core/scene/scene-limits';
import { sceneOrDeckParse } from '../../../core/scene/scene-open';
import { sceneUrlDecode } from '../../../core/scene/scene-url';
import { descentScene, labs } from './fixtures';

const MB = 1024 * 1024;

/** `n` keys k0 … k(n−1), each with a small number. */
function manyKeys(n: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < n; i++) out[`k${i}`] = i;
  return out;
}

/** The descent scene's text with `extra` merged into its params. */
function descentWith(extra: Record<string, unknown>): string {
  const scene = descentScene();
  return JSON.stringify({ ...scene, params: { ...(scene.params as object), ...extra } });
}

/** A reader's outcome, as far as these tests look at it. */
type Read = () => { ok: boolean; message?: string };

/** Runs `read` and returns its result with the milliseconds it took. */
function timed<T>(read: () => T): { result: T; ms: number } {
  const t0 = performance.now();
  const result = read();
  return { result, ms: performance.now() - t0 };
}

function refusal(result: { ok: boolean; message?: string }): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.message ?? '';
}

describe('scene size limits', () => {
  it('a scene of over 14 MB with a million keys is refused in under 100 ms, in words', () => {
    const text = descentWith(manyKeys(1_000_000));
    expect(text.length).toBeGreaterThan(14 * MB);
    const mb = (text.length / MB).toFixed(1);
    const reads: Read[] = [() => sceneParse(text, labs), () => sceneOrDeckParse(text, labs)];
    for (const read of reads) {
      const { result, ms } = timed(read);
      expect(refusal(result)).toBe(`this scene file is ${mb} MB; scenes are at most 1 MB`);
      expect(ms).toBeLessThan(100);
    }
  });

  it('a 3–4 MB deck with 300,000 keys is refused in under 100 ms', () => {
    const scene = JSON.parse(descentWith(manyKeys(300_000))) as SceneFile;
    const text = JSON.stringify({ format: 'ml-math-lab-deck', version: 1, scenes: [scene] });
    expect(text.length).toBeGreaterThan(3 * MB);
    expect(text.length).toBeLessThan(5 * MB);
    const reads: Read[] = [() => deckParse(text, labs), () => sceneOrDeckParse(text, labs)];
    for (const read of reads) {
      const { result, ms } = timed(read);
      expect(refusal(result)).toBe(
        'scenes[0].params has more than 1,000 keys; an object in a deck has at most 1,000',
      );
      expect(ms).toBeLessThan(100);
    }
  });

  it('keys in one object: 100,000 in under 1 MB', () => {
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [i.toString(36), 0]));
    const text = descentWith(keys);
    expect(text.length).toBeLessThan(MB);
    expect(refusal(sceneParse(text, labs))).toBe(
      'params has more than 1,000 keys; an object in a scene has at most 1,000',
    );
  });

  it('items in one array, and keys and items in all', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => i % 10);
    const dataset = { format: 'ml-math-lab-scene', version: 2, lab: 'dataset', seed: 1 };
    expect(refusal(sceneParse(JSON.stringify({ ...dataset, params: { points } }), labs))).toBe(
      'params.points has more than 10,000 items; an array in a scene has at most 10,000',
    );
    const lists = Array.from({ length: 11 }, () => points.slice(0, 9_500));
    expect(refusal(sceneParse(descentWith({ lists }), labs))).toBe(
      'this scene has more than 100,000 keys and array items in all; a scene has at most 100,000',
    );
  });

  it('nesting: deeply nested arrays and objects are refused with where they go too deep', () => {
    const arrays = descentScene() as unknown as Record<string, unknown>;
    const deepArrays = JSON.stringify({ ...arrays, params: 0 }).replace(
      '"params":0',
      `"params":${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    const { result, ms } = timed(() => sceneParse(deepArrays, labs));
    expect(refusal(result)).toBe(
      'params[0][0][0][0][0]… is nested more than 32 levels deep; a scene nests at most 32 levels',
    );
    expect(ms).toBeLessThan(100);
    const deepObjects = descentWith({ a: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) });
    expect(refusal(sceneParse(deepObjects, labs))).toBe(
      'params.a.a.a.a.a… is nested more than 32 levels deep; a scene nests at most 32 levels',
    );
  });

  it('exactly at each limit is allowed (the refusal is the schema’s, not the size check’s)', () => {
    const nest = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // The envelope is level 1, so params may nest 31 more.
    const at = sceneParse(
      descentWith({}).replace('"params":{', `"params":${nest(31)},"x":{`),
      labs,
    );
    expect(refusal(at)).not.toMatch(/nested/);
    const over = sceneParse(
      descentWith({}).replace('"params":{', `"params":${nest(32)},"x":{`),
      labs,
    );
    expect(refusal(over)).toMatch(/is nested more than 32 levels deep/);
    const dataset = { format: 'ml-math-lab-scene', version: 2, lab: 'dataset', seed: 1 };
    const points = Array.from({ length: 10_000 }, (_, i) => i / 8);
    expect(sceneParse(JSON.stringify({ ...dataset, params: { points } }), labs).ok).toBe(true);
    // The descent params have 6 keys of their own.
    expect(sceneParse(descentWith(manyKeys(1_000 - 6)), labs).ok).toBe(true);
    expect(refusal(sceneParse(descentWith(manyKeys(1_000 - 5)), labs))).toMatch(/^params has more/);
  });

  it('sizes are UTF-8 bytes, and rounding never hides the excess', () => {
    const euros = descentWith({}).replace('"title":"', `"title":"${'€'.repeat(400_000)}`);
    expect(euros.length).toBeLessThan(MB);
    expect(refusal(sceneParse(euros, labs))).toMatch(
      /^this scene file is 1\.1 MB; scenes are at most 1 MB$/,
    );
    const base = JSON.stringify({ ...descentScene(), title: '' });
    const justOver = base.replace('"title":"', `"title":"${'x'.repeat(MB + 1 - base.length)}`);
    expect(justOver.length).toBe(MB + 1);
    expect(refusal(sceneParse(justOver, labs))).toBe(
      'this scene file is 1,048,577 bytes; scenes are at most 1 MB',
    );
  });

  it('utf8Length counts what an encoder writes (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
        expect(utf8Length(text)).toBe(utf8Encode(text).length);
      }),
      { numRuns: 500 },
    );
    expect(utf8Length('a€😀\ud800')).toBe(1 + 3 + 4 + 3);
  });

  it('a deck over 5 MB is refused by its size', () => {
    const text = JSON.stringify({
      format: 'ml-math-lab-deck',
      version: 1,
      scenes: [{ ...descentScene(), title: 'x'.repeat(6 * MB) }],
    });
    const { result, ms } = timed(() => sceneOrDeckParse(text, labs));
    expect(refusal(result)).toBe(
      `this deck file is ${(text.length / MB).toFixed(1)} MB; decks are at most 5 MB`,
    );
    expect(ms).toBeLessThan(100);
  });

  it('a link whose scene nests too deeply is refused by the same limits', () => {
    const json = JSON.stringify({ ...descentScene(), params: 0 }).replace(
      '"params":0',
      `"params":${'['.repeat(2000)}${']'.repeat(2000)}`,
    );
    const link = base64urlEncode(utf8Encode(json));
    expect(refusal(sceneUrlDecode(link, labs))).toBe(
      'params[0][0][0][0][0]… is nested more than 32 levels deep; a scene nests at most 32 levels',
    );
  });

  it('a long list of unknown fields is cut short', () => {
    const text = JSON.stringify({ ...descentScene(), ...manyKeys(900) });
    expect(refusal(sceneParse(text, labs))).toBe(
      'unknown fields "k0", "k1", "k2", "k3", "k4", and 895 more',
    );
  });

  it('the limits are what the messages say', () => {
    expect(SCENE_LIMITS).toMatchObject({ maxBytes: MB, maxDepth: 32, maxKeys: 1_000 });
    expect(DECK_LIMITS).toMatchObject({ maxBytes: 5 * MB, maxDepth: 34, maxEntries: 500_000 });
  });
});

describe('big decks within the limits still open', () => {
  /** 500 dataset scenes of `points` numbers each, pretty-printed as the app saves decks. */
  function bigDeck(points: number): DeckFile {
    const scene = (i: number): SceneFile => ({
      format: 'ml-math-lab-scene',
      version: 2,
      lab: 'dataset',
      params: { points: Array.from({ length: points }, (_, k) => (k * 7 + i) % 1000) },
      seed: i,
      title: `Scene ${i + 1}`,
    });
    return {
      format: 'ml-math-lab-deck',
      version: 1,
      title: 'Big lecture',
      scenes: Array.from({ length: 500 }, (_, i) => scene(i)),
    };
  }

  it('500 scenes, 3–5 MB, 250,000 numbers: opened whole, as a deck', () => {
    const deck = bigDeck(500);
    const text = deckSerialize(deck);
    expect(text.length).toBeGreaterThan(3 * MB);
    expect(text.length).toBeLessThan(5 * MB);
    expect(deckParse(text, labs)).toEqual({ ok: true, deck });
    const opened = sceneOrDeckParse(text, labs);
    expect(opened.ok && opened.kind === 'deck' && opened.deck.scenes.length).toBe(500);
  });

  it('finds the format wherever it is, even written with escapes', () => {
    const deck = { version: 1, scenes: [descentScene()], format: 'ml-math-lab-deck' };
    const late = sceneOrDeckParse(JSON.stringify(deck, null, 1), labs);
    expect(late.ok && late.kind).toBe('deck');
    const escaped = JSON.stringify(deck).replace('"format"', '"\\u0066ormat"');
    expect(JSON.parse(escaped)).toEqual(deck);
    const read = sceneOrDeckParse(escaped, labs);
    expect(read.ok && read.kind).toBe('deck');
    const scene = sceneOrDeckParse(JSON.stringify(descentScene()), labs);
    expect(scene.ok && scene.kind).toBe('scene');
    expect(refusal(sceneOrDeckParse('[1, 2]', labs))).toBe(
      'not an ML Math Lab scene file: expected a JSON object, got an array of 2',
    );
    expect(refusal(sceneOrDeckParse('{"format": "ml-math-lab-deck", ', labs))).toMatch(
      /^not valid JSON at line 1/,
    );
  });
});
