import { useEffect } from 'react';
import type { MenuCommand } from '../../core/protocol/app-ipc';
import { useAppStore } from './app-store';
import {
  actionDeckAdd,
  actionDeckSave,
  actionOpen,
  actionResetScene,
  actionSaveScene,
  actionTogglePresentation,
} from './toolkit/actions';
import { exportPng } from './toolkit/png';
import { fileSave } from './toolkit/save-file';
import { currentLabId, sceneOrDeckOpen } from './toolkit/scenes';

/** File ▸ Export PNG: the whole view at 2× (the header's Export menu offers each view and scale). */
async function exportViewPng(): Promise<void> {
  const root = document.querySelector<HTMLElement>('.app-main');
  const say = useAppStore.getState().say;
  if (!root || !currentLabId()) return say('Open a lab to export a picture of it', 'error');
  try {
    const r = await fileSave('png', `${currentLabId()}-view@2x.png`, await exportPng(root, 2));
    if (r.ok) say(`Picture saved (${r.where})`);
    else if (!r.cancelled) say(r.message, 'error');
  } catch (err) {
    say(
      `Could not export the picture: ${err instanceof Error ? err.message : String(err)}`,
      'error',
    );
  }
}

const handlers: Partial<Record<MenuCommand, () => void>> = {
  'open-scene': () => void actionOpen(),
  'save-scene': () => void actionSaveScene(),
  'toggle-presentation': actionTogglePresentation,
  'reset-view': actionResetScene,
  'show-shortcuts': () => useAppStore.setState({ shortcutsOpen: true }),
  'show-about': () => useAppStore.setState({ aboutOpen: true }),
  'export-png': () => void exportViewPng(),
};

/** Desktop menu commands (Electron only) routed to the same actions as the toolbar and keys. */
export function useMenuCommands(extra: Partial<Record<string, () => void>> = {}): void {
  useEffect(() => {
    const bridge = window.mlLab;
    if (!bridge) return;
    const all: Record<string, (() => void) | undefined> = {
      ...handlers,
      'open-deck': () => void actionOpen(),
      'deck-add-scene': actionDeckAdd,
      'save-deck': () => void actionDeckSave(),
      ...extra,
    };
    const offMenu = bridge.onMenuCommand((command) => all[command]?.());
    // Files opened from the operating system (double-click, command line, a second launch).
    const offFiles = bridge.onFileOpened((notice) => {
      const name = notice.path.split(/[\\/]/).pop() ?? notice.path;
      if ('error' in notice)
        useAppStore.getState().say(`Could not open ${name}: ${notice.error}`, 'error');
      else sceneOrDeckOpen(notice.text, name);
    });
    return () => {
      offMenu();
      offFiles();
    };
  }, [extra]);
}
