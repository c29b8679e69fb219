/**
 * The Activations lab's store: the generated params (renderer/labs/lab-kit.ts) plus the gallery's
 * cursor, outside React, so the lecture toolkit can capture and restore it whether or not the lab
 * is mounted.
 */
import { activationsLab } from '../../../core/labs/activations/lab';
import type { ActivationsParams } from '../../../core/labs/activations/params';
import { labStoreCreate } from '../lab-kit';

export interface ActivationsView {
  /** The gallery's cursor x (readout and typeset values). */
  cursor: number;
}

export const useActivationsStore = labStoreCreate<ActivationsParams, ActivationsView>(
  activationsLab,
  () => ({ cursor: 1 }),
);
