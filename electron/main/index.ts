/**
 * Electron main: one window, the menu, the security hardening, typed IPC, and the ComputeHost.
 * Main owns windows, menus and files; it never runs simulations itself.
 *
 * One instance runs at a time. Scene and deck files the operating system hands over (the
 * first launch's command line, a second launch's command line forwarded here, macOS
 * `open-file`) are queued, read once the window has loaded, and sent to it on `file:opened`.
 */
import { app, BrowserWindow, Menu, protocol, session } from 'electron';
import path from 'node:path';
import { ipcChannels, type OpenedFileNotice } from '../../core/protocol/app-ipc';
import { ipcSend } from './ipc-send';
import computeEntry from '../compute/index?modulePath';
import { APP_INDEX_URL, APP_SCHEME, appProtocolHandler, appScheme } from './app-protocol';
import { ComputeHost } from './compute-host';
import { ipcRegister } from './ipc';
import { launchFileRead, launchFilesFromArgv } from './launch-files';
import { menuBuild } from './menu';
import { CONTENT_SECURITY_POLICY, hardenContents, hardenSession, isAppUrl } from './security';

/** `npm run dev` serves the renderer from Vite; a packaged app never trusts such a URL. */
const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
/** The built renderer, served on app://mllab (see app-protocol.ts). */
const rendererRoot = path.join(import.meta.dirname, '../renderer');
// Privileges can only be granted before `ready`.
protocol.registerSchemesAsPrivileged([appScheme]);
let mainWindow: BrowserWindow | null = null;
/** True once the current window's page has loaded (and can receive `file:opened`). */
let windowLoaded = false;
const getWindow = () => mainWindow;
const compute = new ComputeHost(computeEntry, getWindow); // inert until start()
/** Set once the app is ready and its first window exists; until then files only queue. */
let started = false;

/** Files waiting for the window; `filesDeliver` empties it in order. */
const filesPending: string[] = [];
let filesDelivering: Promise<void> = Promise.resolve();

function filesQueue(files: readonly string[]): void {
  if (files.length === 0) return;
  filesPending.push(...files);
  filesDeliver();
}

function filesDeliver(): void {
  // Chained, so files are read and sent one at a time, in the order they were named.
  filesDelivering = filesDelivering.then(async () => {
    while (windowLoaded && mainWindow && filesPending.length > 0) {
      const file = filesPending.shift()!;
      const read = await launchFileRead(file);
      const notice: OpenedFileNotice = read.ok
        ? { path: read.path, kind: read.kind, text: read.text }
        : { path: read.path, error: read.message };
      if (!windowLoaded || !mainWindow) {
        filesPending.unshift(file); // the window went away meanwhile: keep it for the next one
        break;
      }
      ipcSend(mainWindow.webContents, ipcChannels.fileOpened, notice);
    }
  });
}

/** Brings the window forward (creating one if the app has none, as on macOS after closing it). */
function windowReveal(): void {
  if (!started) return;
  if (!mainWindow) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  windowLoaded = false;
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'ML Math Lab',
    backgroundColor: '#0f1420',
    show: false,
    // Written out here (not built by a helper) so static scanners such as electronegativity see it.
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-start-loading', () => {
    if (mainWindow === win) windowLoaded = false;
  });
  win.webContents.on('did-finish-load', () => {
    compute.connectAll();
    if (mainWindow !== win) return;
    windowLoaded = true;
    filesDeliver();
  });
  win.on('closed', () => {
    compute.disconnectAll();
    if (mainWindow !== win) return;
    mainWindow = null;
    windowLoaded = false;
  });
  void win.loadURL(devServer ?? APP_INDEX_URL);
}

function start(launchFiles: string[]): void {
  filesQueue(launchFiles); // sent once the window has loaded
  // macOS hands files over with `open-file`, also before `ready` when the app is launched by
  // opening one: register it now and queue what comes.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    filesQueue([file]);
    windowReveal();
  });

  // A second launch (double-clicking another file, or the command line) quits at once and
  // forwards its files here; `additionalData` carries them exactly as it resolved them, and
  // its argv is the fallback (Chromium may reorder it and add switches).
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    filesQueue(forwardedFiles(additionalData) ?? launchFilesFromArgv(argv, workingDirectory));
    windowReveal();
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, devServer);
    protocol.handle(
      APP_SCHEME,
      appProtocolHandler(rendererRoot, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }),
    );
    ipcRegister(getWindow, (url) => isAppUrl(url, devServer));
    Menu.setApplicationMenu(menuBuild(getWindow));
    compute.start();
    createWindow();
    started = true;
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => compute.stop());
}

/** The `launchFiles` a second instance sent, if they have the expected shape. */
function forwardedFiles(data: unknown): string[] | null {
  if (!data || typeof data !== 'object') return null;
  const files = (data as { launchFiles?: unknown }).launchFiles;
  if (!Array.isArray(files) || files.length > 1000) return null;
  if (!files.every((f) => typeof f === 'string' && path.isAbsolute(f))) return null;
  return files as string[];
}

const launchFiles = launchFilesFromArgv(process.argv, process.cwd());
if (app.requestSingleInstanceLock({ launchFiles })) start(launchFiles);
else app.quit(); // the running instance has the files (second-instance) and comes forward
