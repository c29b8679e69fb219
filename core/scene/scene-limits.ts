/**
 * Size limits for scene and deck texts, checked before anything is parsed: first the text's size in
 * UTF-8 bytes, then its shape (nesting depth, keys per object, items per array, keys and items in
 * all) with one linear scan (json-shape.ts). A refusal says what was too big and the limit.
 */
import { jsonShapeProblem, type JsonShapeLimits, type JsonShapeProblem } from './json-shape';
import { formatPath, jsonRead, type Outcome } from './scene-issues';

/** The limits of one kind of document. */
export interface TextLimits extends JsonShapeLimits {
  /** The document's name in messages: "scene", "deck". */
  readonly what: string;
  /** Largest text, in UTF-8 bytes. */
  readonly maxBytes: number;
}

const MB = 1024 * 1024;

/**
 * A scene file: a lab's parameters, camera, panels and playback. The app's scenes are a few
 * kilobytes with a dozen keys; these limits leave room for labs that carry data.
 */
export const SCENE_LIMITS: TextLimits = {
  what: 'scene',
  maxBytes: 1 * MB,
  maxDepth: 32,
  maxKeys: 1_000,
  maxItems: 10_000,
  maxEntries: 100_000,
};

/** A deck: up to 500 scenes, each within the scene limits (two more levels: deck → scenes). */
export const DECK_LIMITS: TextLimits = {
  what: 'deck',
  maxBytes: 5 * MB,
  maxDepth: SCENE_LIMITS.maxDepth + 2,
  maxKeys: SCENE_LIMITS.maxKeys,
  maxItems: SCENE_LIMITS.maxItems,
  maxEntries: 500_000,
};

/** Size of `text` in UTF-8 bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  const first = text.search(/[^\x00-\x7f]/); // native and fast; most files are all ASCII
  if (first < 0) return bytes;
  for (let i = first; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        bytes += 2; // 4 bytes for 2 code units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/** 1234567 → "1,234,567" (the same on every machine, unlike toLocaleString). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A byte count for messages: "14.2 MB", or exact bytes where rounding would hide the excess. */
function sizeText(bytes: number, limit: number): string {
  const mb = (bytes / MB).toFixed(1);
  if (Number(mb) > limit / MB) return `${mb} MB`;
  return `${groupDigits(bytes)} bytes`;
}

function limitText(limit: number): string {
  return Number.isInteger(limit / MB) ? `${limit / MB} MB` : `${groupDigits(limit)} bytes`;
}

/** A path for messages, cut after a few steps: `params.a[0][0]…`; the root is "the top level". */
function where(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top level';
  const shown = formatPath(path.slice(0, 6));
  return path.length > 6 ? `${shown}…` : shown;
}

/** The message for a shape problem. */
function shapeMessage(problem: JsonShapeProblem, limits: TextLimits): string {
  const { what } = limits;
  switch (problem.kind) {
    case 'depth':
      return `${where(problem.path)} is nested more than ${limits.maxDepth} levels deep; a ${what} nests at most ${limits.maxDepth} levels`;
    case 'keys':
      return `${where(problem.path)} has more than ${groupDigits(limits.maxKeys)} keys; an object in a ${what} has at most ${groupDigits(limits.maxKeys)}`;
    case 'items':
      return `${where(problem.path)} has more than ${groupDigits(limits.maxItems)} items; an array in a ${what} has at most ${groupDigits(limits.maxItems)}`;
    case 'entries':
      return `this ${what} has more than ${groupDigits(limits.maxEntries)} keys and array items in all; a ${what} has at most ${groupDigits(limits.maxEntries)}`;
  }
}

/** Why `text` is too large for a file of this kind (size, then shape), or null. Never parses. */
export function textLimitProblem(text: string, limits: TextLimits): string | null {
  // A UTF-16 code unit is at least one UTF-8 byte: a text longer than the limit is over it.
  if (text.length > limits.maxBytes || text.length * 3 > limits.maxBytes) {
    const bytes = utf8Length(text);
    if (bytes > limits.maxBytes) {
      return `this ${limits.what} file is ${sizeText(bytes, limits.maxBytes)}; ${limits.what}s are at most ${limitText(limits.maxBytes)}`;
    }
  }
  const problem = jsonShapeProblem(text, limits);
  return problem ? shapeMessage(problem, limits) : null;
}

/** JSON.parse within limits: refuses a text that is too large before parsing it. Never throws. */
export function jsonReadWithin(text: unknown, limits: TextLimits): Outcome<unknown> {
  if (typeof text !== 'string') return { ok: false, message: `a ${limits.what} must be text` };
  const problem = textLimitProblem(text, limits);
  if (problem) return { ok: false, message: problem };
  return jsonRead(text, limits.what);
}
