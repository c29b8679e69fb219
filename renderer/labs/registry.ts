import { activationsLab } from './activations';
import { descentLab } from './descent';
import { regularizationLab } from './regularization';
import type { LabDefinition } from './types';

/** Every lab, in the order the lab list shows them. */
export const LABS: readonly LabDefinition[] = [descentLab, activationsLab, regularizationLab];

export function labById(id: string): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}
