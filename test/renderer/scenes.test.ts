// Generated for every registered lab: random valid params (fast-check, from the lab's own schema)
// → apply → save a scene file → open it → the lab's state is the same, and the seed is stored
// once (in the envelope). Also: a corrupt scene changes nothing, and old scenes that kept the seed
// inside params still open.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labSceneParams, labSeed, labWithSeed } from '../../core/labs/define';
import { LAB_DEFS } from '../../core/labs/registry';
import {
  SCENE_FORMAT,
  SCENE_VERSION,
  sceneParse,
  sceneSerialize,
  type SceneFile,
} from '../../core/scene/scene';
import { LABS } from '../../renderer/labs/registry';
import type { LabDefinition } from '../../renderer/labs/types';
import { zodArbitrary } from '../support/zod-arbitrary';

const schemas = Object.fromEntries(LABS.map((l) => [l.id, l.toolkit.sceneSchema]));

function sceneOf(lab: LabDefinition): SceneFile {
  const snap = lab.toolkit.capture();
  return {
    format: SCENE_FORMAT,
    version: SCENE_VERSION,
    lab: lab.id,
    params: snap.params,
    seed: snap.seed,
    playback: snap.playback,
  };
}

describe('labs and their views', () => {
  it('every registered lab has a view, in registry order', () => {
    expect(LABS.map((l) => l.id)).toEqual(LAB_DEFS.map((d) => d.id));
    for (const lab of LABS) expect(lab.def).toBe(LAB_DEFS.find((d) => d.id === lab.id));
  });
});

describe.each(LABS.map((l) => [l.id, l] as const))('%s: scenes', (_id, lab) => {
  const def = lab.def;

  it('random valid params → apply → save → open → the same state', () => {
    const arb = zodArbitrary(def.params);
    let checked = 0;
    fc.assert(
      fc.property(arb, (raw) => {
        const parsed = def.params.safeParse(raw);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const params = parsed.data;
        const first = lab.toolkit.apply({
          params: labSceneParams(def, params),
          seed: labSeed(def, params),
        });
        expect(first).toEqual({ ok: true });
        // apply put exactly these params in place (not the defaults, not the previous state).
        expect(lab.toolkit.capture().params).toEqual(labSceneParams(def, params));
        const scene = sceneOf(lab);
        const opened = sceneParse(sceneSerialize(scene), schemas);
        expect(opened.ok).toBe(true);
        if (!opened.ok) return;
        expect(lab.toolkit.apply(opened.scene)).toEqual({ ok: true });
        const after = lab.toolkit.capture();
        expect(after.params).toEqual(scene.params);
        expect(after.seed).toBe(labSeed(def, params));
        checked++;
      }),
      { numRuns: 60, seed: 20261129 },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('stores the seed once: in the envelope, not inside params', () => {
    const seeded = labWithSeed(def, def.defaults, 987654);
    lab.toolkit.apply({ params: labSceneParams(def, seeded), seed: 987654 });
    const text = sceneSerialize(sceneOf(lab));
    expect(text.match(/987654/g)).toHaveLength(1);
    expect(JSON.parse(text).seed).toBe(987654);
  });

  it('opens a scene saved with the seed inside params; the envelope seed wins', () => {
    const old = {
      format: SCENE_FORMAT,
      version: SCENE_VERSION,
      lab: lab.id,
      params: labWithSeed(def, def.defaults, 5),
      seed: 6,
    };
    const r = sceneParse(JSON.stringify(old), schemas);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lab.toolkit.apply(r.scene)).toEqual({ ok: true });
    expect(lab.toolkit.capture().seed).toBe(6);
  });

  it('an out-of-range value is refused with its field named, and changes nothing', () => {
    lab.toolkit.apply({ params: labSceneParams(def, def.defaults), seed: 3 });
    const before = lab.toolkit.capture();
    const params = JSON.parse(JSON.stringify(before.params)) as Record<string, unknown>;
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
    const bad = lab.toolkit.apply({ params, seed: 1 });
    expect(bad.ok).toBe(false);
    expect(lab.toolkit.capture()).toEqual(before);
  });

  it('a negative seed is refused by check (what a deck runs on every scene) and by apply', () => {
    const snapshot = { params: labSceneParams(def, def.defaults), seed: -1 };
    expect(lab.toolkit.check({ ...snapshot, seed: 0 })).toEqual({ ok: true });
    for (const r of [lab.toolkit.check(snapshot), lab.toolkit.apply(snapshot)]) {
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/seed/);
    }
  });
});
