/** The application menu. Items that act on the view are forwarded to the window as commands. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { ipcChannels, type MenuCommand } from '../../core/protocol/app-ipc';
import { ipcSend } from './ipc-send';

export function menuBuild(getWindow: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () =>
    ipcSend(getWindow()?.webContents, ipcChannels.menu, command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Scene…', accelerator: 'CmdOrCtrl+O', click: send('open-scene') },
        { label: 'Save Scene…', accelerator: 'CmdOrCtrl+S', click: send('save-scene') },
        { type: 'separator' },
        { label: 'Open Deck…', accelerator: 'CmdOrCtrl+Shift+O', click: send('open-deck') },
        { label: 'Add Scene to Deck', click: send('deck-add-scene') },
        { label: 'Save Deck…', accelerator: 'CmdOrCtrl+Shift+S', click: send('save-deck') },
        { type: 'separator' },
        { label: 'Export PNG…', accelerator: 'CmdOrCtrl+E', click: send('export-png') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'View',
      submenu: [
        {
          label: 'Presentation Mode',
          accelerator: 'P',
          registerAccelerator: false,
          click: send('toggle-presentation'),
        },
        { role: 'togglefullscreen' },
        { label: 'Reset View', click: send('reset-view') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          accelerator: '?',
          registerAccelerator: false,
          click: send('show-shortcuts'),
        },
        { label: 'About ML Math Lab', click: send('show-about') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
