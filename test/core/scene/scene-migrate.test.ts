import { describe, expect, it } from 'vitest';
import { SCENE_VERSION, sceneParse, sceneSerialize } from '../../../core/scene/scene';
import { SCENE_MIGRATIONS, sceneMigrate } from '../../../core/scene/scene-migrate';
import { descentScene, labs } from './fixtures';

const v1 = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'ml-math-lab-scene',
    version: 1,
    lab: 'descent',
    params: descentScene().params,
    camera: { x: 2, y: 3, z: 4 },
    seed: 9,
    ...patch,
  });

describe('scene migration', () => {
  it('reads a version 1 scene as version 2: the camera looks at the origin', () => {
    const result = sceneParse(v1(), labs);
    expect(result).toEqual({
      ok: true,
      scene: {
        format: 'ml-math-lab-scene',
        version: 2,
        lab: 'descent',
        params: descentScene().params,
        camera: { position: [2, 3, 4], target: [0, 0, 0] },
        seed: 9,
      },
    });
  });

  it('a version 1 scene without a camera has none after migration', () => {
    const result = sceneParse(v1({ camera: undefined }), labs);
    expect(result.ok && result.scene.camera).toBeUndefined();
    expect(result.ok && result.scene.version).toBe(2);
  });

  it('a migrated scene is saved as version 2 and reads back unchanged', () => {
    const first = sceneParse(v1(), labs);
    if (!first.ok) throw new Error(first.message);
    const text = sceneSerialize(first.scene);
    expect(JSON.parse(text).version).toBe(2);
    expect(sceneParse(text, labs)).toEqual(first);
  });

  it('checks version 1 against its own schema, and says so', () => {
    expect(sceneParse(v1({ camera: { x: 'a', y: 0, z: 0 } }), labs)).toEqual({
      ok: false,
      message: 'version 1 scene: camera.x: expected a number, got "a"',
    });
    expect(sceneParse(v1({ panels: { equations: true } }), labs)).toEqual({
      ok: false,
      message: 'version 1 scene: unknown field "panels"',
    });
    expect(sceneParse(v1({ seed: undefined }), labs)).toEqual({
      ok: false,
      message: 'version 1 scene: seed: is missing',
    });
  });

  it('after migration, the lab and its params are checked as for version 2', () => {
    const bad = { ...(descentScene().params as object), learningRate: -1 };
    expect(sceneParse(v1({ params: bad }), labs)).toEqual({
      ok: false,
      message: 'params.learningRate: must be > 0',
    });
    expect(sceneParse(v1({ lab: 'optics' }), labs)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^lab: unknown lab "optics"/),
    });
  });

  it('the migration path is explicit and complete: 1 → 2 → … → SCENE_VERSION', () => {
    expect(SCENE_MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: SCENE_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it('a version with no migration step is refused in words', () => {
    expect(sceneMigrate({ version: 0 }, SCENE_VERSION)).toEqual({
      ok: false,
      message: 'version 0 scene files are not supported',
    });
    const current = { version: SCENE_VERSION, anything: true };
    expect(sceneMigrate(current, SCENE_VERSION)).toEqual({ ok: true, value: current });
  });
});
