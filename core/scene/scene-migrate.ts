/**
 * Scene file migrations: each step takes a document of version n, checks it against that
 * version's own schema, and rewrites it as version n + 1. `sceneMigrate` chains the steps up to
 * the version this app writes. To add version 3: write `sceneV2ToV3` (checking with the v2
 * envelope), append it to `SCENE_MIGRATIONS`, and raise `SCENE_VERSION` in scene.ts.
 *
 * Version 1 (the first releases): `{ format, version: 1, lab, params, camera?: { x, y, z }, seed }`.
 * The camera was a bare position that always looked at the origin; there were no panels and no
 * playback position.
 */
import { z } from 'zod';
import { schemaCheck, type Outcome } from './scene-issues';

/** The `format` field of every scene file, whatever its version. */
export const SCENE_FORMAT = 'ml-math-lab-scene';

/** One migration step: a document of version `from`, checked by `schema`, rewritten by `up`. */
export interface SceneMigration {
  from: number;
  schema: z.ZodType<Record<string, unknown>>;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

const finite = z.number();

/** The version 1 scene file, exactly as it was written. */
export const sceneV1Schema = z.strictObject({
  format: z.literal(SCENE_FORMAT),
  version: z.literal(1),
  lab: z.string().min(1).max(64),
  params: z.unknown(),
  camera: z.strictObject({ x: finite, y: finite, z: finite }).optional(),
  seed: z.number().int(),
});
/** A version 1 scene file. */
export type SceneFileV1 = z.infer<typeof sceneV1Schema>;

/** Version 1 → 2: the camera position becomes `{ position, target }` aimed at the origin. */
export const sceneV1ToV2: SceneMigration = {
  from: 1,
  schema: sceneV1Schema,
  up(doc) {
    const v1 = doc as SceneFileV1;
    const next: Record<string, unknown> = {
      format: SCENE_FORMAT,
      version: 2,
      lab: v1.lab,
      params: v1.params,
      seed: v1.seed,
    };
    if (v1.camera) {
      next.camera = { position: [v1.camera.x, v1.camera.y, v1.camera.z], target: [0, 0, 0] };
    }
    return next;
  },
};

/** Every migration step, in order; step i turns version i + 1 into version i + 2. */
export const SCENE_MIGRATIONS: readonly SceneMigration[] = [sceneV1ToV2];

/**
 * Brings a scene document from its `version` up to `target`, one checked step at a time.
 * A failure names the version whose check failed ("version 1 scene: camera.x: …"). Never throws.
 */
export function sceneMigrate(
  doc: Record<string, unknown> & { version: number },
  target: number,
): Outcome<Record<string, unknown>> {
  let current: Record<string, unknown> = doc;
  let version = doc.version;
  while (version < target) {
    const step = SCENE_MIGRATIONS.find((m) => m.from === version);
    if (!step) {
      return { ok: false, message: `version ${version} scene files are not supported` };
    }
    const checked = schemaCheck(step.schema, current);
    if (!checked.ok) return { ok: false, message: `version ${version} scene: ${checked.message}` };
    current = step.up(checked.value);
    version = step.from + 1;
  }
  return { ok: true, value: current };
}
