// The Electron main process, built by electron-vite as for release, run under Node against a
// stand-in `electron` module (standin/electron.mjs: it records calls; compute processes are real
// Node child processes and ports are real MessagePorts). The test plays the window: it loads the
// page, receives brokered ports and runs simulations on them, as the renderer does.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';
import { ComputeClient, type ComputeFailure } from '../../renderer/compute/client';
import { portFromNode } from '../protocol/helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const standin = path.join(import.meta.dirname, 'standin');

interface Call {
  kind: 'call';
  api: string;
  args: unknown[];
}
interface WindowMessage {
  kind: 'window-message';
  channel: string;
  payload: unknown;
  ports?: MessagePort[];
}
type Note = Call | WindowMessage;

let tmp = '';
let worker: Worker;
let crash: Error | null = null;
const notes: Note[] = [];
const replies = new Map<number, (m: { value?: unknown; error?: string }) => void>();
let nextId = 0;

const calls = (api: string) =>
  notes.filter((n): n is Call => n.kind === 'call' && n.api === api).map((n) => n.args);
const toWindow = (channel: string) =>
  notes.filter((n): n is WindowMessage => n.kind === 'window-message' && n.channel === channel);

function until(pred: () => boolean, what: string, ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (crash) return reject(crash);
      if (pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

function command<T = unknown>(name: string, args?: unknown): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    replies.set(id, (m) => (m.error ? reject(new Error(m.error)) : resolve(m.value as T)));
    worker.postMessage({ id, name, args });
  });
}

const poolSize = Math.max(1, os.cpus().length - 1);
const sceneText = '{"format":"ml-math-lab-scene","lab":"descent"}';
const descent = (steps: number, stepsPerFrame: number) => ({
  surface: 'bowl',
  grid: 8,
  start: [1.5, -1] as [number, number],
  learningRate: 1e-4,
  steps,
  stepsPerFrame,
});

/** The newest compute port of each lane, as the window received them. */
function latestPorts(): Map<number, MessagePort> {
  const lanes = new Map<number, MessagePort>();
  for (const m of toWindow('compute:port'))
    lanes.set((m.payload as { lane: number }).lane, m.ports![0]);
  return lanes;
}

/** Runs a short simulation on `port` and resolves with its point count. */
function shortRun(port: MessagePort): Promise<number> {
  const client = new ComputeClient('electron-utility', [portFromNode(port)]);
  return new Promise((resolve, reject) =>
    client.run('surface-descent', descent(20, 10), {
      onResult: (r) => resolve(r.points),
      onError: (e) => reject(new Error(e.message)),
    }),
  );
}

/** Starts a run that would last minutes on `port`; resolves once a frame arrived. */
async function longRun(port: MessagePort) {
  const client = new ComputeClient('electron-utility', [portFromNode(port)]);
  let frames = 0;
  let failure: ComputeFailure | null = null;
  const handle = client.run('surface-descent', descent(10_000, 1), {
    onFrame: () => frames++,
    onError: (e) => (failure = e),
  });
  await until(() => frames > 0 || failure !== null, 'a first frame');
  return { client, handle, failure: () => failure as ComputeFailure | null };
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mllab-main-'));
  const started = Date.now();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV'),
  );
  const build = spawnSync(
    process.execPath,
    [path.join(standin, 'build-main.mjs'), path.join(tmp, 'out', 'main')],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env },
  );
  if (build.status !== 0) throw new Error(`main build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(`main built in ${Date.now() - started} ms`);
  // The bundle is ESM; `electron` resolves to the stand-in from the folder's own node_modules.
  writeFileSync(path.join(tmp, 'package.json'), '{"type":"module"}');
  const pkg = path.join(tmp, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.json'),
    '{"name":"electron","type":"module","main":"index.js"}',
  );
  writeFileSync(
    path.join(pkg, 'index.js'),
    `export * from ${JSON.stringify(pathToFileURL(path.join(standin, 'electron.mjs')).href)};\n`,
  );
  mkdirSync(path.join(tmp, 'out', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(tmp, 'out', 'renderer', 'index.html'), '<title>ML Math Lab</title>');
  writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  writeFileSync(path.join(tmp, 'lecture.mlscene'), sceneText);

  const workerEnv: Record<string, string | undefined> = { ...env };
  delete workerEnv.ELECTRON_RENDERER_URL;
  worker = new Worker(path.join(tmp, 'out', 'main', 'index.js'), {
    argv: ['--no-sandbox', path.join(tmp, 'lecture.mlscene')],
    env: workerEnv,
  });
  worker.on('error', (err) => (crash = err));
  worker.on(
    'message',
    (m: Note | { kind: 'reply'; id: number; value?: unknown; error?: string }) => {
      if (m.kind === 'reply') replies.get(m.id)?.(m);
      else notes.push(m);
    },
  );
}, 90_000);

afterAll(async () => {
  if (worker) {
    const pids = await command<number[]>('children').catch(() => []);
    await worker.terminate();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Electron main, built, under a stand-in electron', () => {
  it('starts: app:// privileged before ready, the single-instance lock with the launch file', async () => {
    await until(() => calls('app.requestSingleInstanceLock').length > 0, 'the lock');
    expect(calls('protocol.registerSchemesAsPrivileged')).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
    expect(calls('app.requestSingleInstanceLock')).toEqual([
      [{ launchFiles: [path.join(tmp, 'lecture.mlscene')] }],
    ]);
    expect(calls('app.quit')).toEqual([]);
    expect(crash).toBeNull();
  });

  it('on ready: hardens the session, serves app://, registers its handlers, forks compute, opens the window', async () => {
    await command('ready');
    await until(() => calls('BrowserWindow.loadURL').length > 0, 'the window to load');
    expect(calls('session.setPermissionRequestHandler')).toHaveLength(1);
    expect(calls('session.setPermissionCheckHandler')).toHaveLength(1);
    expect(calls('protocol.handle')).toEqual([['app']]);
    expect(calls('ipcMain.handle').map(([c]) => c)).toEqual(['file:save', 'file:open']);
    expect(calls('Menu.setApplicationMenu')[0][0]).toEqual(['File', 'View', 'Help']);
    const forks = calls('utilityProcess.fork');
    expect(forks).toHaveLength(poolSize);
    const chunks = readdirSync(path.join(tmp, 'out', 'main', 'chunks'));
    for (const [entry] of forks)
      expect(chunks.map((c) => path.join(tmp, 'out', 'main', 'chunks', c))).toContain(entry);
    const [[options]] = calls('BrowserWindow') as [[{ webPreferences: Record<string, unknown> }]];
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(calls('BrowserWindow.loadURL')).toEqual([['app://mllab/index.html']]);
    expect(calls('BrowserWindow.loadFile')).toEqual([]);
  });

  it('serves the renderer folder on app:// with one CSP, and nothing outside it', async () => {
    const page = await command<{ status: number; headers: Record<string, string>; body: string }>(
      'protocol',
      { url: 'app://mllab/index.html' },
    );
    expect(page.status).toBe(200);
    expect(page.body).toBe('<title>ML Math Lab</title>');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const headers = await command<Record<string, string[]>>('headers', {
      responseHeaders: page.headers,
    });
    expect(
      Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy'),
    ).toHaveLength(1);
    for (const url of ['app://mllab/..%2f..%2fsecret.txt', 'app://mllab/../../secret.txt']) {
      const out = await command<{ status: number; body: string }>('protocol', { url });
      expect(out.status, url).toBe(404);
    }
    expect(await command('request', { url: 'app://mllab/assets/index.js' })).toBe(false);
    expect(await command('request', { url: 'https://example.com/' })).toBe(true);
    expect(await command('request', { url: `file://${path.join(tmp, 'secret.txt')}` })).toBe(true);
  });

  it('refuses IPC from file:, data: and blob: frames, and from a dev server it was not given', async () => {
    for (const frameUrl of [
      `file://${path.join(tmp, 'out', 'renderer', 'index.html')}`,
      'data:text/html,<script></script>',
      'blob:app://mllab/1234',
      'http://localhost:5173/',
    ]) {
      const out = await command('invoke', {
        channel: 'file:open',
        payload: { kind: 'scene' },
        frameUrl,
      });
      expect(out, frameUrl).toEqual({
        ok: false,
        cancelled: false,
        message: 'request refused: unknown sender',
      });
    }
    expect(calls('dialog.showOpenDialog')).toEqual([]);
    expect(
      await command('navigate', { event: 'will-frame-navigate', url: 'https://example.com/' }),
    ).toBe(true);
    expect(await command('navigate', { event: 'will-navigate', url: 'file:///etc/passwd' })).toBe(
      true,
    );
  });

  it('routes the launch file to the page once it has loaded, and a second launch’s file', async () => {
    expect(toWindow('file:opened')).toEqual([]);
    await command('load');
    await until(() => toWindow('file:opened').length === 1, 'the launch file');
    expect(toWindow('file:opened')[0].payload).toEqual({
      path: path.join(tmp, 'lecture.mlscene'),
      kind: 'scene',
      text: sceneText,
    });
    const second = path.join(tmp, 'second.mldeck');
    writeFileSync(second, '{"format":"ml-math-lab-deck"}');
    await command('emitApp', {
      event: 'second-instance',
      args: [['/x/ml-math-lab', second], tmp, { launchFiles: [second] }],
    });
    await until(() => toWindow('file:opened').length === 2, 'the second launch’s file');
    expect(toWindow('file:opened')[1].payload).toMatchObject({ path: second, kind: 'deck' });
  });

  it('brokers one compute port per lane, and a run is answered through it', async () => {
    await until(() => latestPorts().size === poolSize, 'a port per lane');
    expect(toWindow('compute:port')).toHaveLength(poolSize);
    for (const port of latestPorts().values()) expect(await shortRun(port)).toBe(21);
  });

  it('a reload brokers fresh ports, and the old page’s server stops (its port closes)', async () => {
    const [old] = latestPorts().values();
    const closed = new Promise<void>((resolve) => old.once('close', resolve));
    await longRun(old);
    await command('load');
    await until(() => toWindow('compute:port').length === 2 * poolSize, 'fresh ports');
    await closed;
    for (const port of latestPorts().values()) expect(await shortRun(port)).toBe(21);
  });

  it('restarts a killed compute process, reports the lost run, and serves on a fresh port', async () => {
    const [port] = latestPorts().values();
    const forksBefore = calls('utilityProcess.fork').length;
    const portsBefore = toWindow('compute:port').length;
    const run = await longRun(port);
    const [pid] = await command<number[]>('children');
    await command('killChild', { pid });
    await until(() => toWindow('compute:lost').length === 1, 'the lost-run notice');
    const lost = toWindow('compute:lost')[0].payload as { runIds: string[]; reason: string };
    expect(lost.runIds).toEqual([run.handle.runId]);
    expect(lost.reason).toMatch(/^the compute process exited unexpectedly .* and was restarted$/);
    await until(() => calls('utilityProcess.fork').length === forksBefore + 1, 'a new process');
    await until(() => toWindow('compute:port').length === portsBefore + 1, 'a fresh port');
    const fresh = toWindow('compute:port').at(-1)!.ports![0];
    expect(await shortRun(fresh)).toBe(21);
  });

  it('answers file:open of a named pipe at once', async () => {
    const fifo = path.join(tmp, 'pipe.mlscene');
    spawnSync('mkfifo', [fifo]);
    await command('answerOpen', { canceled: false, filePaths: [fifo] });
    const out = await command('invoke', {
      channel: 'file:open',
      payload: { kind: 'scene' },
      frameUrl: 'app://mllab/index.html',
    });
    expect(out).toEqual({ ok: false, cancelled: false, message: `${fifo} is not a regular file` });
  });

  it('stops every compute process when the app quits', async () => {
    expect(await command<number[]>('children')).toHaveLength(poolSize);
    await command('beforeQuit');
    await until(() => calls('UtilityProcess.exit').length >= poolSize + 1, 'the processes to exit');
    expect(await command<number[]>('children')).toEqual([]);
    expect(crash).toBeNull();
  });
});
