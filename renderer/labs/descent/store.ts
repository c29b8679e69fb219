/**
 * Descent lab state: params (what a scene file holds), what compute returned, and the playback
 * position. The frame loop and canvases read the store imperatively (getState / subscribe), so
 * playback never re-renders React at frame rate.
 */
import { descentLab } from '../../../core/labs/descent/lab';
import type { DescentTrajectory } from '../../../core/labs/descent/model';
import type { DescentParams } from '../../../core/labs/descent/params';
import type { SurfaceGrid } from '../../components/surface-mapping';
import { labStoreCreate, type LabStoreBase } from '../lab-kit';

export type RacerTrajectory = DescentTrajectory;

/** The lab's own view state, beside the generated params, `applied` and `storyId`. */
export interface DescentView {
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
  /** Median frame time (ms) that made "auto" step the mesh down last; null while it has not. */
  meshSlowMs: number | null;
  /** Bumped to ask for the 3D camera to be framed on the next ready race (story, surface, reset). */
  cameraRequest: number;
  /** Bumped by the toolkit's seek: text panels follow at once instead of at their ≈12 Hz. */
  panelsSeek: number;
  setPosition(position: number): void;
  setPlaying(playing: boolean): void;
}

export type DescentState = LabStoreBase<DescentParams> & DescentView;

/**
 * The trajectories the loss chart shows: it follows a new race a frame after the views of the
 * surface (LossPanel.tsx), and the toolkit's `ready` waits for it. Not in the store: nothing
 * renders on it.
 */
export const descentChartShown: { trajectories: DescentState['trajectories'] | null } = {
  trajectories: null,
};

/** Longest trajectory length − 1: the last playback position. */
export function descentLastStep(s: Pick<DescentState, 'trajectories'>): number {
  return Math.max(0, ...s.trajectories.map((t) => (t ? t.count - 1 : 0)));
}

export const useDescentStore = labStoreCreate<DescentParams, DescentView>(
  descentLab,
  (set, get) => ({
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
    meshSlowMs: null,
    rerun: 0,
    cameraRequest: 1,
    panelsSeek: 0,
    setPosition: (position) =>
      set({ position: Math.max(0, Math.min(descentLastStep(get()), Math.round(position))) }),
    setPlaying: (playing) => set({ playing }),
  }),
);
