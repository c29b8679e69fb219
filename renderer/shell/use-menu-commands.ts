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
import { sceneOrDeckOpen } from './toolkit/scenes';

const handlers: Partial<Record<MenuCommand, () => void>> = {
  'open-scene': () => void actionOpen(),
  'save-scene': () => void actionSaveScene(),
  'toggle-presentation': actionTogglePresentation,
  'reset-view': actionResetScene,
  'show-shortcuts': () => useAppStore.setState({ shortcutsOpen: true }),
  'show-about': () => useAppStore.setState({ aboutOpen: true }),
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
