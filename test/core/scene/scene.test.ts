import { describe, expect, it } from 'vitest';
import {
  SCENE_VERSION,
  sceneParse,
  sceneSerialize,
  sceneValidate,
  type SceneFile,
} from '../../../core/scene/scene';
import { descentJson, descentScene, labs } from './fixtures';

/** The failure message of parsing `text` (fails the test if it parsed). */
function failure(text: string): string {
  const result = sceneParse(text, labs);
  if (result.ok)
    throw new Error(`expected a failure, got a scene: ${JSON.stringify(result.scene)}`);
  return result.message;
}

const withParams = (patch: Record<string, unknown>) =>
  descentJson({ params: { ...(descentScene().params as object), ...patch } });

describe('sceneSerialize → sceneParse', () => {
  it('gives back a deep-equal scene', () => {
    const scene = descentScene();
    const result = sceneParse(sceneSerialize(scene), labs);
    expect(result).toEqual({ ok: true, scene });
  });

  it('round-trips a minimal scene (no optional fields)', () => {
    const scene: SceneFile = {
      format: 'ml-math-lab-scene',
      version: 2,
      lab: 'neural-net',
      params: { layers: [2, 8, 1], activation: 'tanh' },
      seed: -7,
    };
    expect(sceneParse(sceneSerialize(scene), labs)).toEqual({ ok: true, scene });
  });

  it('is stable: key order does not matter, output is pretty with a final newline', () => {
    const a = descentScene();
    const b: SceneFile = {
      savedAt: a.savedAt,
      params: Object.fromEntries(Object.entries(a.params as object).reverse()),
      panels: { equations: false, 'loss-chart': true },
      seed: a.seed,
      lab: a.lab,
      version: 2,
      format: 'ml-math-lab-scene',
      title: a.title,
      playback: a.playback,
      camera: a.camera,
    };
    const text = sceneSerialize(a);
    expect(sceneSerialize(b)).toBe(text);
    expect(text.startsWith('{\n  "format": "ml-math-lab-scene",\n  "version": 2,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const again = sceneParse(text, labs);
    expect(again.ok && sceneSerialize(again.scene)).toBe(text);
  });

  it('returns the params as the lab schema outputs them', () => {
    const result = sceneParse(descentJson(), labs);
    expect(result.ok && result.scene.params).toEqual(descentScene().params);
  });
});

describe('sceneParse messages', () => {
  it('invalid JSON: says so, with line and column', () => {
    const text = '{\n  "format": "ml-math-lab-scene",\n  "version": 2,,\n  "seed": 1\n}';
    expect(failure(text)).toMatch(/^not valid JSON at line 3, column 16: /);
  });

  it('truncated JSON: points at the end', () => {
    expect(failure('{"format": "ml-math-lab-scene"')).toMatch(
      /^not valid JSON at line 1, column 31/,
    );
  });

  it('empty file', () => {
    expect(failure('  \n')).toBe('the scene file is empty');
  });

  it('not a scene file: wrong or missing format, or not an object', () => {
    expect(failure(descentJson({ format: 'excalidraw' }))).toBe(
      'not an ML Math Lab scene file (its format is "excalidraw")',
    );
    expect(failure(descentJson({ format: undefined }))).toBe(
      'not an ML Math Lab scene file (it has no "format" field)',
    );
    expect(failure('[1, 2, 3]')).toBe(
      'not an ML Math Lab scene file: expected a JSON object, got an array of 3',
    );
    expect(failure('"hello"')).toMatch(/^not an ML Math Lab scene file: expected a JSON object/);
  });

  it('a deck opened as a scene', () => {
    expect(failure('{"format": "ml-math-lab-deck", "version": 1, "scenes": []}')).toBe(
      'this is an ML Math Lab deck, not a scene: open it as a deck',
    );
  });

  it('a newer version', () => {
    expect(failure(descentJson({ version: 7 }))).toBe(
      'this scene was made by a newer version of ML Math Lab (version 7); this app reads up to 2',
    );
    expect(SCENE_VERSION).toBe(2);
  });

  it('a missing or malformed version', () => {
    expect(failure(descentJson({ version: undefined }))).toBe(
      'version: is missing (every scene file has one)',
    );
    expect(failure(descentJson({ version: '2' }))).toBe(
      'version: must be a whole number ≥ 1, got "2"',
    );
    expect(failure(descentJson({ version: 1.5 }))).toMatch(/^version: must be a whole number/);
    expect(failure(descentJson({ version: 0 }))).toMatch(/^version: must be a whole number/);
  });

  it('an unknown lab, listing the known ones', () => {
    expect(failure(descentJson({ lab: 'spectral-clustering' }))).toBe(
      'lab: unknown lab "spectral-clustering" (this app has: dataset, descent, neural-net)',
    );
    expect(failure(descentJson({ lab: 'constructor' }))).toMatch(/^lab: unknown lab "constructor"/);
  });

  it('a lab id that is not kebab-case', () => {
    expect(failure(descentJson({ lab: 'Neural_Net' }))).toBe(
      'lab: must be a kebab-case lab id such as "descent"',
    );
  });

  it('lab params out of range or of the wrong type, naming the field path', () => {
    expect(failure(withParams({ learningRate: 0 }))).toBe('params.learningRate: must be > 0');
    expect(failure(withParams({ grid: 1.5 }))).toBe('params.grid: expected an integer, got 1.5');
    expect(failure(withParams({ grid: 1 }))).toBe('params.grid: must be ≥ 2');
    expect(failure(withParams({ steps: 20_000 }))).toBe('params.steps: must be ≤ 10000');
    expect(failure(withParams({ start: [0, 'a'] }))).toBe(
      'params.start[1]: expected a number, got "a"',
    );
    expect(failure(withParams({ surface: undefined }))).toBe('params.surface: is missing');
    expect(failure(descentJson({ params: undefined }))).toBe('params: is missing');
    expect(failure(descentJson({ params: [1] }))).toBe(
      'params: expected an object, got an array of 1',
    );
  });

  it('envelope fields: types, ranges and unknown fields', () => {
    expect(failure(descentJson({ seed: undefined }))).toBe('seed: is missing');
    expect(failure(descentJson({ seed: 0.5 }))).toBe('seed: expected an integer, got 0.5');
    expect(failure(descentJson({ camera: { position: [1, 2], target: [0, 0, 0] } }))).toBe(
      'camera.position: must have at least 3 items',
    );
    expect(failure(descentJson({ playback: { position: -1 } }))).toBe(
      'playback.position: must be ≥ 0',
    );
    expect(failure(descentJson({ playback: { position: 2.5 } }))).toBe(
      'playback.position: expected an integer, got 2.5',
    );
    expect(failure(descentJson({ panels: { 'loss-chart': 'yes' } }))).toBe(
      'panels["loss-chart"]: expected true or false, got "yes"',
    );
    expect(failure(descentJson({ savedAt: 'yesterday' }))).toBe(
      'savedAt: must be an ISO 8601 date and time, e.g. 2026-01-31T12:00:00Z',
    );
    expect(failure(descentJson({ title: 'x'.repeat(201) }))).toBe(
      'title: must have at most 200 characters',
    );
    expect(failure(descentJson({ cameraa: {} }))).toBe('unknown field "cameraa"');
  });

  it('a "__proto__" key cannot reach an object prototype', () => {
    const text = descentJson().replace('"panels":{', '"panels":{"__proto__":{"polluted":true},');
    const result = sceneParse(text, labs);
    expect(result.ok).toBe(true);
    const panels = result.ok ? result.scene.panels : undefined;
    expect(panels).toEqual(descentScene().panels);
    expect(Object.getPrototypeOf(panels)).toBe(Object.prototype);
    expect(Object.hasOwn(panels ?? {}, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const top = descentJson().replace('{', '{"__proto__":{"polluted":true},');
    expect(failure(top)).toBe('unknown field "__proto__"');
  });

  it('several problems: the first three, then a count', () => {
    const text = descentJson({ seed: 'x', title: 3, savedAt: 4, playback: 5, camera: 6 });
    expect(failure(text)).toMatch(/^camera: .+; playback: .+; seed: .+; and 2 more problems$/);
  });

  it('sceneValidate reports non-JSON inputs without throwing', () => {
    for (const value of [undefined, null, 3, 'scene', () => 1, Symbol('s'), new Map()]) {
      const result = sceneValidate(value, labs);
      expect(result.ok).toBe(false);
    }
  });
});
