/**
 * Opening what the palette and the tours name: a lab, a view, a story, a formula or a tour step.
 * Each state is shown as a scene through the toolkit's scene machinery (sceneApply: validated by
 * the lab's schema, switches lab, and becomes what R restores), so nothing here writes a lab's
 * store directly.
 */
import {
  labParamsFromScene,
  labPresetParams,
  labSceneParams,
  labSeed,
  type LabParamsShape,
} from '../../../core/labs/define';
import { labTargetParams, type LabTarget } from '../../../core/labs/guide';
import { SCENE_FORMAT, SCENE_VERSION } from '../../../core/scene/scene';
import { labById } from '../../labs/registry';
import type { LabDefinition } from '../../labs/types';
import { sceneApply } from '../toolkit/scenes';
import { learnStart } from './learn-store';
import type { PaletteEntry } from './palette-index';

/** The lab's params now (its store lives whether or not the lab is on screen). */
export function labParamsNow(lab: LabDefinition): LabParamsShape {
  const snap = lab.toolkit.capture();
  const r = labParamsFromScene(lab.def, snap.params, snap.seed);
  return r.ok ? r.params : lab.def.defaults;
}

/** Shows these params in the lab as a scene titled `title`; false (and a message) if refused. */
export function labParamsShow(lab: LabDefinition, params: LabParamsShape, title: string): boolean {
  return sceneApply({
    format: SCENE_FORMAT,
    version: SCENE_VERSION,
    lab: lab.id,
    params: labSceneParams(lab.def, params),
    seed: labSeed(lab.def, params),
    title,
  });
}

/** A target's state over the lab's current params (a story starts from the defaults). */
export function labTargetShow(
  lab: LabDefinition,
  target: LabTarget<LabParamsShape>,
  title: string,
  from: 'current' | 'defaults' = 'current',
): boolean {
  const base = from === 'current' ? labParamsNow(lab) : lab.def.defaults;
  return labParamsShow(lab, labTargetParams(lab.def, target, base), title);
}

/** A story with its caption, keeping what the lab's definition says stories keep. */
export function labStoryShow(lab: LabDefinition, storyId: string): boolean {
  const story = lab.def.presets.find((s) => s.id === storyId);
  if (!story) return false;
  const ok = labParamsShow(lab, labPresetParams(lab.def, story, labParamsNow(lab)), story.title);
  if (ok) lab.toolkit.storyShow?.(storyId);
  return ok;
}

/** Opens what a palette entry names. */
export function paletteEntryOpen(e: PaletteEntry): boolean {
  if (e.kind === 'page') {
    window.location.hash = `#/${e.id}`;
    return true;
  }
  const lab = labById(e.labId);
  if (!lab) return false;
  if (e.kind === 'lab') {
    window.location.hash = `#/${lab.id}`;
    return true;
  }
  if (e.kind === 'tour') {
    learnStart(lab.id, e.id);
    return true;
  }
  if (e.kind === 'story') return labStoryShow(lab, e.id);
  if (e.kind === 'view') return labTargetShow(lab, { view: e.id }, lab.title);
  const f = lab.def.formulas?.find((x) => x.id === e.id);
  if (!f) return false;
  if (f.story && !f.view && !f.params) return labStoryShow(lab, f.story);
  return labTargetShow(lab, f, f.title);
}
