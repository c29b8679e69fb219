/**
 * Electron main: one window, the menu, the security hardening, typed IPC, and the ComputeHost.
 * Main owns windows, menus and files; it never runs simulations itself.
 */
import { app, BrowserWindow, Menu, session } from 'electron';
import path from 'node:path';
import computeEntry from '../compute/index?modulePath';
import { ComputeHost } from './compute-host';
import { ipcRegister } from './ipc';
import { menuBuild } from './menu';
import { hardenContents, hardenSession, isAppUrl, secureWebPreferences } from './security';

const devServer = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;
const compute = new ComputeHost(computeEntry, getWindow);

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'ML Math Lab',
    backgroundColor: '#0f1420',
    show: false,
    webPreferences: secureWebPreferences(path.join(import.meta.dirname, '../preload/index.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('did-finish-load', () => compute.connectAll());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  if (devServer) void mainWindow.loadURL(devServer);
  else void mainWindow.loadFile(path.join(import.meta.dirname, '../renderer/index.html'));
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

void app.whenReady().then(() => {
  hardenSession(session.defaultSession, devServer);
  ipcRegister(getWindow, (url) => isAppUrl(url, devServer));
  Menu.setApplicationMenu(menuBuild(getWindow));
  compute.start();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('before-quit', () => compute.stop());
