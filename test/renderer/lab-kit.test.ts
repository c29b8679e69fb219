// What a new lab gets from its definition (the "add a lab" example in docs/ARCHITECTURE.md): a
// store with params, stories and `applied`, and a toolkit whose scenes carry the seed once.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineLab, labSeedSchema, type LabPreset } from '../../core/labs/define';
import { labStoreCreate, labToolkitCreate } from '../../renderer/labs/lab-kit';

const softmaxParamsSchema = z.object({
  logits: z.array(z.number().finite().min(-50).max(50)).min(2).max(10),
  temperature: z.number().min(0.05).max(20),
  view: z.enum(['bars', 'simplex']),
  seed: labSeedSchema,
});
type SoftmaxParams = z.infer<typeof softmaxParamsSchema>;
const presets: LabPreset<SoftmaxParams>[] = [
  { id: 'cold', title: 'Cold', story: 'Nearly argmax.', params: { temperature: 0.1 } },
];
const softmaxLab = defineLab({
  id: 'softmax-example',
  title: 'Softmax',
  summary: 'Example.',
  params: softmaxParamsSchema,
  defaults: { logits: [2, 1, 0.1], temperature: 1, view: 'bars', seed: 1 },
  presets,
  presetKeeps: ['view'],
  seedPath: ['seed'],
  sims: [],
});

describe('a lab generated from its definition', () => {
  const store = labStoreCreate(softmaxLab, () => ({ hover: null as number | null }));
  const applied: number[] = [];
  const toolkit = labToolkitCreate(softmaxLab, store, {
    onApply: () => ({ hover: null }),
    afterApply: (snap) => applied.push(snap.seed),
  });

  it('the store starts at the defaults and holds the lab’s own view state', () => {
    const s = store.getState();
    expect(s.params).toEqual(softmaxLab.defaults);
    expect(s.hover).toBeNull();
    expect(s.storyId).toBeNull();
    s.setParams({ temperature: 3 });
    s.setParams((p) => ({ ...p, view: 'simplex' }));
    expect(store.getState().params).toMatchObject({ temperature: 3, view: 'simplex' });
  });

  it('a story sets its keys, keeps the kept ones, resets the rest', () => {
    store.getState().setParams({ logits: [0, 0, 5] });
    store.getState().storyApply('cold');
    const s = store.getState();
    expect(s.storyId).toBe('cold');
    expect(s.params).toEqual({ logits: [2, 1, 0.1], temperature: 0.1, view: 'simplex', seed: 1 });
  });

  it('capture leaves the seed out of params; apply puts it back, bumps `applied`, runs the hooks', () => {
    store.setState({ hover: 2 });
    const snap = toolkit.capture();
    expect(snap).toEqual({
      params: { logits: [2, 1, 0.1], temperature: 0.1, view: 'simplex' },
      seed: 1,
      playback: undefined,
    });
    const before = store.getState().applied;
    expect(toolkit.apply({ ...snap, seed: 77 })).toEqual({ ok: true });
    const s = store.getState();
    expect(s.params.seed).toBe(77);
    expect(s.applied).toBe(before + 1);
    expect(s.storyId).toBeNull();
    expect(s.hover).toBeNull();
    expect(applied).toEqual([77]);
  });

  it('refuses params outside the schema and changes nothing', () => {
    const before = store.getState();
    const params = { ...(toolkit.capture().params as object), temperature: 0 };
    const r = toolkit.apply({ params, seed: 1 });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^temperature: /) });
    expect(store.getState()).toBe(before);
  });
});
