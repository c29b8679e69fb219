/**
 * The Networks lab's store: the generated params (renderer/labs/lab-kit.ts) plus what the views
 * share outside the params — the run's state in words, the hovered neuron or edge, the last CSV
 * message and a frame counter (the frames themselves live in live.ts, outside React).
 */
import { networksLab } from '../../../core/labs/networks/lab';
import type { NetworksParams } from '../../../core/labs/networks/params';
import { labStoreCreate } from '../lab-kit';

export type NetRunState = 'idle' | 'running' | 'paused' | 'done' | 'diverged' | 'failed';

/** A neuron (layer 0 = inputs) or the edge from neuron `from` of `layer` to neuron `to` of layer + 1. */
export type NetHover =
  | { kind: 'neuron'; layer: number; unit: number }
  | { kind: 'edge'; layer: number; from: number; to: number };

export interface NetworksView {
  runState: NetRunState;
  /** Outcome or error in words ('' while nothing needs saying). */
  runMessage: string;
  /** Frames received in the current run (views redraw when it changes). */
  frameSeq: number;
  /** Bumped to start the run again from the initial weights. */
  restartKey: number;
  hover: NetHover | null;
  /** Slow motion: one minibatch at a time, a frame each (see use-train.ts). */
  slow: boolean;
  /** The last CSV import's message ('' when it succeeded or none was tried). */
  csvMessage: string;
  /**
   * Changes training settings: the weights no longer fit them, so they are dropped, and the
   * settings are the user's own, no longer the story's.
   */
  setNet(patch: Partial<NetworksParams>): void;
}

export const useNetworksStore = labStoreCreate<NetworksParams, NetworksView>(
  networksLab,
  (set, get) => ({
    runState: 'idle',
    runMessage: '',
    frameSeq: 0,
    restartKey: 0,
    hover: null,
    slow: false,
    csvMessage: '',
    setNet: (patch) => set({ params: { ...get().params, ...patch, weights: [] }, storyId: null }),
  }),
);
