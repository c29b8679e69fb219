// npm run bench:ui — control change → picture latency of the Descent lab in Chromium.
//
// Opens the web build (WEB_DIST, default dist/web: build it first with npm run build:web) at the
// default Descent scene, then, BENCH_UI_CHANGES times (default 24, at least 20), clicks racer 1's
// learning-rate slider left of its thumb and times from the pointer press to the first animation
// frame after the 3D view and the contour map have drawn the new race ("the picture"), and to the
// first one after the loss chart has followed (see ARM; the race runs in a Web Worker). The
// machine's load average is printed with the numbers. Peers measured in the same run:
//   - a bare round trip to a fresh compute worker (its heartbeat ping → pong), the floor any
//     worker-computed picture pays, and the default race itself run on such a worker (request →
//     result: compute and protocol without any page work);
//   - with BENCH_UI_BASELINE=<another web build>, the same measurement against that build (e.g.
//     one from before a change).
// BENCH_UI_SECTIONS (default "latency,frames") picks the sections run: "latency" alone skips the
// long rendering section at the end.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
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
const SECTIONS = (process.env.BENCH_UI_SECTIONS ?? 'latency,frames').split(',');

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (xs: readonly number[], digits = 1) =>
  `median ${quantile(xs, 0.5).toFixed(digits)} ms, p95 ${quantile(xs, 0.95).toFixed(digits)} ms (n = ${xs.length})`;

// The code run in the page is plain JavaScript text: this file is type-checked without the DOM.

/**
 * Arms the page: the next pointer press starts the clock. `picture` stops it in the animation
 * frame in which both views of the surface — the 3D view and the contour map — draw the new
 * race's paths (each counts the races it drew in `data-paths-drawn`, set in the frame that draws
 * them), with "Computing…" gone: what the person looks at. The loss
 * chart and the text panels follow (a transition, an idle callback): `chart` stops the clock at
 * the first animation frame after racer 1's loss curve changed, and `data` when it changed.
 * A build without the counts (from before them) gives `picture: null`; its `chart` is then the
 * time until its whole new race was drawn.
 */
const ARM = `(() => {
  window.benchPicture = new Promise((resolve, reject) => {
    const root = document.querySelector('[data-testid="lab-descent"]');
    const curve = () =>
      root.querySelector('[data-testid="loss-chart"] .recharts-line-curve')?.getAttribute('d');
    const marks = () =>
      ['[data-testid="surface-3d"] canvas', '[data-testid="contour-view"]']
        .map((sel) => root.querySelector(sel)?.dataset.pathsDrawn);
    const computing = () =>
      [...root.querySelectorAll('.readout')].some((e) => e.textContent.includes('Computing'));
    const before = { curve: curve(), marks: marks() };
    const hasMarks = before.marks.every((m) => m !== undefined);
    const out = { picture: hasMarks ? undefined : null, chart: undefined, data: undefined };
    let t0 = null;
    window.addEventListener('pointerdown', (e) => (t0 = e.timeStamp), { capture: true, once: true });
    const finish = () => {
      if (out.picture === undefined || out.chart === undefined) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(out);
    };
    let pictureSeen = !hasMarks;
    let chartSeen = false;
    const look = () => {
      if (t0 === null) return;
      if (computing()) {
        // Paths drawn while the race is still coming in are not the new picture yet.
        before.marks = marks();
        return;
      }
      if (!pictureSeen && marks().every((m, i) => m !== before.marks[i])) {
        // The counts are set in the animation frame that draws the paths: this is that frame.
        pictureSeen = true;
        out.picture = performance.now() - t0;
        finish();
      }
      if (!chartSeen && curve() !== before.curve) {
        chartSeen = true;
        out.data = performance.now() - t0;
        requestAnimationFrame(() => {
          out.chart = performance.now() - t0;
          finish();
        });
      }
    };
    const observer = new MutationObserver(look);
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
): Promise<{ pictures: number[]; charts: number[]; trips: number[]; races: number[] }> {
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
    const pictures: number[] = [];
    const charts: number[] = [];
    // Two warm-up changes, then the measured ones.
    for (let i = 0; i < changes + 2; i++) {
      await page.evaluate(ARM);
      await page.mouse.click(xs[i % 2], y);
      const ms = (await page.evaluate('window.benchPicture')) as {
        picture: number | null;
        chart: number;
      };
      if (i >= 2 && ms.picture !== null) pictures.push(ms.picture);
      if (i >= 2) charts.push(ms.chart);
      await page.waitForTimeout(150);
    }
    const trips = withTrips ? ((await page.evaluate(TRIPS(changes))) as number[]) : [];
    const races = withTrips ? ((await page.evaluate(RACE(DEFAULT_RACE, changes))) as number[]) : [];
    return { pictures, charts, trips, races };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function latencySection() {
  // With a baseline the two builds take turns, in two rounds each, so a change in the machine's
  // load (it is shared) falls on both.
  const rounds = BASELINE ? 2 : 1;
  const ours = {
    pictures: [] as number[],
    charts: [] as number[],
    trips: [] as number[],
    races: [] as number[],
  };
  const base = BASELINE ? { pictures: [] as number[], charts: [] as number[] } : null;
  for (let round = 0; round < rounds; round++) {
    const share = Math.ceil(CHANGES / rounds);
    const a = await measure(WEB, share, round === 0);
    ours.pictures.push(...a.pictures);
    ours.charts.push(...a.charts);
    ours.trips.push(...a.trips);
    ours.races.push(...a.races);
    if (base && BASELINE) {
      const b = await measure(BASELINE, share, false);
      base.pictures.push(...b.pictures);
      base.charts.push(...b.charts);
    }
  }
  const median = (xs: readonly number[]) => quantile(xs, 0.5);
  const line = (label: string, xs: readonly number[]) =>
    console.log(`  ${label.padEnd(34)}${xs.length ? fmt(xs) : 'not marked in this build'}`);
  console.log('Descent, default scene: racer 1 learning rate changed by a click on its slider');
  line('this build, until the picture:', ours.pictures);
  line('this build, until the loss chart:', ours.charts);
  console.log(`  ${'worker ping round trip:'.padEnd(34)}${fmt(ours.trips, 3)}`);
  console.log(`  ${'the race alone on a worker:'.padEnd(34)}${fmt(ours.races)}`);
  if (base) {
    console.log(`  baseline ${BASELINE}`);
    line('baseline, until the picture:', base.pictures);
    line('baseline, until the loss chart:', base.charts);
    console.log(
      `  ratio this build / baseline:      ${(median(ours.charts) / median(base.charts)).toFixed(2)}× until the loss chart (medians)`,
    );
  }
  const picture = ours.pictures.length ? median(ours.pictures) : Infinity;
  console.log(`  target median < 50 ms (picture): ${picture < 50 ? 'met' : 'not met'}`);
  console.log(
    `  load average (uptime): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
}
if (SECTIONS.includes('latency')) await latencySection();

// Rendering section (issue 12): frame times, long tasks, first surface frame, heap growth
// (test/bench/ui/frames-section.ts), for this build and the baseline.
if (SECTIONS.includes('frames')) {
  console.log('');
  await (await import('./ui/frames-section')).framesSection(WEB, BASELINE);
}
