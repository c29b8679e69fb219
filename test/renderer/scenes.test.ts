// Scene round trip for every lab that can be saved: change its state, capture it into a scene
// file, serialise, parse with every lab's schema, apply, capture again: the params are identical.
// Also: a corrupt scene changes nothing.
import { describe, expect, it } from 'vitest';
import {
  SCENE_FORMAT,
  SCENE_VERSION,
  sceneParse,
  sceneSerialize,
  type SceneFile,
} from '../../core/scene/scene';
import { useActivationsStore } from '../../renderer/labs/activations/store';
import { DESCENT_PRESETS } from '../../renderer/labs/descent/params';
import { useDescentStore } from '../../renderer/labs/descent/store';
import { LABS } from '../../renderer/labs/registry';

const schemas = Object.fromEntries(
  LABS.filter((l) => l.toolkit).map((l) => [l.id, l.toolkit!.paramsSchema]),
);

/** Moves each lab away from its defaults, so the round trip proves something. */
const perturb: Record<string, () => void> = {
  descent: () => useDescentStore.getState().setParams({ ...DESCENT_PRESETS[1].params, seed: 42 }),
  activations: () =>
    useActivationsStore
      .getState()
      .setState((s) => ({ ...s, chain: { x0: 1.25, weight: -2 }, flow: { ...s.flow, depth: 17 } })),
};

describe('scene round trip', () => {
  it('every lab in the registry can be saved', () => {
    expect(LABS.map((l) => [l.id, !!l.toolkit])).toEqual(LABS.map((l) => [l.id, true]));
  });

  for (const lab of LABS.filter((l) => l.toolkit)) {
    it(`${lab.id}: save → open gives identical params`, () => {
      perturb[lab.id]?.();
      const before = lab.toolkit!.capture();
      const scene: SceneFile = {
        format: SCENE_FORMAT,
        version: SCENE_VERSION,
        lab: lab.id,
        params: before.params,
        seed: before.seed,
        playback: before.playback,
      };
      const text = sceneSerialize(scene);
      const parsed = sceneParse(text, schemas);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      lab.toolkit!.apply({
        params: parsed.scene.params,
        seed: parsed.scene.seed,
        playback: parsed.scene.playback,
      });
      const after = lab.toolkit!.capture();
      expect(after.params).toEqual(before.params);
      expect(after.seed).toBe(before.seed);
    });

    it(`${lab.id}: an out-of-range value is refused with its field named`, () => {
      const params = JSON.parse(JSON.stringify(lab.toolkit!.capture().params)) as Record<
        string,
        unknown
      >;
      const key = Object.keys(params)[0];
      params[key] = 'not what it should be';
      const r = sceneParse(
        JSON.stringify({
          format: SCENE_FORMAT,
          version: SCENE_VERSION,
          lab: lab.id,
          params,
          seed: 1,
        }),
        schemas,
      );
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain(key);
    });
  }
});
