/**
 * Every lab, in the order the lab list shows them — the one list the renderer (views, scenes,
 * decks, links) and compute (the simulations it serves) both read. Adding a lab is one line here.
 */
import { SimRegistry, type SimDefinition } from '../sim/registry';
import { verifySim } from '../sim/verify';
import { activationsLab } from './activations/lab';
import { calculusLab } from './calculus/lab';
import { descentLab } from './descent/lab';
import { insideLab } from './inside/lab';
import { probabilityLab } from './probability/lab';
import { lossesLab } from './losses/lab';
import { networksLab } from './networks/lab';
import { regularizationLab } from './regularization/lab';
import { statisticsLab } from './statistics/lab';

export const LAB_DEFS = [
  descentLab,
  activationsLab,
  regularizationLab,
  lossesLab,
  networksLab,
  probabilityLab,
  insideLab,
  calculusLab,
  statisticsLab,
] as const;

/** Any registered lab's definition. */
export type RegisteredLab = (typeof LAB_DEFS)[number];
export type LabId = RegisteredLab['id'];

/** Lab id → definition; refuses a second lab under an id already taken. */
export function labRegistryCreate<D extends { readonly id: string }>(
  defs: readonly D[],
): ReadonlyMap<string, D> {
  const byId = new Map<string, D>();
  for (const def of defs) {
    if (byId.has(def.id)) throw new Error(`lab "${def.id}" is registered twice`);
    byId.set(def.id, def);
  }
  return byId;
}

const labs = labRegistryCreate<RegisteredLab>(LAB_DEFS);

/** The registered lab with this id, if any. */
export function labDefById(id: string): RegisteredLab | undefined {
  return labs.get(id);
}

type Entry = RegisteredLab['sims'][number] | typeof verifySim;

/** Every simulation of every lab, in lab order, then the app's own checks (core/sim/verify.ts). */
export const simCatalog: readonly Entry[] = [
  ...LAB_DEFS.flatMap((lab): readonly Entry[] => lab.sims),
  verifySim,
];

/** Simulation name → definition (type level). */
export type SimCatalog = { [D in Entry as D['name']]: D };
export type SimName = keyof SimCatalog;

/** A fresh registry holding every lab's simulations (it refuses one name used twice). */
export function simRegistryCreate(): SimRegistry {
  const registry = new SimRegistry();
  for (const def of simCatalog)
    registry.register(def as unknown as SimDefinition<string, unknown, unknown, unknown>);
  return registry;
}
