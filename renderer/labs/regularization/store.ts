/**
 * Regularization lab state: the params (what a scene file holds) and the path the compute
 * simulation returned. Derived numbers (data, solution, λ) are recomputed from params by
 * `regLabModel`, never stored, so they cannot go stale.
 */
import { create } from 'zustand';
import type { RegularizationPathFrame } from '../../../core/sim/regularization-path';
import { REG_LAB_DEFAULTS, type RegLabParams } from './params';

export type RegPathFrame = Extract<RegularizationPathFrame, { kind: 'path' }>;

export interface RegLabState {
  params: RegLabParams;
  /** Paths by method, filled as compute streams them; cleared when a new run starts. */
  paths: RegPathFrame[];
  pathStatus: 'computing' | 'ready' | 'failed';
  pathError: string | null;
  setParams(patch: Partial<RegLabParams>): void;
}

export const useRegStore = create<RegLabState>((set, get) => ({
  params: REG_LAB_DEFAULTS,
  paths: [],
  pathStatus: 'computing',
  pathError: null,
  setParams: (patch) => set({ params: { ...get().params, ...patch } }),
}));
