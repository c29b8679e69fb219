// "Add optimizer" adds something new to the race, never an identical twin.
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../../core/ml/optimizers';
import type { RacerConfig } from '../../../core/labs/descent/params';
import { DESCENT_PRESETS } from '../../../core/labs/descent/presets';
import { descentRacerNext } from '../../../core/labs/descent/racers';

const ORDER = OPTIMIZERS.map((o) => o.descriptor.id);

describe('descentRacerNext', () => {
  it('adds the first kind, in the fixed order, that is not racing yet', () => {
    const valley = DESCENT_PRESETS.find((p) => p.id === 'valley')!.params.racers;
    expect(descentRacerNext(valley)).toEqual({ optimizer: 'sgd', params: {} });
    const rosen = DESCENT_PRESETS.find((p) => p.id === 'rosenbrock')!.params.racers;
    expect(descentRacerNext(rosen)).toEqual({ optimizer: 'sgd', params: {} });
  });

  it('adding repeatedly from one racer brings a different kind each time', () => {
    let racers: RacerConfig[] = [{ optimizer: 'gd', params: { lr: 0.1 } }];
    while (racers.length < 8) racers = [...racers, descentRacerNext(racers)];
    expect(new Set(racers.map((r) => r.optimizer)).size).toBe(8);
    expect(racers.map((r) => r.optimizer)).toEqual(ORDER.slice(0, 8));
  });

  it('when every kind races, the copy gets a learning rate no racer of its kind uses', () => {
    const kinds = ['gd', 'momentum'];
    const racers: RacerConfig[] = [
      { optimizer: 'gd', params: { lr: 0.05 } },
      { optimizer: 'momentum', params: {} },
    ];
    const next = descentRacerNext(racers, kinds);
    expect(next.optimizer).toBe('gd');
    expect(next.params.lr).toBeDefined();
    expect(next.params.lr).not.toBe(0.05);
    const third = descentRacerNext([...racers, next], kinds);
    expect(third.optimizer).toBe('momentum');
    expect(third.params.lr).not.toBe(0.01); // momentum's default η
    const fourth = descentRacerNext([...racers, next, third], kinds);
    expect(fourth.optimizer).toBe('gd');
    expect([0.05, next.params.lr]).not.toContain(fourth.params.lr);
  });
});
