/**
 * The Learn panel's state: whether it is open, which tour and step it shows, and the learner's
 * prediction per step (cleared when a tour starts again).
 */
import { create } from 'zustand';

export interface LearnState {
  open: boolean;
  labId: string | null;
  tourId: string | null;
  step: number;
  /** Choice index picked at each step of the current tour. */
  picked: Record<number, number>;
  /** The step whose state was last shown ("tour:step"), so reopening the panel does not show it again. */
  shown: string | null;
}

export const useLearnStore = create<LearnState>(() => ({
  open: false,
  labId: null,
  tourId: null,
  step: 0,
  picked: {},
  shown: null,
}));

/** Opens the panel on a tour's first step (the panel applies the step). */
export function learnStart(labId: string, tourId: string): void {
  useLearnStore.setState({ open: true, labId, tourId, step: 0, picked: {}, shown: null });
  if (!window.location.hash.startsWith(`#/${labId}`)) window.location.hash = `#/${labId}`;
}

export function learnToggle(): void {
  useLearnStore.setState((s) => ({ open: !s.open }));
}
