import { descentLab } from './descent';
import type { LabDefinition } from './types';

/** Every lab, in the order the lab list shows them. */
export const LABS: readonly LabDefinition[] = [descentLab];

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
