/**
 * What every lab gets from its core definition (core/labs/define.ts) without writing it: a
 * zustand store holding the params, and the lecture toolkit's capture / apply / seed handling.
 * A lab adds only what is its own: transient view state in the store, and how it seeks, reports
 * ready and exports.
 */
import { lazy, type ComponentType } from 'react';
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import {
  labParamsFromScene,
  labPresetParams,
  labSceneParams,
  labSceneSchema,
  labSeed,
  type LabDef,
  type LabParamsShape,
  type LabSim,
} from '../../core/labs/define';
import type { LabDefinition, LabSnapshot, LabToolkit } from './types';

/** The part of every lab's store that the definition generates. */
export interface LabStoreBase<P> {
  params: P;
  /** Bumped whenever a scene replaces the params (file, link, deck step), so the lab can rerun. */
  applied: number;
  /** The story last chosen; null once a scene was opened (a scene is its own story). */
  storyId: string | null;
  /** Changes some params (a patch, or a function of the current params). */
  setParams(update: Partial<P> | ((p: P) => P)): void;
  /** Shows a story: its params over the defaults, keeping what the definition says it keeps. */
  storyApply(id: string): void;
}

export type LabStore<P, X = object> = UseBoundStore<StoreApi<LabStoreBase<P> & X>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The lab's store: params starting at the defaults, plus the lab's own view state from `extra`
 * (which may read and set the whole store).
 */
export function labStoreCreate<P extends LabParamsShape, X extends object>(
  def: LabDef<string, P>,
  extra: (set: StoreApi<LabStoreBase<P> & X>['setState'], get: () => LabStoreBase<P> & X) => X,
): LabStore<P, X> {
  const first = def.presets[0];
  const startsOnStory = !!first && same(labPresetParams(def, first, def.defaults), def.defaults);
  return create<LabStoreBase<P> & X>()((set, get) => ({
    params: def.defaults,
    applied: 0,
    storyId: startsOnStory ? first.id : null,
    setParams: (update) =>
      set({
        params:
          typeof update === 'function' ? update(get().params) : { ...get().params, ...update },
      } as Partial<LabStoreBase<P> & X>),
    storyApply: (id) => {
      const preset = def.presets.find((p) => p.id === id);
      if (!preset) return;
      set({
        params: labPresetParams(def, preset, get().params),
        storyId: id,
      } as Partial<LabStoreBase<P> & X>);
    },
    ...extra(set, get),
  }));
}

/** What a lab adds to the generated toolkit. */
export interface LabToolkitHooks<S> {
  /** The playback position a scene should store, when the lab has one. */
  playback?(state: S): { position: number } | undefined;
  /** Extra store changes when a scene is applied (e.g. pause, select the first racer). */
  onApply?(snapshot: LabSnapshot, state: S): Partial<S>;
  /** Runs after a scene was applied (e.g. wait for compute, then restore the playback position). */
  afterApply?(snapshot: LabSnapshot): void;
  seek?(seconds: number): void;
  ready?(): boolean;
  exportData?(): { name: string; mime: string; content: string }[];
}

/**
 * The lecture toolkit for a lab: a scene stores the params without the seed, and the seed once,
 * in its envelope; applying validates params and seed together with the lab's schema.
 */
export function labToolkitCreate<P extends LabParamsShape, S extends LabStoreBase<P>>(
  def: LabDef<string, P>,
  store: UseBoundStore<StoreApi<S>>,
  hooks: LabToolkitHooks<S> = {},
): LabToolkit {
  return {
    sceneSchema: labSceneSchema(def),
    capture: () => {
      const s = store.getState();
      return {
        params: labSceneParams(def, s.params),
        playback: hooks.playback?.(s),
        seed: labSeed(def, s.params),
      };
    },
    check: (snapshot) => {
      const r = labParamsFromScene(def, snapshot.params, snapshot.seed);
      return r.ok ? { ok: true } : r;
    },
    apply: (snapshot) => {
      const r = labParamsFromScene(def, snapshot.params, snapshot.seed);
      if (!r.ok) return r;
      const s = store.getState();
      store.setState({
        params: r.params,
        applied: s.applied + 1,
        storyId: null,
        ...hooks.onApply?.(snapshot, s),
      } as Partial<S>);
      hooks.afterApply?.(snapshot);
      return { ok: true };
    },
    storyShow: (id) => {
      if (def.presets.some((p) => p.id === id)) store.setState({ storyId: id } as Partial<S>);
    },
    seek: hooks.seek,
    ready: hooks.ready,
    exportData: hooks.exportData,
  };
}

/** A lab as the shell sees it: the core definition plus its view, card picture and toolkit. */
export function labViewDefine<P extends LabParamsShape>(
  def: LabDef<string, P, readonly LabSim[]>,
  view: {
    component: () => Promise<{ default: ComponentType }>;
    thumbnail: () => Promise<{ default: ComponentType }>;
    toolkit: LabToolkit;
  },
): LabDefinition {
  return {
    def: def as unknown as LabDef,
    id: def.id,
    title: def.title,
    summary: def.summary,
    component: lazy(view.component),
    thumbnail: lazy(view.thumbnail),
    toolkit: view.toolkit,
  };
}
