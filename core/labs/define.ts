/**
 * One lab definition: everything a lab *is*, apart from how it draws. A lab's params schema (zod,
 * bounded the way compute accepts them), its defaults, its stories (presets), where its random
 * seed lives, a pure model deriving every number its views show, and the simulations it runs.
 *
 * The renderer generates the lab's store and its lecture toolkit (save, link, deck, record) from
 * this; compute serves the simulations listed here; core/labs/registry.ts holds every definition.
 */
import { z } from 'zod';
import type { SimDefinition } from '../sim/registry';
import { labGuideProblem, type LabGuide } from './guide';

/** The seed every lab uses: a whole number in [0, 2³¹] (the range of the app's generators). */
export const labSeedSchema = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31);

/** A story: named params with what to look for. `params` overrides the defaults. */
export interface LabPreset<P> {
  id: string;
  title: string;
  /** What to look for, in one to three sentences. */
  story: string;
  params: Partial<P>;
}

/** A simulation as a lab lists it (any `simDefine` result). */
export type LabSim = Pick<SimDefinition<string, unknown>, 'name' | 'params'>;

/** A params object the definition describes (a zod object at the top). */
export type LabParamsShape = Record<string, unknown>;

export interface LabDef<
  Id extends string = string,
  P extends LabParamsShape = LabParamsShape,
  Sims extends readonly LabSim[] = readonly LabSim[],
> extends LabGuide<P> {
  /** Kebab-case: the same in the registry, the URL (#/<id>) and scene files. */
  readonly id: Id;
  readonly title: string;
  /** One sentence for the lab list. */
  readonly summary: string;
  /** Validates params from anywhere untrusted (a scene file, a link, a deck). */
  readonly params: z.ZodObject<z.ZodRawShape> & z.ZodType<P>;
  readonly defaults: P;
  readonly presets: readonly LabPreset<P>[];
  /**
   * Keys a story leaves as they are when it does not name them (view choices such as the 3D
   * surface shown); every other key a story is silent on returns to its default.
   */
  readonly presetKeeps?: readonly (keyof P & string)[];
  /** Where the seed lives in params (e.g. ['seed'] or ['flow', 'seed']); scenes store it once, in their envelope. */
  readonly seedPath: readonly [string, ...string[]];
  /** The simulations this lab runs in compute (served by every compute host). */
  readonly sims: Sims;
}

/** Declares a lab, keeping its id and simulation names as literal types. */
export function defineLab<
  const Id extends string,
  P extends LabParamsShape,
  const Sims extends readonly LabSim[],
>(def: LabDef<Id, P, Sims>): LabDef<Id, P, Sims> {
  const bad = labDefinitionProblem(def as unknown as LabDef);
  if (bad) throw new Error(`lab "${def.id}": ${bad}`);
  return def;
}

/** Why a definition is inconsistent (defaults or a story outside the schema, a bad seed path), or null. */
export function labDefinitionProblem(def: LabDef): string | null {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(def.id)) return 'the id must be kebab-case';
  const seedAt = seedSchemaAt(def.params, def.seedPath);
  if (!seedAt) return `seedPath ${def.seedPath.join('.')} does not name a number in the schema`;
  const defaults = def.params.safeParse(def.defaults);
  if (!defaults.success) return `defaults do not fit the schema: ${issueText(defaults.error)}`;
  const ids = new Set<string>();
  for (const preset of def.presets) {
    if (ids.has(preset.id)) return `two stories are called "${preset.id}"`;
    ids.add(preset.id);
    const r = def.params.safeParse(labPresetParams(def, preset, def.defaults));
    if (!r.success) return `story "${preset.id}" does not fit the schema: ${issueText(r.error)}`;
  }
  return labGuideProblem(def, issueText);
}

function seedSchemaAt(schema: z.ZodType, path: readonly string[]): boolean {
  let at: z.ZodType = schema;
  for (const key of path) {
    if (!(at instanceof z.ZodObject)) return false;
    const next = (at.shape as Record<string, z.ZodType | undefined>)[key];
    if (!next) return false;
    at = next;
  }
  return at instanceof z.ZodNumber;
}

/** "path.to.field: message" for the first issue, as scene messages read. */
export function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first.path.map(String).join('.');
  return where ? `${where}: ${first.message}` : first.message;
}

/** A story's full params: defaults, then the keys it keeps from `current`, then its own. */
export function labPresetParams<P extends LabParamsShape>(
  def: Pick<LabDef<string, P>, 'defaults' | 'presetKeeps'>,
  preset: LabPreset<P>,
  current: P,
): P {
  const kept: Partial<P> = {};
  for (const key of def.presetKeeps ?? []) kept[key] = current[key];
  return { ...def.defaults, ...kept, ...preset.params };
}

/** The seed stored in params. */
export function labSeed<P extends LabParamsShape>(
  def: Pick<LabDef<string, P>, 'seedPath'>,
  params: P,
): number {
  let at: unknown = params;
  for (const key of def.seedPath) at = (at as Record<string, unknown>)[key];
  return at as number;
}

/** `value` with the field at `path` replaced (objects along the path are copied, not mutated). */
function pathSet(value: unknown, path: readonly string[], field: unknown): unknown {
  const [key, ...rest] = path;
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const out: Record<string, unknown> = { ...obj };
  if (rest.length === 0) {
    if (field === undefined) delete out[key];
    else out[key] = field;
  } else out[key] = pathSet(obj[key], rest, field);
  return out;
}

/** Params with the seed set to `seed`. */
export function labWithSeed<P extends LabParamsShape>(
  def: Pick<LabDef<string, P>, 'seedPath'>,
  params: P,
  seed: number,
): P {
  return pathSet(params, def.seedPath, seed) as P;
}

/** What a scene file stores as `params`: the params without the seed (the envelope holds it). */
export function labSceneParams<P extends LabParamsShape>(
  def: Pick<LabDef<string, P>, 'seedPath'>,
  params: P,
): Record<string, unknown> {
  return pathSet(params, def.seedPath, undefined) as Record<string, unknown>;
}

function omitPath(schema: z.ZodObject<z.ZodRawShape>, path: readonly string[]): z.ZodType {
  const [key, ...rest] = path;
  if (rest.length === 0) return schema.omit({ [key]: true });
  const inner = schema.shape[key] as unknown as z.ZodObject<z.ZodRawShape>;
  return schema.extend({ [key]: omitPath(inner, rest) });
}

const sceneSchemas = new WeakMap<object, z.ZodType>();

/**
 * The schema of a scene's `params` for this lab: the lab's schema without the seed. A seed
 * still present inside params (scenes saved before it moved to the envelope) is dropped.
 */
export function labSceneSchema(def: Pick<LabDef, 'params' | 'seedPath'>): z.ZodType {
  let s = sceneSchemas.get(def);
  if (!s) {
    s = omitPath(def.params, def.seedPath);
    sceneSchemas.set(def, s);
  }
  return s;
}

/** A scene's params plus its envelope seed, as the lab's params; or the first problem, in words. */
export function labParamsFromScene<P extends LabParamsShape>(
  def: LabDef<string, P>,
  sceneParams: unknown,
  seed: number,
): { ok: true; params: P } | { ok: false; message: string } {
  const r = def.params.safeParse(pathSet(sceneParams, def.seedPath, seed));
  return r.success ? { ok: true, params: r.data } : { ok: false, message: issueText(r.error) };
}
