/**
 * The Activations lab's state outside React, so the lecture toolkit can capture and restore it
 * (scene files, decks, links) while the lab is mounted or not.
 */
import { create } from 'zustand';
import { ACTIVATIONS_DEFAULTS, type ActivationsState } from './params';

export interface ActivationsStore {
  state: ActivationsState;
  /** Bumped when a scene is applied, so the lab restarts its training run. */
  restoredAt: number;
  /** The gallery's cursor x (readout and typeset values). */
  cursor: number;
  setState(update: (s: ActivationsState) => ActivationsState): void;
}

export const useActivationsStore = create<ActivationsStore>((set, get) => ({
  state: ACTIVATIONS_DEFAULTS,
  restoredAt: 0,
  cursor: 1,
  setState: (update) => set({ state: update(get().state) }),
}));
