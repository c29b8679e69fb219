/**
 * Descent lab state: params (what a scene file holds), what compute returned, and the playback
 * position. The frame loop and canvases read the store imperatively (getState / subscribe), so
 * playback never re-renders React at frame rate.
 */
import { create } from 'zustand';
import type { DescentRaceFrame } from '../../../core/sim/descent-race';
import type { SurfaceGrid } from '../../components/surface-mapping';
import { DESCENT_DEFAULTS, DESCENT_PRESETS, type DescentParams } from './params';

export type RacerTrajectory = Extract<DescentRaceFrame, { kind: 'trajectory' }>;

export interface DescentState {
  params: DescentParams;
  /** The sampled surface; `floor` is the same grid with valley floors filled in, for the 3D mesh. */
  grid: (SurfaceGrid & { floor?: Float64Array }) | null;
  trajectories: (RacerTrajectory | null)[];
  status: 'computing' | 'ready' | 'failed';
  /** Run key (descentRunKey) of the race whose trajectories are in the store. */
  readyFor: string;
  error: string | null;
  /** Playback position: the step index shown for every racer. */
  position: number;
  playing: boolean;
  /** Racer whose equations, curvature and glyphs are shown. */
  selected: number;
  /** Point under the pointer in either view (x, y), shared by both. */
  cursor: [number, number] | null;
  /** Bumped by "Run again" after a failure (a crashed compute process, say). */
  rerun: number;
  /** Mesh resolution chosen by "auto" (lowered by FrameBudget on a slow machine); 0 until known. */
  meshAuto: number;
  /** Id of the story (preset) last chosen; its caption is marked once the params move away. */
  storyId: string | null;
  /** Bumped to ask for the 3D camera to be framed on the next ready race (story, surface, reset). */
  cameraRequest: number;
  setParams(patch: Partial<DescentParams>): void;
  setPosition(position: number): void;
  setPlaying(playing: boolean): void;
}

/** Longest trajectory length − 1: the last playback position. */
export function descentLastStep(s: Pick<DescentState, 'trajectories'>): number {
  return Math.max(0, ...s.trajectories.map((t) => (t ? t.count - 1 : 0)));
}

export const useDescentStore = create<DescentState>((set, get) => ({
  params: DESCENT_DEFAULTS,
  grid: null,
  trajectories: [],
  status: 'computing',
  readyFor: '',
  error: null,
  position: 0,
  playing: true,
  selected: 0,
  cursor: null,
  meshAuto: 0,
  rerun: 0,
  storyId: DESCENT_PRESETS[0].id,
  cameraRequest: 1,
  setParams: (patch) => set({ params: { ...get().params, ...patch } }),
  setPosition: (position) =>
    set({ position: Math.max(0, Math.min(descentLastStep(get()), Math.round(position))) }),
  setPlaying: (playing) => set({ playing }),
}));
