// The lab definition: what defineLab refuses, how stories and seeds are handled, and the one
// registry (duplicate ids refused; compute's simulations come from the labs).
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineLab,
  labParamsFromScene,
  labPresetParams,
  labSceneParams,
  labSceneSchema,
  labSeed,
  labWithSeed,
} from '../../../core/labs/define';
import {
  LAB_DEFS,
  labRegistryCreate,
  simCatalog,
  simRegistryCreate,
} from '../../../core/labs/registry';

const params = z.object({
  k: z.number().min(0).max(10),
  view: z.enum(['a', 'b']),
  run: z.object({ seed: z.number().int().min(0), depth: z.number().int().min(1).max(5) }),
});
type P = z.infer<typeof params>;
const defaults: P = { k: 1, view: 'a', run: { seed: 7, depth: 2 } };
const base = {
  id: 'toy-lab',
  title: 'Toy',
  summary: 'A lab for tests.',
  params,
  defaults,
  presets: [
    { id: 'deep', title: 'Deep', story: 'Deeper.', params: { run: { seed: 1, depth: 5 } } },
    { id: 'wide', title: 'Wide', story: 'Wider.', params: { k: 9 } },
  ],
  presetKeeps: ['view'] as const,
  seedPath: ['run', 'seed'] as ['run', 'seed'],
  sims: [],
};

describe('defineLab', () => {
  it('accepts a consistent definition', () => {
    expect(defineLab(base).id).toBe('toy-lab');
  });
  it('refuses defaults outside the schema, naming the field', () => {
    expect(() => defineLab({ ...base, defaults: { ...defaults, k: 11 } })).toThrow(/defaults.*k/);
  });
  it('refuses a story outside the schema, and two stories with one id', () => {
    const bad = { id: 'x', title: 'X', story: '.', params: { k: -1 } };
    expect(() => defineLab({ ...base, presets: [bad] })).toThrow(/story "x".*k/);
    expect(() => defineLab({ ...base, presets: [base.presets[0], base.presets[0]] })).toThrow(
      /two stories/,
    );
  });
  it('refuses a seed path that names no number, and an id that is not kebab-case', () => {
    expect(() => defineLab({ ...base, seedPath: ['run', 'nope'] as never })).toThrow(/seedPath/);
    expect(() => defineLab({ ...base, seedPath: ['view'] as never })).toThrow(/seedPath/);
    expect(() => defineLab({ ...base, id: 'Toy Lab' })).toThrow(/kebab/);
  });
});

describe('stories and seeds', () => {
  const lab = defineLab(base);
  it('a story sets its own keys, keeps the kept ones, and resets the rest to defaults', () => {
    const current: P = { k: 4, view: 'b', run: { seed: 3, depth: 4 } };
    expect(labPresetParams(lab, lab.presets[1], current)).toEqual({
      k: 9,
      view: 'b',
      run: { seed: 7, depth: 2 },
    });
  });
  it('reads and replaces a nested seed without touching the original', () => {
    expect(labSeed(lab, defaults)).toBe(7);
    const moved = labWithSeed(lab, defaults, 99);
    expect(moved.run).toEqual({ seed: 99, depth: 2 });
    expect(defaults.run.seed).toBe(7);
  });
  it('a scene stores params without the seed; its schema has no seed field', () => {
    expect(labSceneParams(lab, defaults)).toEqual({ k: 1, view: 'a', run: { depth: 2 } });
    const schema = labSceneSchema(lab);
    expect(schema.parse({ k: 1, view: 'a', run: { depth: 2, seed: 5 } })).toEqual({
      k: 1,
      view: 'a',
      run: { depth: 2 },
    });
    expect(schema.safeParse({ k: 1, view: 'a', run: {} }).success).toBe(false);
  });
  it('params from a scene take the envelope seed and are checked with it', () => {
    expect(labParamsFromScene(lab, { k: 1, view: 'a', run: { depth: 2 } }, 3)).toEqual({
      ok: true,
      params: { k: 1, view: 'a', run: { seed: 3, depth: 2 } },
    });
    const bad = labParamsFromScene(lab, { k: 1, view: 'a', run: { depth: 2 } }, -4);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/^run\.seed: /) });
    expect(labParamsFromScene(lab, 'junk', 1).ok).toBe(false);
  });
});

describe('the lab registry', () => {
  it('refuses a second lab under an id already taken', () => {
    const toy = defineLab(base);
    expect(() => labRegistryCreate([toy, { ...toy }])).toThrow(/registered twice/);
    expect(labRegistryCreate([toy]).get('toy-lab')).toBe(toy);
  });
  it('every registered lab has stories and a seed; compute serves exactly their simulations and the checks', () => {
    for (const lab of LAB_DEFS) {
      expect(lab.presets.length).toBeGreaterThan(0);
      expect(Number.isInteger(labSeed(lab, lab.defaults as never))).toBe(true);
    }
    // The labs' simulations, then the verification page's checks (core/sim/verify.ts).
    const names = [...LAB_DEFS.flatMap((l) => l.sims.map((s) => s.name)), 'verify'];
    expect(simCatalog.map((s) => s.name)).toEqual(names);
    expect(simRegistryCreate().names()).toEqual([...names].sort());
  });
});
