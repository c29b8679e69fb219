/**
 * "Add optimizer": the next kind not yet racing, in the fixed order of OPTIMIZERS; once every
 * kind races, another copy of the kind with the fewest racers, with a learning rate none of them
 * uses — an identical copy would draw exactly on top of its twin and show nothing new.
 */
import { OPTIMIZERS, optimizerById } from '../../ml/optimizers';
import { paramsResolve } from '../../ml/surfaces-types';
import type { RacerConfig } from './params';

const FACTORS = [1, 0.5, 2, 0.25, 4, 0.1, 10, 0.05, 20, 0.01, 100];

const round3 = (v: number) => Number(v.toPrecision(3));

export function descentRacerNext(
  racers: readonly RacerConfig[],
  kinds: readonly string[] = OPTIMIZERS.map((o) => o.descriptor.id),
): RacerConfig {
  const missing = kinds.find((k) => !racers.some((r) => r.optimizer === k));
  if (missing) return { optimizer: missing, params: {} };
  const count = (k: string) => racers.filter((r) => r.optimizer === k).length;
  const fewest = [...kinds].sort((a, b) => count(a) - count(b))[0];
  const specs = optimizerById(fewest)?.descriptor.params ?? [];
  const lr = specs.find((p) => p.id === 'lr') ?? specs[0];
  if (!lr) return { optimizer: fewest, params: {} };
  const used = racers
    .filter((r) => r.optimizer === fewest)
    .map((r) => paramsResolve(specs, r.params)[lr.id]);
  // Start from the learning rate its first racer uses, so the copy is a variation of it.
  const base = used[0] ?? lr.default;
  for (const f of FACTORS) {
    const v = round3(Math.min(lr.max, Math.max(lr.min, base * f)));
    if (used.every((u) => Math.abs(u - v) > 1e-9 * Math.max(1, Math.abs(v))))
      return { optimizer: fewest, params: { [lr.id]: v } };
  }
  return { optimizer: fewest, params: {} };
}
