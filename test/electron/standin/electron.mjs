// A stand-in for the `electron` module, for running the built main bundle under Node in a worker
// thread (test/electron/main-process.test.ts). It checks wiring, not Electron: it records what
// main calls and lets the test drive events. The real parts: utilityProcess.fork starts a Node
// child process (utility-shim.mjs gives it process.parentPort), MessageChannelMain is a real
// MessageChannel, and a port posted to the window reaches the test as a real MessagePort.
// Electron's rules that main must keep are enforced: privileged schemes only before ready,
// protocol.handle only after, one handler per IPC channel.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { MessageChannel, parentPort } from 'node:worker_threads';
import { PortMain } from './port-main.mjs';

const shim = new URL('./utility-shim.mjs', import.meta.url).pathname;
const post = (message, transfer) => parentPort.postMessage(message, transfer);
const record = (api, ...args) => post({ kind: 'call', api, args: structuredClone(args) });

let ready = false;
let readyResolve;
const readyPromise = new Promise((resolve) => (readyResolve = resolve));
const handlers = { ipc: new Map(), protocol: new Map(), beforeRequest: null, headers: null };
const dialogAnswers = { open: [], save: [] };
const windows = [];
const children = new Set();

class AppStandin extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock(data) {
    record('app.requestSingleInstanceLock', data);
    return true;
  }
  whenReady() {
    return readyPromise;
  }
  isReady() {
    return ready;
  }
  quit() {
    record('app.quit');
  }
}
export const app = new AppStandin();

class WebContents extends EventEmitter {
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  send(channel, payload) {
    post({ kind: 'window-message', channel, payload });
  }
  postMessage(channel, payload, ports = []) {
    const nodePorts = ports.map((p) => p.port);
    post({ kind: 'window-message', channel, payload, ports: nodePorts }, nodePorts);
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((w) => !w.webContents.destroyed);
  }
  constructor(options) {
    super();
    record('BrowserWindow', options);
    this.webContents = new WebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', url);
    return Promise.resolve();
  }
  loadFile(file) {
    record('BrowserWindow.loadFile', file);
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {}
  close() {
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ labels: template.map((item) => item.label ?? item.role) }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu.labels),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
    webRequest: {
      onBeforeRequest: (fn) => (handlers.beforeRequest = fn),
      onHeadersReceived: (fn) => (handlers.headers = fn),
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('registerSchemesAsPrivileged can only be used before ready');
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle can only be used after ready');
    handlers.protocol.set(scheme, handler);
    record('protocol.handle', scheme);
  },
};

export const ipcMain = {
  handle(channel, fn) {
    if (handlers.ipc.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.ipc.set(channel, fn);
    record('ipcMain.handle', channel);
  },
};

export const dialog = {
  async showOpenDialog(_win, options) {
    record('dialog.showOpenDialog', options);
    return dialogAnswers.open.shift() ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(_win, options) {
    record('dialog.showSaveDialog', options);
    return dialogAnswers.save.shift() ?? { canceled: true, filePath: '' };
  },
};

export class MessageChannelMain {
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new PortMain(port1);
    this.port2 = new PortMain(port2);
  }
}

/** A utility process: a Node child process; ports posted to it are relayed over its IPC. */
class UtilityStandin extends EventEmitter {
  constructor(entry, args, options) {
    super();
    this.child = fork(entry, args, {
      execArgv: ['--import', shim],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.pid = this.child.pid;
    this.relays = new Map();
    this.nextId = 0;
    children.add(this);
    this.child.on('message', (m) => {
      if (m.t === 'msg') this.emit('message', m.data);
      else if (m.t === 'port-msg') this.relays.get(m.id)?.postMessage(m.data);
      else if (m.t === 'port-close') this.relays.get(m.id)?.close();
    });
    this.child.on('exit', (code, signal) => {
      children.delete(this);
      for (const port of this.relays.values()) port.close();
      record('UtilityProcess.exit', { pid: this.pid, code, signal });
      this.emit('exit', code ?? -1);
    });
    record('utilityProcess.fork', entry, args, options);
  }
  postMessage(message, transfer = []) {
    const ids = transfer.map((portMain) => {
      const id = this.nextId++;
      const { port } = portMain;
      this.relays.set(id, port);
      port.on('message', (data) => this.send({ t: 'port-msg', id, data }));
      port.once('close', () => {
        if (this.relays.delete(id)) this.send({ t: 'port-close', id });
      });
      return id;
    });
    this.send({ t: 'msg', data: message, ports: ids });
  }
  send(m) {
    if (this.child.connected) this.child.send(m);
  }
  kill() {
    return this.child.kill();
  }
}

export const utilityProcess = { fork: (...args) => new UtilityStandin(...args) };

/** What the test can ask of the stand-in; each returns a cloneable answer. */
const commands = {
  ready() {
    ready = true;
    app.emit('ready');
    readyResolve();
  },
  load() {
    const contents = windows.at(-1).webContents;
    contents.emit('did-start-loading');
    contents.emit('did-finish-load');
  },
  closeWindow: () => windows.at(-1).close(),
  async invoke({ channel, payload, frameUrl }) {
    const contents = windows.at(-1).webContents;
    return handlers.ipc.get(channel)({ sender: contents, senderFrame: { url: frameUrl } }, payload);
  },
  answerOpen: (answer) => void dialogAnswers.open.push(answer),
  async protocol({ url, method = 'GET' }) {
    const res = await handlers.protocol.get(new URL(url).protocol.slice(0, -1))(
      new Request(url, { method }),
    );
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  },
  request: ({ url }) =>
    new Promise((resolve) => handlers.beforeRequest({ url }, (r) => resolve(r.cancel))),
  headers: ({ responseHeaders }) =>
    new Promise((resolve) =>
      handlers.headers({ responseHeaders }, (r) => resolve(r.responseHeaders)),
    ),
  navigate({ event, url }) {
    let prevented = false;
    windows.at(-1).webContents.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  },
  emitApp({ event, args }) {
    app.emit(event, { preventDefault() {} }, ...args);
  },
  children: () => [...children].map((u) => u.pid),
  killChild({ pid }) {
    for (const u of children) if (u.pid === pid) u.child.kill('SIGKILL');
  },
  beforeQuit: () => void app.emit('before-quit'),
};

parentPort.on('message', async ({ id, name, args }) => {
  try {
    post({ kind: 'reply', id, value: await commands[name](args) });
  } catch (err) {
    post({ kind: 'reply', id, error: String(err?.stack ?? err) });
  }
});
