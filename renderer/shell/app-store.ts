/**
 * Shell state that outlives any one lab: presentation mode, the open deck and its position, the
 * scene to return to on "reset", and the message line.
 */
import { create } from 'zustand';
import type { DeckFile } from '../../core/scene/deck';
import type { SceneFile } from '../../core/scene/scene';

export interface AppState {
  presenting: boolean;
  /** While presenting: the controls panel is shown as a drawer over the views (C, or the handle). */
  presentControls: boolean;
  deck: DeckFile | null;
  deckIndex: number;
  /** The scene last opened, saved or stepped to: what R restores. */
  savedScene: SceneFile | null;
  shortcutsOpen: boolean;
  aboutOpen: boolean;
  message: { text: string; kind: 'info' | 'error' } | null;
  say(text: string, kind?: 'info' | 'error'): void;
}

export const useAppStore = create<AppState>((set) => ({
  presenting: false,
  presentControls: false,
  deck: null,
  deckIndex: 0,
  savedScene: null,
  shortcutsOpen: false,
  aboutOpen: false,
  message: null,
  say: (text, kind = 'info') => set({ message: { text, kind } }),
}));
