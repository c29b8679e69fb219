// The compute process body serves one window port at a time: a page that reloads gets a fresh
// port, and the server of the old page stops (its runs end and are reported, its port closes);
// so too when the window's end closes or main says the window went.
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ControlMessage } from '../../core/protocol/messages';
import { computeProcessStart, type ComputeLink } from '../../electron/compute/process';
import { ComputeClient } from '../../renderer/compute/client';
import { portFromNode } from '../protocol/helpers';

function until(pred: () => boolean, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      if (pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error('timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

/** A window ↔ process channel: the process gets a link that can close and see its peer close. */
function windowChannel() {
  const { port1, port2 } = new MessageChannel();
  let closed = false;
  port2.on('close', () => (closed = true));
  const link: ComputeLink = {
    ...portFromNode(port1),
    onClose: (listener) => port1.once('close', listener),
  };
  return { link, window: port2 as MessagePort, closed: () => closed };
}

/** Starts the process body with hand-fed ports; returns its control log and feeders. */
function processStart() {
  const control: ControlMessage[] = [];
  let give: (link: ComputeLink) => void = () => {};
  let disconnect: () => void = () => {};
  computeProcessStart({
    onControl: () => {},
    sendControl: (m) => control.push(m),
    onPort: (l) => (give = l),
    onDisconnect: (l) => (disconnect = l),
  });
  return { control, give: (l: ComputeLink) => give(l), disconnect: () => disconnect() };
}

const long = {
  surface: 'bowl',
  grid: 8,
  start: [1.5, -1] as [number, number],
  learningRate: 1e-4,
  // At most 30 frames a second per run: 10,000 one-step frames take minutes.
  steps: 10_000,
  stepsPerFrame: 1,
};
const short = { ...long, steps: 20, stepsPerFrame: 10 };

/** Starts a long run on `window`'s client and waits for its first frame. */
async function longRun(window: MessagePort) {
  const client = new ComputeClient('electron-utility', [portFromNode(window)]);
  let frames = 0;
  let failure = '';
  const handle = client.run('surface-descent', long, {
    onFrame: () => frames++,
    onError: (e) => (failure = e.message),
  });
  await until(() => frames > 0 || failure !== '');
  expect(failure).toBe('');
  return { client, handle, frames: () => frames };
}

async function shortRun(window: MessagePort): Promise<number> {
  const client = new ComputeClient('electron-utility', [portFromNode(window)]);
  return new Promise((resolve, reject) =>
    client.run('surface-descent', short, {
      onResult: (r) => resolve(r.points),
      onError: (e) => reject(new Error(e.message)),
    }),
  );
}

const ended = (control: ControlMessage[]) =>
  control.filter((m) => m.type === 'run-ended').map((m) => m.runId);
const started = (control: ControlMessage[]) =>
  control.filter((m) => m.type === 'run-started').map((m) => m.runId);

describe('one window port at a time', () => {
  it('a reload’s new port stops the old page’s server, ends its runs and closes its port', async () => {
    const proc = processStart();
    const first = windowChannel();
    proc.give(first.link);
    const run = await longRun(first.window);
    expect(started(proc.control)).toHaveLength(1);
    expect(ended(proc.control)).toEqual([]);

    const second = windowChannel();
    proc.give(second.link);
    expect(ended(proc.control)).toEqual(started(proc.control));
    await until(first.closed);
    const framesThen = run.frames();
    await new Promise((r) => setTimeout(r, 150));
    expect(run.frames()).toBe(framesThen);

    expect(await shortRun(second.window)).toBe(21);
    expect(second.closed()).toBe(false);
    second.window.close();
  });

  it('the window’s end closing stops its server', async () => {
    const proc = processStart();
    const only = windowChannel();
    proc.give(only.link);
    await longRun(only.window);
    only.window.close();
    await until(() => ended(proc.control).length === 1);
    expect(ended(proc.control)).toEqual(started(proc.control));
  });

  it('main’s disconnect (the window closed) stops the server and closes the port', async () => {
    const proc = processStart();
    const only = windowChannel();
    proc.give(only.link);
    await longRun(only.window);
    proc.disconnect();
    expect(ended(proc.control)).toEqual(started(proc.control));
    await until(only.closed);
  });
});
