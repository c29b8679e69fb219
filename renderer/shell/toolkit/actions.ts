/**
 * The toolkit's user actions, shared by the toolbar, the keyboard and the desktop menu, so each
 * behaves the same whichever way it is asked for.
 */
import { useAppStore } from '../app-store';
import {
  deckStep,
  deckText,
  deckWithCurrent,
  sceneApply,
  sceneCapture,
  sceneLink,
  sceneOrDeckOpen,
  sceneText,
} from './scenes';
import { fileOpenText, fileSave } from './save-file';

const say = (text: string, kind: 'info' | 'error' = 'info') =>
  useAppStore.getState().say(text, kind);

export async function actionSaveScene(): Promise<void> {
  const cap = sceneCapture();
  if (!cap.ok) return say(cap.message, 'error');
  const r = await fileSave('scene', `${cap.scene.lab}.mlscene`, sceneText(cap.scene));
  if (r.ok) {
    useAppStore.setState({ savedScene: cap.scene });
    say(`Scene saved (${r.where})`);
  } else if (!r.cancelled) say(r.message, 'error');
}

export async function actionOpen(): Promise<void> {
  const r = await fileOpenText('scene');
  if (r.ok) sceneOrDeckOpen(r.text, r.name);
  else if (!r.cancelled) say(r.message, 'error');
}

export function actionDeckAdd(): void {
  const r = deckWithCurrent();
  if (!r.ok) return say(r.message, 'error');
  useAppStore.setState({ deck: r.deck, deckIndex: r.deck.scenes.length - 1 });
  say(`Added to the deck: scene ${r.deck.scenes.length}`);
}

export async function actionDeckSave(): Promise<void> {
  const deck = useAppStore.getState().deck;
  if (!deck) return say('There is no deck yet: add a scene to start one', 'error');
  const r = await fileSave('scene', 'lecture.mldeck', deckText(deck));
  if (r.ok) say(`Deck saved (${r.where})`);
  else if (!r.cancelled) say(r.message, 'error');
}

export async function actionCopyLink(): Promise<void> {
  const r = sceneLink();
  if (!r.ok) return say(r.message, 'error');
  try {
    await navigator.clipboard.writeText(r.url);
    say('Link to this scene copied');
  } catch {
    window.history.replaceState(null, '', r.url);
    say('The address bar now holds a link to this scene');
  }
}

export function actionTogglePresentation(): void {
  const presenting = !useAppStore.getState().presenting;
  useAppStore.setState({ presenting, presentControls: false });
  if (presenting && !document.fullscreenElement)
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  if (!presenting && document.fullscreenElement) document.exitFullscreen?.().catch(() => undefined);
}

export function actionToggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Restores the scene last opened, saved or stepped to (the deck's current scene in a deck). */
export function actionResetScene(): void {
  const { deck, deckIndex, savedScene } = useAppStore.getState();
  const scene = deck ? deck.scenes[deckIndex] : savedScene;
  if (!scene) return say('Nothing to reset to: open or save a scene first', 'error');
  sceneApply(scene);
  say('Scene reset');
}

export { deckStep };
