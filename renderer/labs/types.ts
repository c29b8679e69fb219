import type { ComponentType, LazyExoticComponent } from 'react';
import type { z } from 'zod';
import type { LabDef } from '../../core/labs/define';

/** What a lab's scene holds beyond the envelope (see core/scene/scene.ts). */
export interface LabSnapshot {
  /** The lab's params without the seed (core/labs/define.ts, labSceneParams). */
  params: unknown;
  playback?: { position: number };
  /** The seed, stored once: in the scene's envelope. */
  seed: number;
}

/**
 * The lecture toolkit's contract with a lab: everything that saves, restores, records and
 * exports goes through it, so the shell never reaches into a lab's internals. Generated from the
 * lab's definition by `labToolkitCreate` (renderer/labs/lab-kit.ts).
 */
export interface LabToolkit {
  /** Validates the `params` of a scene file for this lab (the lab's schema without the seed). */
  sceneSchema: z.ZodType;
  /** The lab's current state, as a scene would store it. */
  capture(): LabSnapshot;
  /** Whether a snapshot's params and seed fit the lab's schema (nothing changes). */
  check(snapshot: LabSnapshot): { ok: true } | { ok: false; message: string };
  /** Restores a snapshot; refuses one whose params and seed do not fit the lab's schema. */
  apply(snapshot: LabSnapshot): { ok: true } | { ok: false; message: string };
  /**
   * Deterministic time for recording: shows the lab as it is `seconds` into playback from the
   * start, independent of the wall clock (pauses live playback). Resolves when the state is set.
   */
  seek?(seconds: number): void;
  /** True once the lab has its data (e.g. compute finished), so recording can start. */
  ready?(): boolean;
  /**
   * Marks a story as the one shown (its caption appears), once its params were applied; the
   * palette and tours use it after opening a story as a scene. Unknown ids are ignored.
   */
  storyShow?(id: string): void;
  /** Data behind the view, for CSV/JSON export. */
  exportData?(): { name: string; mime: string; content: string }[];
}

/** One lab as the shell sees it: its core definition, its view and its toolkit. */
export interface LabDefinition {
  def: LabDef;
  /** Kebab-case: the same in the registry, the URL and scene files (from the definition). */
  id: string;
  title: string;
  /** One sentence for the lab list. */
  summary: string;
  component: LazyExoticComponent<ComponentType>;
  /** A small picture for the lab list, drawn from the lab's own math (SVG, 240 × 150). */
  thumbnail: LazyExoticComponent<ComponentType>;
  toolkit: LabToolkit;
}
