import { useEffect } from 'react';
import { useAppStore } from './app-store';
import {
  actionResetScene,
  actionToggleFullscreen,
  actionTogglePresentation,
  deckStep,
} from './toolkit/actions';

const typing = (t: EventTarget | null) => {
  const el = t as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable) return true;
  return (
    el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' ||
    (el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'range')
  );
};

/**
 * App-wide keys (capture phase, so they win over a lab's own keys): P presentation (C shows its
 * controls), F full screen,
 * R reset the scene, ? the shortcut sheet, Esc closes; in presentation with a deck, → ↓ PageDown
 * Space go to the next scene and ← ↑ PageUp to the previous (what presentation clickers send).
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const app = useAppStore.getState();
      let handled = true;
      if (
        app.presenting &&
        app.deck &&
        ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(e.key)
      )
        deckStep(1);
      else if (app.presenting && app.deck && ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(e.key))
        deckStep(-1);
      else if (e.key === 'p' || e.key === 'P') actionTogglePresentation();
      else if (app.presenting && (e.key === 'c' || e.key === 'C'))
        useAppStore.setState({ presentControls: !app.presentControls });
      else if (e.key === 'f' || e.key === 'F') actionToggleFullscreen();
      else if (e.key === 'r' || e.key === 'R') actionResetScene();
      else if (e.key === '?') useAppStore.setState({ shortcutsOpen: !app.shortcutsOpen });
      else if (e.key === 'Escape' && (app.shortcutsOpen || app.aboutOpen))
        useAppStore.setState({ shortcutsOpen: false, aboutOpen: false });
      else if (e.key === 'Escape' && app.presenting && app.presentControls)
        useAppStore.setState({ presentControls: false });
      else if (e.key === 'Escape' && app.presenting) actionTogglePresentation();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
