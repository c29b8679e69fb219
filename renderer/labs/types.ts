import type { ComponentType, LazyExoticComponent } from 'react';
import type { z } from 'zod';

/** What a lab's scene holds beyond the envelope (see core/scene/scene.ts). */
export interface LabSnapshot {
  params: unknown;
  playback?: { position: number };
  seed: number;
}

/**
 * The lecture toolkit's contract with a lab: everything that saves, restores, records and
 * exports goes through it, so the shell never reaches into a lab's internals.
 */
export interface LabToolkit {
  /** Validates the `params` of a scene file for this lab. */
  paramsSchema: z.ZodType;
  /** The lab's current state, as a scene would store it. */
  capture(): LabSnapshot;
  /** Restores a validated snapshot. */
  apply(snapshot: LabSnapshot): void;
  /**
   * Deterministic time for recording: shows the lab as it is `seconds` into playback from the
   * start, independent of the wall clock (pauses live playback). Resolves when the state is set.
   */
  seek?(seconds: number): void;
  /** True once the lab has its data (e.g. compute finished), so recording can start. */
  ready?(): boolean;
  /** Data behind the view, for CSV/JSON export. */
  exportData?(): { name: string; mime: string; content: string }[];
}

/** One lab: its id (kebab-case, the same in the registry, the URL and scene files) and its view. */
export interface LabDefinition {
  id: string;
  title: string;
  /** One sentence for the lab list. */
  summary: string;
  component: LazyExoticComponent<ComponentType>;
  /** A small picture for the lab list, drawn from the lab's own math (SVG, 240 × 150). */
  thumbnail?: LazyExoticComponent<ComponentType>;
  toolkit?: LabToolkit;
}
