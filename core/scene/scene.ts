/**
 * Scene files (`.mlscene`): one lab's full state — its parameters, camera, open panels, playback
 * position and random seed — as versioned JSON. Older versions are migrated on reading
 * (scene-migrate.ts); the lab's parameters are checked with the lab's own zod schema.
 */
import { z } from 'zod';
import { describeValue, isRecord, schemaCheck, type Outcome } from './scene-issues';
import { jsonReadWithin, SCENE_LIMITS } from './scene-limits';
import { SCENE_FORMAT, sceneMigrate } from './scene-migrate';

export { SCENE_FORMAT } from './scene-migrate';

/** The scene file version this app writes, and the newest it reads. */
export const SCENE_VERSION = 2;

/** The `format` of a deck file; recognised here only to say "this is a deck". */
export const DECK_FORMAT = 'ml-math-lab-deck';

/** A lab id as used in the registry, the URL and scene files: kebab-case. */
export const labIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be a kebab-case lab id such as "descent"');

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

/** The version 2 envelope; `params` is checked separately by the lab's schema. */
export const sceneEnvelopeSchema = z.strictObject({
  format: z.literal(SCENE_FORMAT),
  version: z.literal(SCENE_VERSION),
  lab: labIdSchema,
  params: z.unknown(),
  camera: z.strictObject({ position: vec3, target: vec3 }).optional(),
  panels: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, 'must be a panel id such as "loss-chart"'),
      z.boolean(),
    )
    .optional(),
  playback: z.strictObject({ position: z.number().int().min(0) }).optional(),
  seed: z.number().int(),
  title: z.string().max(200).optional(),
  savedAt: z.iso.datetime({ offset: true }).optional(),
});

/** A three-component vector [x, y, z] in scene units. */
export type Vec3 = [number, number, number];

/** A scene, as read from and written to `.mlscene` files (version 2). */
export interface SceneFile {
  format: typeof SCENE_FORMAT;
  version: typeof SCENE_VERSION;
  /** Kebab-case lab id (the registry's). */
  lab: string;
  /** Lab-specific parameters, checked by that lab's schema. */
  params: unknown;
  camera?: { position: Vec3; target: Vec3 };
  /** Which panels are open, by panel id. */
  panels?: Record<string, boolean>;
  /** Playback position: the step or frame shown (an integer ≥ 0). */
  playback?: { position: number };
  seed: number;
  title?: string;
  /** When it was saved: an ISO 8601 date-time. */
  savedAt?: string;
}

/** Each lab's parameter schema, by lab id. */
export type LabParamSchemas = Readonly<Record<string, z.ZodType>>;

/** The outcome of reading a scene: the scene, or a message for the person who opened it. */
export type SceneResult = { ok: true; scene: SceneFile } | { ok: false; message: string };

/** Checks `format` and `version` and migrates older versions to the current one. */
function sceneEnvelope(value: unknown): Outcome<Record<string, unknown>> {
  if (!isRecord(value)) {
    return {
      ok: false,
      message: `not an ML Math Lab scene file: expected a JSON object, got ${describeValue(value)}`,
    };
  }
  const format = value.format;
  if (format === DECK_FORMAT) {
    return { ok: false, message: 'this is an ML Math Lab deck, not a scene: open it as a deck' };
  }
  if (format !== SCENE_FORMAT) {
    const found =
      format === undefined ? 'it has no "format" field' : `its format is ${describeValue(format)}`;
    return { ok: false, message: `not an ML Math Lab scene file (${found})` };
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return {
      ok: false,
      message:
        version === undefined
          ? 'version: is missing (every scene file has one)'
          : `version: must be a whole number ≥ 1, got ${describeValue(version)}`,
    };
  }
  if (version > SCENE_VERSION) {
    return {
      ok: false,
      message: `this scene was made by a newer version of ML Math Lab (version ${version}); this app reads up to ${SCENE_VERSION}`,
    };
  }
  return sceneMigrate({ ...value, version }, SCENE_VERSION);
}

/**
 * Validates a parsed JSON value as a scene (any supported version) for the given labs.
 * Never throws; a failure message names the field (e.g. "params.learningRate: must be > 0").
 */
export function sceneValidate(value: unknown, labs: LabParamSchemas): SceneResult {
  try {
    const envelope = sceneEnvelope(value);
    if (!envelope.ok) return envelope;
    const checked = schemaCheck(sceneEnvelopeSchema, envelope.value);
    if (!checked.ok) return checked;
    const doc = checked.value;
    if (!Object.hasOwn(labs, doc.lab)) {
      const known = Object.keys(labs).sort().join(', ') || 'none';
      return { ok: false, message: `lab: unknown lab "${doc.lab}" (this app has: ${known})` };
    }
    const params = schemaCheck(labs[doc.lab], doc.params, ['params']);
    if (!params.ok) {
      return {
        ok: false,
        message: doc.params === undefined ? 'params: is missing' : params.message,
      };
    }
    return { ok: true, scene: { ...doc, params: params.value } as SceneFile };
  } catch (err) {
    return { ok: false, message: `could not read the scene: ${String(err)}` };
  }
}

/**
 * Reads a `.mlscene` file's text. Never throws; a text over the scene limits (size, nesting, keys,
 * items: scene-limits.ts) is refused before it is parsed; see `sceneValidate` for the rest.
 */
export function sceneParse(text: string, labs: LabParamSchemas): SceneResult {
  const json = jsonReadWithin(text, SCENE_LIMITS);
  if (!json.ok) return json;
  return sceneValidate(json.value, labs);
}

/** A copy of a JSON value with every object's keys sorted (arrays keep their order). */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) out[key] = sortedKeys(value[key]);
  }
  return out;
}

/**
 * The scene as a plain object in a fixed key order (envelope first, params last, params' and
 * panels' keys sorted), so that equal scenes always serialise to the same text.
 */
export function sceneCanonical(scene: SceneFile): Record<string, unknown> {
  const out: Record<string, unknown> = { format: SCENE_FORMAT, version: SCENE_VERSION };
  if (scene.title !== undefined) out.title = scene.title;
  out.lab = scene.lab;
  out.seed = scene.seed;
  if (scene.savedAt !== undefined) out.savedAt = scene.savedAt;
  if (scene.camera) {
    out.camera = { position: [...scene.camera.position], target: [...scene.camera.target] };
  }
  if (scene.panels) out.panels = sortedKeys(scene.panels);
  if (scene.playback) out.playback = { position: scene.playback.position };
  out.params = sortedKeys(scene.params);
  return out;
}

/** A scene as stable, pretty-printed JSON (two-space indent, final newline). */
export function sceneSerialize(scene: SceneFile): string {
  return `${JSON.stringify(sceneCanonical(scene), null, 2)}\n`;
}
