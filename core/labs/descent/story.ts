/**
 * Which story caption belongs on screen. A story describes one exact race: its surface, start
 * point, run length, seed and racers. As soon as any of these differ from the preset, the caption
 * no longer describes what is drawn, so it is shown as "changed" (view options — height scale,
 * playback speed, mesh — do not change the race and keep the story current).
 */
import { optimizerById } from '../../ml/optimizers';
import { SURFACES } from '../../ml/surfaces';
import { paramsResolve } from '../../ml/surfaces-types';
import type { DescentSurfaceSpec } from '../../sim/descent-race';
import type { DescentParams, RacerConfig } from './params';
import { DESCENT_PRESETS, type DescentPreset } from './presets';

export interface DescentStoryShown {
  preset: DescentPreset;
  /** current: the caption describes what is drawn; changed: parameters moved away since. */
  state: 'current' | 'changed';
}

const same = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function recordsSame(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys)
    if (a[k] === undefined || b[k] === undefined || !same(a[k], b[k])) return false;
  return true;
}

/** Surface params with every default filled in, so { b: 100 } and {} compare equal when b defaults to 100. */
function surfaceSame(a: DescentSurfaceSpec, b: DescentSurfaceSpec): boolean {
  if (a.kind === 'custom' || b.kind === 'custom') {
    return (
      a.kind === b.kind &&
      JSON.stringify(a.kind === 'custom' ? [a.expr, a.domain] : null) ===
        JSON.stringify(b.kind === 'custom' ? [b.expr, b.domain] : null)
    );
  }
  if (a.id !== b.id) return false;
  const specs = SURFACES.find((s) => s.id === a.id)?.params ?? [];
  return recordsSame(paramsResolve(specs, a.params), paramsResolve(specs, b.params));
}

function racerSame(a: RacerConfig, b: RacerConfig): boolean {
  if (a.optimizer !== b.optimizer) return false;
  const specs = optimizerById(a.optimizer)?.descriptor.params ?? [];
  return recordsSame(paramsResolve(specs, a.params), paramsResolve(specs, b.params));
}

/** True when `params` run exactly the race the preset describes. */
export function descentStoryMatches(preset: DescentPreset, params: DescentParams): boolean {
  const p = preset.params;
  return (
    surfaceSame(p.surface, params.surface) &&
    same(p.start[0], params.start[0]) &&
    same(p.start[1], params.start[1]) &&
    p.steps === params.steps &&
    p.seed === params.seed &&
    p.racers.length === params.racers.length &&
    p.racers.every((r, i) => racerSame(r, params.racers[i]))
  );
}

/**
 * The caption to show: the story last chosen (current or changed), or, when none was chosen, any
 * story whose race is exactly the one on screen (an opened scene can be a story); else nothing.
 */
export function descentStoryShown(
  storyId: string | null,
  params: DescentParams,
): DescentStoryShown | null {
  const chosen = DESCENT_PRESETS.find((p) => p.id === storyId);
  if (chosen)
    return { preset: chosen, state: descentStoryMatches(chosen, params) ? 'current' : 'changed' };
  const match = DESCENT_PRESETS.find((p) => descentStoryMatches(p, params));
  return match ? { preset: match, state: 'current' } : null;
}
