// Rendering figures of the web build in Chromium (software WebGL): frame times while the Descent
// race plays, main-thread long tasks while racers are added and while Activations trains, the
// time from navigation to the first frame that draws the surface, and JS heap growth over lab
// switches. Functions take a playwright page or browser on a served build; they measure and
// return numbers, never assert (a benchmark, not a test).
//
// The page side is instrumented by an init script (PROBE): every WebGL draw call notes the
// animation frame it belongs to, so "frame time" is the time between frames that really drew,
// not between idle animation-frame callbacks.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * Installed before any page script: wraps WebGL draw calls and observes long tasks. It keeps
 * window.__bench = { recording, drawn: first draw time of each drawn frame while recording,
 * raf: animation-frame times while recording, calls: draw calls per drawn frame, surfaceAt: the
 * first draw of ≥ 10,000 indices (the surface mesh) in ms since navigation, long: [start, ms] of
 * each long task }.
 */
const PROBE = `(() => {
  const b = { recording: false, drawn: [], raf: [], surfaceAt: null, long: [], calls: [] };
  window.__bench = b;
  let inFrame = false;
  const tick = (t) => { if (b.recording) b.raf.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  for (const C of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
    if (!C) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced']) {
      const orig = C.prototype[name];
      if (!orig) continue;
      C.prototype[name] = function (...args) {
        if (b.surfaceAt === null && name.startsWith('drawElements') && args[1] >= 10000)
          b.surfaceAt = performance.now();
        if (b.recording) {
          if (!inFrame) {
            inFrame = true;
            b.drawn.push(performance.now());
            b.calls.push(0);
            queueMicrotask(() => { inFrame = false; });
          }
          b.calls[b.calls.length - 1]++;
        }
        return orig.apply(this, args);
      };
    }
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** Adds the probe to every page the context opens (call before the first navigation). */
export async function benchProbeInstall(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE });
}

const probe = <T>(page: Page, body: string): Promise<T> =>
  page.evaluate(`(() => { const b = window.__bench; ${body} })()`) as Promise<T>;

/**
 * Polls a page expression until it is true (page.waitForFunction would compile a string with
 * eval, which the app's CSP refuses; page.evaluate goes through the DevTools protocol). Resolves
 * to false on timeout.
 */
async function until(page: Page, expr: string, timeout: number, interval = 50): Promise<boolean> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(expr)) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Median and 95th percentile (nearest rank) of a list; NaN for an empty one. */
export function quantiles(xs: readonly number[]): { p50: number; p95: number; n: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
  return { p50: at(0.5), p95: at(0.95), n: s.length };
}

// Page-side conditions are strings: this module is type-checked without the DOM library.
async function legendReady(page: Page, racers: number): Promise<void> {
  const ready = `(() => {
      const rows = [...document.querySelectorAll('[data-testid=legend] li')];
      return rows.length === ${racers} && rows.every((r) => /f = |diverged/.test(r.textContent));
    })()`;
  if (!(await until(page, ready, 60_000))) throw new Error(`${racers} racers never got ready`);
}

/** Opens the Descent lab with its default scene (3 racers) and waits for the race. */
export async function descentOpen(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/descent`);
  await page.getByTestId('lab-descent').waitFor();
  await legendReady(page, 3);
}

/** Playback from step 0, recording frames for `ms` (or until the race ends). */
async function framesWhilePlaying(page: Page, ms: number) {
  await page.getByRole('button', { name: 'Back to the start' }).click();
  const play = page.getByTestId('play-pause');
  if ((await play.getAttribute('aria-label')) === 'Play') await play.click();
  await page.waitForTimeout(300); // let the first frames after the click settle
  await probe(page, 'b.drawn = []; b.raf = []; b.calls = []; b.recording = true;');
  await until(
    page,
    `document.querySelector('[data-testid=play-pause]')?.getAttribute('aria-label') === 'Play'`,
    ms,
    100,
  );
  const r = await probe<{ drawn: number[]; raf: number[]; calls: number[] }>(
    page,
    'b.recording = false; return { drawn: b.drawn, raf: b.raf, calls: b.calls };',
  );
  const deltas = (t: number[]) => t.slice(1).map((v, i) => v - t[i]);
  // The last frame before playback stopped may be followed by idle time: drop it.
  return { drawn: deltas(r.drawn).slice(0, -1), raf: deltas(r.raf), calls: r.calls };
}

export interface FrameFigures {
  /** Time between frames that drew (ms), pooled over repeats. */
  drawn: number[];
  /** Time between animation-frame callbacks (ms). */
  raf: number[];
  /** Median WebGL draw calls per frame. */
  calls: number;
}

/** Frame times of the playing race, `repeats` playbacks of up to `ms` each. */
export async function descentFrameTimes(page: Page, repeats = 3, ms = 4000): Promise<FrameFigures> {
  const out: FrameFigures = { drawn: [], raf: [], calls: 0 };
  const calls: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = await framesWhilePlaying(page, ms);
    out.drawn.push(...r.drawn);
    out.raf.push(...r.raf);
    calls.push(...r.calls);
  }
  out.calls = quantiles(calls).p50;
  return out;
}

/** Long tasks (ms) from adding racers one by one up to `upTo`, each waited for until it races. */
export async function descentAddRacersLongTasks(page: Page, upTo = 8): Promise<number[]> {
  let n = await page.locator('[data-testid=legend] li').count();
  await page.waitForTimeout(500);
  await probe(page, 'b.long = [];');
  while (n < upTo) {
    await page.getByTestId('add-racer').click();
    n++;
    await legendReady(page, n);
    await page.waitForTimeout(400); // the first frames of the new race
  }
  await page.waitForTimeout(300);
  return probe<number[]>(page, 'const d = b.long.map((e) => e[1]); b.long = []; return d;');
}

/** Long tasks (ms) while the Activations lab trains its default run to the end. */
export async function activationsTrainingLongTasks(page: Page, url: string): Promise<number[]> {
  await page.goto(`${url}#/activations`);
  await page.getByTestId('lab-activations').waitFor();
  await page.waitForTimeout(500);
  await probe(page, 'b.long = [];');
  await page.getByTestId('tab-flow').click();
  await until(
    page,
    `/finished|diverged|failed/.test(document.querySelector('[data-testid=flow-state]')?.textContent)`,
    180_000,
    200,
  );
  return probe<number[]>(page, 'const d = b.long.map((e) => e[1]); b.long = []; return d;');
}

/** Navigation → first frame that drew the surface (ms), in a fresh context each time. */
export async function descentFirstSurface(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<number> {
  const context = await browser.newContext({ viewport });
  try {
    await benchProbeInstall(context);
    const page = await context.newPage();
    await page.goto(`${url}#/descent`);
    await until(page, 'window.__bench.surfaceAt !== null', 60_000, 20);
    return await probe<number>(page, 'return b.surfaceAt;');
  } finally {
    await context.close();
  }
}

/** Used JS heap after garbage collection (bytes), through the DevTools protocol. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * What a heap snapshot holds (bytes): everything, and the compiled code among it. Code grows as
 * V8 optimises more functions the longer a page runs; objects the app keeps are the rest.
 */
async function heapSnapshotSizes(page: Page): Promise<{ all: number; code: number }> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e: { chunk: string }) => chunks.push(e.chunk));
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    await cdp.detach();
  }
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let all = 0;
  let code = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    all += snap.nodes[i + size];
    if (types[snap.nodes[i + type]] === 'code') code += snap.nodes[i + size];
  }
  return { all, code };
}

export interface HeapGrowth {
  /** Used JS heap after GC (bytes) after `first` and after `last` cycles, and their ratio. */
  first: number;
  last: number;
  ratio: number;
  /** The same from heap snapshots without compiled code: what the app's objects hold. */
  objectsFirst: number;
  objectsLast: number;
  objectsRatio: number;
}

/**
 * JS heap after `first` and after `last` cycles through every lab and the lab list (each view
 * waited for, then given `dwell` ms to start its work).
 */
export async function labSwitchHeap(
  page: Page,
  url: string,
  labs: readonly string[],
  { first = 10, last = 50, dwell = 250 } = {},
): Promise<HeapGrowth> {
  await page.goto(url);
  await page.locator('[data-testid^=lab-link-]').first().waitFor();
  const cycle = async () => {
    for (const id of labs) {
      await page.evaluate(`location.hash = '#/${id}'`);
      await page.getByTestId(`lab-${id}`).waitFor();
      await page.waitForTimeout(dwell);
    }
    await page.evaluate(`location.hash = '#/'`);
    await page.locator('[data-testid^=lab-link-]').first().waitFor();
  };
  for (let i = 0; i < first; i++) await cycle();
  const a = await heapUsed(page);
  const sa = await heapSnapshotSizes(page);
  for (let i = first; i < last; i++) await cycle();
  const b = await heapUsed(page);
  const sb = await heapSnapshotSizes(page);
  const [oa, ob] = [sa.all - sa.code, sb.all - sb.code];
  return {
    first: a,
    last: b,
    ratio: b / a,
    objectsFirst: oa,
    objectsLast: ob,
    objectsRatio: ob / oa,
  };
}
