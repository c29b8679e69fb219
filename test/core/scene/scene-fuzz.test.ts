// Property tests: reading never throws, garbage is never accepted, and valid scenes round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deckParse } from '../../../core/scene/deck';
import { jsonErrorOffset } from '../../../core/scene/json-locate';
import {
  sceneParse,
  sceneSerialize,
  sceneValidate,
  type SceneFile,
} from '../../../core/scene/scene';
import { sceneUrlDecode, sceneUrlEncode } from '../../../core/scene/scene-url';
import { descentScene, labs } from './fixtures';

/** Expects a failed result with a non-empty message; returns nothing (throws on ok). */
function refused(result: { ok: boolean; message?: string }) {
  expect(result.ok).toBe(false);
  expect(typeof result.message === 'string' && result.message.length > 0).toBe(true);
}

/** A finite double, with −0 folded to 0 (JSON cannot tell them apart). */
const coord = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));

/** Arbitrary valid scenes of the neural-net lab, with every optional field sometimes present. */
const validScene: fc.Arbitrary<SceneFile> = fc
  .record(
    {
      params: fc.record({
        layers: fc.array(fc.integer({ min: 1, max: 512 }), { minLength: 1, maxLength: 8 }),
        activation: fc.constantFrom('relu', 'tanh', 'sigmoid'),
      }),
      camera: fc.record({
        position: fc.tuple(coord, coord, coord),
        target: fc.tuple(coord, coord, coord),
      }),
      panels: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/), fc.boolean()),
      playback: fc.record({ position: fc.nat() }),
      seed: fc.maxSafeInteger(),
      title: fc.string({ unit: 'binary', maxLength: 100 }),
      savedAt: fc
        .date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    },
    { requiredKeys: ['params', 'seed'] },
  )
  .map((r) => ({ format: 'ml-math-lab-scene', version: 2, lab: 'neural-net', ...r }) as SceneFile);

describe('fuzz: reading never throws and refuses garbage', () => {
  it('random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        refused(sceneParse(text, labs));
        refused(deckParse(text, labs));
        refused(sceneUrlDecode(text, labs));
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        refused(sceneParse(text, labs));
        refused(deckParse(text, labs));
        refused(sceneValidate(value, labs));
      }),
      { numRuns: 500 },
    );
  });

  it('any JavaScript value handed to the validators', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withSet: true, withBigInt: true }), (value) => {
        refused(sceneValidate(value, labs));
        refused(sceneParse(value as string, labs));
      }),
    );
  });

  it('a valid scene with one field replaced by a random JSON value: never throws; if accepted, stable', () => {
    const fields = [
      'format',
      'version',
      'lab',
      'params',
      'camera',
      'panels',
      'playback',
      'seed',
      'title',
      'savedAt',
      'extra',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const doc: Record<string, unknown> = { ...descentScene(), [field]: value };
        const result = sceneParse(JSON.stringify(doc), labs);
        if (result.ok) {
          const text = sceneSerialize(result.scene);
          expect(sceneParse(text, labs)).toEqual(result);
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('random JSON text with one character changed: the located error agrees with JSON.parse', () => {
    fc.assert(
      fc.property(
        fc.json(),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (json, at, ch) => {
          const k = at % (json.length + 1);
          const text = json.slice(0, k) + ch + json.slice(k + 1);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const offset = jsonErrorOffset(text);
          if (valid) expect(offset).toBeNull();
          else {
            expect(offset).not.toBeNull();
            expect(offset).toBeGreaterThanOrEqual(0);
            expect(offset).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('deep nesting does not overflow', () => {
    const deep = '['.repeat(100_000);
    expect(jsonErrorOffset(deep)).toBe(100_000);
    refused(sceneParse(deep, labs));
  });
});

describe('fuzz: valid scenes round-trip', () => {
  it('through a file', () => {
    fc.assert(
      fc.property(validScene, (scene) => {
        expect(sceneParse(sceneSerialize(scene), labs)).toEqual({ ok: true, scene });
      }),
    );
  });

  it('through a link', () => {
    fc.assert(
      fc.property(validScene, (scene) => {
        const link = sceneUrlEncode(scene);
        if (!link.ok) throw new Error(link.message);
        expect(sceneUrlDecode(link.text, labs)).toEqual({ ok: true, scene });
      }),
    );
  });
});
