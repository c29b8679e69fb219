// A story's caption describes one exact race; once the race changes, the caption must say so.
import { describe, expect, it } from 'vitest';
import { SURFACES } from '../../../core/ml/surfaces';
import { labPresetParams } from '../../../core/labs/define';
import { descentLab } from '../../../core/labs/descent/lab';
import type { DescentParams } from '../../../core/labs/descent/params';
import { DESCENT_PRESETS, type DescentPreset } from '../../../core/labs/descent/presets';
import { descentStoryShown } from '../../../core/labs/descent/story';

const descentPresetParams = (p: DescentPreset, current: DescentParams) =>
  labPresetParams(descentLab, p, current);

const base: DescentParams = {
  ...DESCENT_PRESETS[0].params,
  heightScale: 'log',
  speed: 60,
  mesh: 0,
};
const storyParams = (id: string) =>
  descentPresetParams(
    DESCENT_PRESETS.find((p) => p.id === id)!,
    base,
  );

describe('Descent story captions', () => {
  it('every story is current right after it is chosen', () => {
    for (const p of DESCENT_PRESETS) {
      expect(descentStoryShown(p.id, descentPresetParams(p, base))).toEqual({
        preset: p,
        state: 'current',
      });
    }
  });

  it('choosing the narrow valley and then another surface marks the caption as changed', () => {
    const valley = storyParams('valley');
    const rosen = SURFACES.find((s) => s.id === 'rosenbrock')!;
    const moved: DescentParams = {
      ...valley,
      surface: { kind: 'builtin', id: rosen.id, params: { ...rosen.paramValues } },
      start: [rosen.start.x, rosen.start.y],
    };
    expect(descentStoryShown('valley', moved)?.state).toBe('changed');
  });

  it('any race parameter moving away marks it; view options do not', () => {
    const v = storyParams('valley');
    const changes: Partial<DescentParams>[] = [
      { start: [v.start[0] + 0.1, v.start[1]] },
      { steps: v.steps + 10 },
      { seed: v.seed + 1 },
      { racers: v.racers.slice(0, 2) },
      { racers: v.racers.map((r, i) => (i === 0 ? { ...r, params: { lr: 0.03 } } : r)) },
      { racers: [...v.racers, { optimizer: 'adam', params: {} }] },
      { surface: { kind: 'builtin', id: 'ellipse', params: { kappa: 40, angle: 20 } } },
    ];
    for (const c of changes)
      expect(descentStoryShown('valley', { ...v, ...c })?.state).toBe('changed');
    for (const c of [{ heightScale: 'linear' as const }, { speed: 300 }, { mesh: 96 as const }])
      expect(descentStoryShown('valley', { ...v, ...c })?.state).toBe('current');
  });

  it('a parameter set explicitly to its default is the same race', () => {
    const r = storyParams('rosenbrock');
    const explicit = {
      ...r,
      racers: r.racers.map((x) =>
        x.optimizer === 'adam' ? { ...x, params: { ...x.params, beta1: 0.9 } } : x,
      ),
    };
    expect(descentStoryShown('rosenbrock', explicit)?.state).toBe('current');
  });

  it('with no story chosen, a race that is exactly a story shows it; any other shows none', () => {
    expect(descentStoryShown(null, storyParams('wells'))?.preset.id).toBe('wells');
    expect(descentStoryShown(null, { ...storyParams('wells'), seed: 99 })).toBeNull();
  });
});
