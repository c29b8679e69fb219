/**
 * Scenes and decks in the renderer: capture the current lab into a scene file, apply a scene
 * (switching lab if needed), and read files or links with the messages from core/scene.
 */
import { deckParse, deckSerialize, DECK_VERSION, type DeckFile } from '../../../core/scene/deck';
import {
  SCENE_FORMAT,
  SCENE_VERSION,
  sceneParse,
  sceneSerialize,
  type LabParamSchemas,
  type SceneFile,
} from '../../../core/scene/scene';
import { sceneFileFormat } from '../../../core/scene/scene-open';
import { sceneUrlDecode, sceneUrlEncode } from '../../../core/scene/scene-url';
import { DECK_FORMAT } from '../../../core/scene/deck';
import { LABS, labById } from '../../labs/registry';
import { useAppStore } from '../app-store';
import { recentRemember } from '../home/recent';
import { routeLabId } from '../use-hash-route';

/** Every lab's scene params schema, by lab id. */
export function labParamSchemas(): LabParamSchemas {
  return Object.fromEntries(LABS.map((l) => [l.id, l.toolkit.sceneSchema]));
}

/** The lab id in the current URL hash. */
export const currentLabId = routeLabId;

/** The current lab as a scene, or a reason it cannot be saved. */
export function sceneCapture(): { ok: true; scene: SceneFile } | { ok: false; message: string } {
  const lab = labById(currentLabId());
  if (!lab) return { ok: false, message: 'open a lab first: the lab list has nothing to save' };
  const snap = lab.toolkit.capture();
  return {
    ok: true,
    scene: {
      format: SCENE_FORMAT,
      version: SCENE_VERSION,
      lab: lab.id,
      params: snap.params,
      playback: snap.playback
        ? { position: Math.max(0, Math.round(snap.playback.position)) }
        : undefined,
      seed: snap.seed,
      title: lab.title,
      savedAt: new Date().toISOString(),
    },
  };
}

/**
 * Shows a validated scene: switches to its lab and restores its state. Nothing changes when the
 * lab refuses it (params and seed are checked together by the lab's schema).
 */
export function sceneApply(scene: SceneFile): boolean {
  const app = useAppStore.getState();
  const lab = labById(scene.lab);
  if (!lab) {
    app.say(`this app has no lab “${scene.lab}” that can show the scene`, 'error');
    return false;
  }
  const applied = lab.toolkit.apply({
    params: scene.params,
    playback: scene.playback,
    seed: scene.seed,
  });
  if (!applied.ok) {
    app.say(`The scene could not be shown: ${applied.message}`, 'error');
    return false;
  }
  if (currentLabId() !== lab.id) window.location.hash = `#/${lab.id}`;
  useAppStore.setState({ savedScene: scene });
  return true;
}

/** Reads a .mlscene or .mldeck text; a deck opens at its first scene. Nothing changes on error. */
export function sceneOrDeckOpen(text: string, name: string): boolean {
  const app = useAppStore.getState();
  const labs = labParamSchemas();
  // Found without parsing: each reader refuses an oversized text before it parses it.
  const kind = sceneFileFormat(text);
  if (kind === DECK_FORMAT) {
    const deck = deckParse(text, labs);
    if (!deck.ok) {
      app.say(`Could not open ${name}: ${deck.message}`, 'error');
      return false;
    }
    const bad = deck.deck.scenes.findIndex((sc) => !labById(sc.lab)?.toolkit.check(sc).ok);
    if (bad >= 0) {
      const sc = deck.deck.scenes[bad];
      const why = labById(sc.lab)?.toolkit.check(sc);
      const message = why && !why.ok ? why.message : `unknown lab “${sc.lab}”`;
      app.say(`Could not open ${name}: scene ${bad + 1}: ${message}`, 'error');
      return false;
    }
    if (!sceneApply(deck.deck.scenes[0])) return false;
    useAppStore.setState({ deck: deck.deck, deckIndex: 0 });
    const first = deck.deck.scenes[0];
    recentRemember({
      kind: 'deck',
      name,
      lab: first.lab,
      title: deck.deck.title ?? name,
      scenes: deck.deck.scenes.length,
      text,
    });
    app.say(`Opened deck ${name}: ${deck.deck.scenes.length} scenes`);
    return true;
  }
  const scene = sceneParse(text, labs);
  if (!scene.ok) {
    app.say(`Could not open ${name}: ${scene.message}`, 'error');
    return false;
  }
  if (!sceneApply(scene.scene)) return false;
  recentRemember({
    kind: 'scene',
    name,
    lab: scene.scene.lab,
    title: scene.scene.title ?? name,
    scenes: 1,
    text,
  });
  app.say(`Opened ${name}`);
  return true;
}

export function sceneText(scene: SceneFile): string {
  return sceneSerialize(scene);
}

/** An empty deck, or the open one with the current scene appended. */
export function deckWithCurrent(): { ok: true; deck: DeckFile } | { ok: false; message: string } {
  const cap = sceneCapture();
  if (!cap.ok) return cap;
  const deck = useAppStore.getState().deck ?? {
    format: DECK_FORMAT,
    version: DECK_VERSION,
    title: 'ML Math Lab deck',
    scenes: [],
  };
  return { ok: true, deck: { ...deck, scenes: [...deck.scenes, cap.scene] } };
}

export function deckText(deck: DeckFile): string {
  return deckSerialize(deck);
}

/** Moves through the open deck by `delta` scenes (clamped); returns false without a deck. */
export function deckStep(delta: number): boolean {
  const { deck, deckIndex } = useAppStore.getState();
  if (!deck) return false;
  const next = Math.max(0, Math.min(deck.scenes.length - 1, deckIndex + delta));
  if (next !== deckIndex) {
    useAppStore.setState({ deckIndex: next });
    sceneApply(deck.scenes[next]);
  }
  return true;
}

/** A link to the current scene (`#/<lab>?scene=…`). */
export function sceneLink(): { ok: true; url: string } | { ok: false; message: string } {
  const cap = sceneCapture();
  if (!cap.ok) return cap;
  const enc = sceneUrlEncode(cap.scene);
  if (!enc.ok) return enc;
  const base = window.location.href.split('#')[0];
  return { ok: true, url: `${base}#/${cap.scene.lab}?scene=${enc.text}` };
}

/**
 * Applies a scene carried in the URL hash, if any. `remember` lists it under Recently opened (a
 * link the app was opened with); a scene link followed inside the app is applied only.
 */
export function sceneFromUrl(remember = true): void {
  const m = window.location.hash.match(/[?&]scene=([A-Za-z0-9_-]+)/);
  if (!m) return;
  const r = sceneUrlDecode(m[1], labParamSchemas());
  if (!r.ok) {
    useAppStore.getState().say(`The link's scene could not be read: ${r.message}`, 'error');
    return;
  }
  if (sceneApply(r.scene) && remember)
    recentRemember({
      kind: 'scene',
      name: 'link',
      lab: r.scene.lab,
      title: r.scene.title ?? 'Scene from a link',
      scenes: 1,
      text: sceneSerialize(r.scene),
    });
}
