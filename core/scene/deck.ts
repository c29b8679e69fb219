/**
 * Deck files (`.mldeck`): an ordered list of scenes for a lecture, each checked exactly as a
 * scene file is (older scene versions inside a deck are migrated too).
 */
import { z } from 'zod';
import { describeValue, isRecord, schemaCheck } from './scene-issues';
import { DECK_LIMITS, jsonReadWithin } from './scene-limits';
import {
  DECK_FORMAT,
  SCENE_FORMAT,
  sceneCanonical,
  sceneValidate,
  type LabParamSchemas,
  type SceneFile,
} from './scene';

export { DECK_FORMAT } from './scene';

/** The deck file version this app writes, and the newest it reads. */
export const DECK_VERSION = 1;

/** A deck holds between 1 and this many scenes. */
export const DECK_MAX_SCENES = 500;

/** A deck, as read from and written to `.mldeck` files. */
export interface DeckFile {
  format: typeof DECK_FORMAT;
  version: typeof DECK_VERSION;
  title?: string;
  scenes: SceneFile[];
}

/** The outcome of reading a deck. */
export type DeckResult = { ok: true; deck: DeckFile } | { ok: false; message: string };

const deckEnvelopeSchema = z.strictObject({
  format: z.literal(DECK_FORMAT),
  version: z.literal(DECK_VERSION),
  title: z.string().max(200).optional(),
  scenes: z.array(z.unknown()),
});

/** Checks `format` and `version`; a failure is a message, otherwise null. */
function deckHeaderProblem(value: unknown): string | null {
  if (!isRecord(value)) {
    return `not an ML Math Lab deck file: expected a JSON object, got ${describeValue(value)}`;
  }
  if (value.format === SCENE_FORMAT) {
    return 'this is an ML Math Lab scene, not a deck: open it as a scene';
  }
  if (value.format !== DECK_FORMAT) {
    const found =
      value.format === undefined
        ? 'it has no "format" field'
        : `its format is ${describeValue(value.format)}`;
    return `not an ML Math Lab deck file (${found})`;
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return version === undefined
      ? 'version: is missing (every deck file has one)'
      : `version: must be a whole number ≥ 1, got ${describeValue(version)}`;
  }
  if (version > DECK_VERSION) {
    return `this deck was made by a newer version of ML Math Lab (version ${version}); this app reads up to ${DECK_VERSION}`;
  }
  return null;
}

/**
 * Validates a parsed JSON value as a deck. A failing scene is named by its index and position:
 * "scenes[3] (scene 4 of 12): params.learningRate: must be > 0". Never throws.
 */
export function deckValidate(value: unknown, labs: LabParamSchemas): DeckResult {
  try {
    const problem = deckHeaderProblem(value);
    if (problem) return { ok: false, message: problem };
    const envelope = schemaCheck(deckEnvelopeSchema, value);
    if (!envelope.ok) return envelope;
    const { scenes: raw, title } = envelope.value;
    if (raw.length === 0) return { ok: false, message: 'scenes: a deck needs at least one scene' };
    if (raw.length > DECK_MAX_SCENES) {
      return {
        ok: false,
        message: `scenes: a deck holds at most ${DECK_MAX_SCENES} scenes (this one has ${raw.length})`,
      };
    }
    const scenes: SceneFile[] = [];
    for (let i = 0; i < raw.length; i++) {
      const result = sceneValidate(raw[i], labs);
      if (!result.ok) {
        return {
          ok: false,
          message: `scenes[${i}] (scene ${i + 1} of ${raw.length}): ${result.message}`,
        };
      }
      scenes.push(result.scene);
    }
    const deck: DeckFile = { format: DECK_FORMAT, version: DECK_VERSION, scenes };
    if (title !== undefined) deck.title = title;
    return { ok: true, deck };
  } catch (err) {
    return { ok: false, message: `could not read the deck: ${String(err)}` };
  }
}

/** Reads a `.mldeck` file's text; one over the deck limits is refused unparsed. Never throws. */
export function deckParse(text: string, labs: LabParamSchemas): DeckResult {
  const json = jsonReadWithin(text, DECK_LIMITS);
  if (!json.ok) return json;
  return deckValidate(json.value, labs);
}

/** A deck as stable, pretty-printed JSON (scenes in their canonical key order). */
export function deckSerialize(deck: DeckFile): string {
  const out: Record<string, unknown> = { format: DECK_FORMAT, version: DECK_VERSION };
  if (deck.title !== undefined) out.title = deck.title;
  out.scenes = deck.scenes.map(sceneCanonical);
  return `${JSON.stringify(out, null, 2)}\n`;
}
