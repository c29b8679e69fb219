// npm run bench:ui — control change → picture latency of the Descent lab in Chromium.
//
// Opens the web build (WEB_DIST, default dist/web: build it first with npm run build:web) at the
// default Descent scene, then, BENCH_UI_CHANGES times (default 24, at least 20), clicks racer 1's
// learning-rate slider left of its thumb and times from the pointer press to the first animation
// frame in which the new race is drawn (see ARM; the race runs in a Web Worker). Peers measured
// in the same run:
//   - a bare round trip to a fresh compute worker (its heartbeat ping → pong), the floor any
//     worker-computed picture pays, and the default race itself run on such a worker (request →
//     result: compute and protocol without any page work);
//   - with BENCH_UI_BASELINE=<another web build>, the same measurement against that build (e.g.
//     one from before a change).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DESCENT_DEFAULTS } from '../../core/labs/descent/presets';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../scripts/static-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.resolve(process.env.WEB_DIST ?? path.join(ROOT, 'dist/web'));
const BASELINE = process.env.BENCH_UI_BASELINE ? path.resolve(process.env.BENCH_UI_BASELINE) : null;
const CHANGES = Math.max(20, Number(process.env.BENCH_UI_CHANGES ?? 24));
const SLIDER = '[data-testid="racer-0-lr"]';

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (xs: readonly number[], digits = 1) =>
  `median ${quantile(xs, 0.5).toFixed(digits)} ms, p95 ${quantile(xs, 0.95).toFixed(digits)} ms (n = ${xs.length})`;

// The code run in the page is plain JavaScript text: this file is type-checked without the DOM.

/**
 * Arms the page: the next pointer press starts the clock; the clock stops at the first animation
 * frame after the loss curve of racer 1 has changed and the lab no longer shows "Computing…" —
 * the frame in which the whole new race is drawn (the 3D scene draws in its own animation-frame
 * callback, registered before this one). `data` is when the new numbers reached the page.
 */
const ARM = `(() => {
  window.benchPicture = new Promise((resolve, reject) => {
    const root = document.querySelector('[data-testid="lab-descent"]');
    const curve = () =>
      root.querySelector('[data-testid="loss-chart"] .recharts-line-curve')?.getAttribute('d');
    const computing = () =>
      [...root.querySelectorAll('.readout')].some((e) => e.textContent.includes('Computing'));
    const before = curve();
    let t0 = null;
    window.addEventListener('pointerdown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (t0 === null || curve() === before || computing()) return;
      observer.disconnect();
      clearTimeout(timer);
      const data = performance.now() - t0;
      requestAnimationFrame(() => resolve({ data, drawn: performance.now() - t0 }));
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no new picture within 20 s'));
    }, 20000);
  });
})()`;

/** Where the slider's thumb is, as a fraction of its track. */
const THUMB = `(() => {
  const e = document.querySelector('${SLIDER}');
  return (e.value - e.min) / (e.max - e.min);
})()`;

/**
 * Round trips of the compute worker's heartbeat (ping → pong) in a worker started for the purpose:
 * each sample is the mean of 20 trips in a row (one trip is below the page clock's 0.1 ms grain).
 */
const TRIPS = (n: number) => `(async () => {
  const url = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .find((name) => name.includes('/assets/worker-') && name.endsWith('.js'));
  if (!url) throw new Error('no compute worker script among the loaded resources');
  const worker = new Worker(url, { type: 'module' });
  const trip = (seq) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not answer a ping')), 5000);
      const on = (e) => {
        if (e.data?.type !== 'pong' || e.data.seq !== seq) return;
        worker.removeEventListener('message', on);
        clearTimeout(timer);
        resolve();
      };
      worker.addEventListener('message', on);
      worker.postMessage({ type: 'ping', seq });
    });
  await trip(-1); // answered once the worker has loaded
  const out = [];
  for (let i = 0; i < ${n}; i++) {
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) await trip(i * 20 + k);
    out.push((performance.now() - t0) / 20);
  }
  worker.terminate();
  return out;
})()`;

/** `changes` slider changes (after two unmeasured ones) on a fresh browser serving `web`. */
/**
 * The same race the default scene runs, sent straight to a fresh compute worker: request → result
 * over a MessagePort (compute and protocol, no page work), `n` times after three warm-up runs.
 */
const RACE = (params: unknown, n: number) => `(async () => {
  const url = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .find((name) => name.includes('/assets/worker-') && name.endsWith('.js'));
  const worker = new Worker(url, { type: 'module' });
  const channel = new MessageChannel();
  worker.postMessage({ type: 'connect' }, [channel.port2]);
  channel.port1.start();
  const params = ${JSON.stringify(params)};
  const run = (runId) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      channel.port1.onmessage = (e) => {
        if (e.data.runId !== runId) return;
        if (e.data.type === 'result') resolve(performance.now() - t0);
        if (e.data.type === 'error') reject(new Error(e.data.message));
      };
      channel.port1.postMessage({ type: 'run', runId, sim: 'descent-race', params });
    });
  for (let i = 0; i < 3; i++) await run('warm' + i);
  const out = [];
  for (let i = 0; i < ${n}; i++) out.push(await run('r' + i));
  worker.terminate();
  return out;
})()`;

/** The default scene's race as the lab sends it on software WebGL (a 64² mesh). */
const { surface, start, steps, seed, racers } = DESCENT_DEFAULTS;
const DEFAULT_RACE = { surface, grid: 64, start, steps, seed, racers };

async function measure(
  web: string,
  changes: number,
  withTrips: boolean,
): Promise<{ latencies: number[]; inDom: number[]; trips: number[]; races: number[] }> {
  if (!existsSync(path.join(web, 'index.html')))
    throw new Error(`${web} has no web build: run npm run build:web (or set WEB_DIST)`);
  const server = (await staticServe(web)) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    await page.goto(`${server.url}#/descent`);
    await page.locator(SLIDER).waitFor();
    await page.getByText('Computing…').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForTimeout(500);
    // Clicks on the slider left of its thumb, alternating between two places clear of it (a click
    // on the thumb changes nothing; the arrow keys belong to playback): the rate alternates
    // between about η/3 and η/7, both stable on the default valley.
    const box = (await page.locator(SLIDER).boundingBox())!;
    const thumb = (await page.evaluate(THUMB)) as number;
    const y = box.y + box.height / 2;
    const xs = [-0.08, -0.14].map((d) => box.x + 8 + (box.width - 16) * (thumb + d));
    const latencies: number[] = [];
    const inDom: number[] = [];
    // Two warm-up changes, then the measured ones.
    for (let i = 0; i < changes + 2; i++) {
      await page.evaluate(ARM);
      await page.mouse.click(xs[i % 2], y);
      const ms = (await page.evaluate('window.benchPicture')) as { data: number; drawn: number };
      if (i >= 2) latencies.push(ms.drawn);
      if (i >= 2) inDom.push(ms.data);
      await page.waitForTimeout(150);
    }
    const trips = withTrips ? ((await page.evaluate(TRIPS(changes))) as number[]) : [];
    const races = withTrips ? ((await page.evaluate(RACE(DEFAULT_RACE, changes))) as number[]) : [];
    return { latencies, inDom, trips, races };
  } finally {
    await browser.close();
    await server.close();
  }
}

// With a baseline the two builds take turns, in two rounds each, so a change in the machine's
// load (it is shared) falls on both.
const rounds = BASELINE ? 2 : 1;
const ours = {
  latencies: [] as number[],
  inDom: [] as number[],
  trips: [] as number[],
  races: [] as number[],
};
const base = BASELINE ? { latencies: [] as number[], inDom: [] as number[] } : null;
for (let round = 0; round < rounds; round++) {
  const share = Math.ceil(CHANGES / rounds);
  const a = await measure(WEB, share, round === 0);
  ours.latencies.push(...a.latencies);
  ours.inDom.push(...a.inDom);
  ours.trips.push(...a.trips);
  ours.races.push(...a.races);
  if (base && BASELINE) {
    const b = await measure(BASELINE, share, false);
    base.latencies.push(...b.latencies);
    base.inDom.push(...b.inDom);
  }
}
const median = (xs: readonly number[]) => quantile(xs, 0.5);
console.log('Descent, default scene: racer 1 learning rate changed by a click on its slider');
console.log(`  this build, until drawn:        ${fmt(ours.latencies)}`);
console.log(`  this build, until in the page:  ${fmt(ours.inDom)}`);
console.log(`  worker ping round trip:         ${fmt(ours.trips, 3)}`);
console.log(`  the race alone on a worker:     ${fmt(ours.races)}`);
console.log(
  `  ratio drawn / race alone:       ${(median(ours.latencies) / median(ours.races)).toFixed(0)}×, drawn / round trip ${(median(ours.latencies) / median(ours.trips)).toFixed(0)}× (medians)`,
);
if (base) {
  console.log(`  baseline ${BASELINE}`);
  console.log(`  baseline, until drawn:          ${fmt(base.latencies)}`);
  console.log(`  baseline, until in the page:    ${fmt(base.inDom)}`);
  console.log(
    `  ratio this build / baseline:    ${(median(ours.latencies) / median(base.latencies)).toFixed(2)}× drawn, ${(median(ours.inDom) / median(base.inDom)).toFixed(2)}× in the page (medians)`,
  );
}
console.log(`  target median < 50 ms (drawn): ${median(ours.latencies) < 50 ? 'met' : 'not met'}`);

// Rendering section (issue 12): frame times, long tasks, first surface frame, heap growth
// (test/bench/ui/frames-section.ts), for this build and the baseline.
console.log('');
await (await import('./ui/frames-section')).framesSection(WEB, BASELINE);
