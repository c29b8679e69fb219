/**
 * Every simulation the app knows, in one list. Both compute hosts build their registry from it,
 * and the renderer's client takes its types from it, so a name, its params and its frames can
 * never disagree between the two sides.
 */
import { descentRaceSim } from './descent-race';
import { gradientFlowSim } from './gradient-flow-sim';
import { SimRegistry, type SimDefinition } from './registry';
import { regularizationPathSim } from './regularization-path';
import { surfaceDescentSim } from './surface-descent';

export const simCatalog = [
  surfaceDescentSim,
  descentRaceSim,
  gradientFlowSim,
  regularizationPathSim,
] as const;

type Entry = (typeof simCatalog)[number];

/** Simulation name → definition (type level). */
export type SimCatalog = { [D in Entry as D['name']]: D };
export type SimName = keyof SimCatalog;

/** A fresh registry holding every simulation in the catalog. */
export function simRegistryCreate(): SimRegistry {
  const registry = new SimRegistry();
  for (const def of simCatalog)
    registry.register(def as SimDefinition<string, unknown, unknown, unknown>);
  return registry;
}
