/**
 * Opening a file that may be a scene or a deck: its top-level `format` is found with a scan of the
 * raw text (no parse), then the text is read with that kind's own limits and checks.
 */
import { deckParse, DECK_FORMAT, type DeckFile } from './deck';
import { jsonTopLevelString } from './json-shape';
import { sceneParse, type LabParamSchemas, type SceneFile } from './scene';
import { DECK_LIMITS } from './scene-limits';

/** An opened scene or deck, or why it could not be read. */
export type OpenedResult =
  | { ok: true; kind: 'scene'; scene: SceneFile }
  | { ok: true; kind: 'deck'; deck: DeckFile }
  | { ok: false; message: string };

/**
 * The `format` a scene or deck text gives at its top level (null if none), found by scanning the
 * raw text: no parse, and it stops at the key (the first one in every file this app writes).
 */
export function sceneFileFormat(text: string): string | null {
  return jsonTopLevelString(text, 'format', DECK_LIMITS.maxBytes);
}

/**
 * Reads a `.mlscene` or `.mldeck` text, whichever its `format` says (a scene when it says neither,
 * so the message is the scene reader's). Never throws; never parses a text over the limits.
 */
export function sceneOrDeckParse(text: string, labs: LabParamSchemas): OpenedResult {
  if (typeof text !== 'string') return { ok: false, message: 'a scene or deck must be text' };
  if (sceneFileFormat(text) === DECK_FORMAT) {
    const deck = deckParse(text, labs);
    return deck.ok ? { ok: true, kind: 'deck', deck: deck.deck } : deck;
  }
  const scene = sceneParse(text, labs);
  return scene.ok ? { ok: true, kind: 'scene', scene: scene.scene } : scene;
}
