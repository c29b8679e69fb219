/**
 * Scenes in links: a scene's compact canonical JSON, UTF-8 encoded, as base64url — safe in a URL
 * hash without escaping. Decoding applies exactly the checks of a scene file.
 */
import { base64urlDecode, base64urlEncode, utf8Decode, utf8Encode } from './base64url';
import {
  sceneCanonical,
  sceneValidate,
  type LabParamSchemas,
  type SceneFile,
  type SceneResult,
} from './scene';
import { jsonRead } from './scene-issues';
import { SCENE_LIMITS, textLimitProblem } from './scene-limits';

/** The longest scene link text accepted (characters of base64url). */
export const SCENE_URL_MAX_CHARS = 8192;

/** A scene's link text, or why it cannot be one. */
export type SceneUrlResult = { ok: true; text: string } | { ok: false; message: string };

/** Encodes a scene for a URL hash; refuses scenes whose text would exceed the limit. */
export function sceneUrlEncode(scene: SceneFile): SceneUrlResult {
  const text = base64urlEncode(utf8Encode(JSON.stringify(sceneCanonical(scene))));
  if (text.length > SCENE_URL_MAX_CHARS) {
    return {
      ok: false,
      message: `this scene is too large for a link (${text.length} characters; the limit is ${SCENE_URL_MAX_CHARS}): save it as a file instead`,
    };
  }
  return { ok: true, text };
}

/** Reads a scene from its link text (as made by `sceneUrlEncode`). Never throws. */
export function sceneUrlDecode(text: string, labs: LabParamSchemas): SceneResult {
  if (typeof text !== 'string' || text.length === 0) {
    return { ok: false, message: 'the link holds no scene' };
  }
  if (text.length > SCENE_URL_MAX_CHARS) {
    return {
      ok: false,
      message: `the link is too long to hold a scene (${text.length} characters; the limit is ${SCENE_URL_MAX_CHARS})`,
    };
  }
  const bytes = base64urlDecode(text);
  if (!bytes.ok) return { ok: false, message: `the scene link is damaged: ${bytes.message}` };
  const json = utf8Decode(bytes.value);
  if (!json.ok) return { ok: false, message: `the scene link is damaged: ${json.message}` };
  const tooLarge = textLimitProblem(json.value, SCENE_LIMITS);
  if (tooLarge) return { ok: false, message: tooLarge };
  const value = jsonRead(json.value, 'scene');
  if (!value.ok) return { ok: false, message: `the scene link is damaged: ${value.message}` };
  return sceneValidate(value.value, labs);
}
