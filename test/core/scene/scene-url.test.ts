import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64urlDecode,
  base64urlEncode,
  utf8Decode,
  utf8Encode,
} from '../../../core/scene/base64url';
import type { SceneFile } from '../../../core/scene/scene';
import { SCENE_URL_MAX_CHARS, sceneUrlDecode, sceneUrlEncode } from '../../../core/scene/scene-url';
import { descentScene, labs } from './fixtures';

function encode(scene: SceneFile): string {
  const result = sceneUrlEncode(scene);
  if (!result.ok) throw new Error(result.message);
  return result.text;
}

const linkOf = (value: unknown) =>
  base64urlEncode(utf8Encode(typeof value === 'string' ? value : JSON.stringify(value)));

describe('scene links', () => {
  it('round-trip a scene, non-ASCII title included, in URL-safe characters', () => {
    const scene = { ...descentScene(), title: 'Ландшафт потерь — η = 0.01 🎓 日本語 “quoted”' };
    const text = encode(scene);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sceneUrlDecode(text, labs)).toEqual({ ok: true, scene });
  });

  it('equal scenes give equal links (canonical key order)', () => {
    const a = descentScene();
    const b = { ...a, params: Object.fromEntries(Object.entries(a.params as object).reverse()) };
    expect(encode(b)).toBe(encode(a));
  });

  it('refuses to encode a scene beyond the length limit, in words', () => {
    const big: SceneFile = {
      format: 'ml-math-lab-scene',
      version: 2,
      lab: 'dataset',
      params: { points: Array.from({ length: 3000 }, (_, i) => i / 7) },
      seed: 1,
    };
    const result = sceneUrlEncode(big);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      new RegExp(
        `^this scene is too large for a link \\(\\d+ characters; the limit is ${SCENE_URL_MAX_CHARS}\\): save it as a file instead$`,
      ),
    );
  });

  it('decoding: too long, damaged, not UTF-8, not JSON, not a scene', () => {
    expect(sceneUrlDecode('A'.repeat(SCENE_URL_MAX_CHARS + 1), labs)).toEqual({
      ok: false,
      message: `the link is too long to hold a scene (${SCENE_URL_MAX_CHARS + 1} characters; the limit is ${SCENE_URL_MAX_CHARS})`,
    });
    expect(sceneUrlDecode('', labs)).toEqual({ ok: false, message: 'the link holds no scene' });
    expect(sceneUrlDecode('eyJh%3D', labs)).toEqual({
      ok: false,
      message: 'the scene link is damaged: "%" at position 5 is not a base64url character',
    });
    expect(sceneUrlDecode(base64urlEncode(Uint8Array.of(0x7b, 0xff, 0x7d)), labs)).toEqual({
      ok: false,
      message: 'the scene link is damaged: not valid UTF-8 (byte 1)',
    });
    const notJson = sceneUrlDecode(linkOf('{"format": '), labs);
    expect(!notJson.ok && notJson.message).toMatch(
      /^the scene link is damaged: not valid JSON at line 1/,
    );
    expect(sceneUrlDecode(linkOf({ format: 'ml-math-lab-deck', version: 1 }), labs)).toEqual({
      ok: false,
      message: 'this is an ML Math Lab deck, not a scene: open it as a deck',
    });
    expect(sceneUrlDecode(linkOf({ ...descentScene(), version: 3 }), labs)).toMatchObject({
      ok: false,
      message: expect.stringContaining('made by a newer version of ML Math Lab (version 3)'),
    });
  });
});

/** Random bytes, or UTF-8 of a random string cut at a random point (often mid-sequence). */
const bytesMaybeUtf8 = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.tuple(fc.string({ unit: 'binary', maxLength: 20 }), fc.nat()).map(([s, cut]) => {
    const bytes = Buffer.from(s, 'utf8');
    return Uint8Array.from(bytes.subarray(0, cut % (bytes.length + 1)));
  }),
);

describe('base64url and UTF-8 (pure TypeScript)', () => {
  it("base64url agrees with Node's encoder both ways", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64urlDecode(text)).toEqual({ ok: true, value: bytes });
      }),
    );
  });

  it('base64url decoding refuses impossible lengths and stray bits', () => {
    expect(base64urlDecode('A').ok).toBe(false);
    expect(base64urlDecode('AB').ok).toBe(false); // 'B' leaves non-zero unused bits
    expect(base64urlDecode('AA')).toEqual({ ok: true, value: Uint8Array.of(0) });
    expect(base64urlDecode('AA==').ok).toBe(false); // no padding in base64url here
  });

  it('UTF-8 encoding agrees with Node (lone surrogates become U+FFFD in both)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(Buffer.from(utf8Encode(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
    );
  });

  it('UTF-8 round-trips any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('UTF-8 decoding accepts exactly what a fatal TextDecoder accepts', () => {
    const reference = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(bytesMaybeUtf8, (bytes) => {
        let expected: string | null = null;
        try {
          expected = reference.decode(bytes);
        } catch {
          expected = null;
        }
        const got = utf8Decode(bytes);
        expect(got.ok ? got.value : null).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
