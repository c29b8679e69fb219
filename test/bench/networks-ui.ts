// npm run bench:networks-ui — the Networks lab while training at full speed, in headless Chromium
// with software WebGL (SwiftShader) at 1440×900: frames drawn per second (requestAnimationFrame
// callbacks) with the gaps between them, and the renderer's long tasks (PerformanceObserver
// 'longtask', > 50 ms), over BENCH_NET_SECONDS (default 8) of training, for the Playground's
// default net and for the deeper spiral story (three tanh layers of 8, four inputs). The paused
// page is measured first, as the floor of what this machine's Chromium draws at all. Targets
// (issue 13): ≥ 30 frames/s and no long task. The load average is printed beside each figure: on a
// shared machine compare figures of one run. It is a benchmark and never fails on a slow machine.
// Uses the web build at WEB_DIST (default dist/web: npm run build:web first); with
// BENCH_NET_BASELINE=<another build> the two take turns, two rounds each. CPU time per role
// (networks-ui-cpu.ts) is printed too: unlike frames per second it barely depends on the load.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { browserPid, cpuShare, cpuTimes, type CpuTimes } from './networks-ui-cpu';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../scripts/static-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.resolve(process.env.WEB_DIST ?? path.join(ROOT, 'dist/web'));
const SECONDS = Number(process.env.BENCH_NET_SECONDS ?? 8);
/** Another web build measured in the same run, taking turns with this one (e.g. from before a change). */
const BASELINE = process.env.BENCH_NET_BASELINE
  ? path.resolve(process.env.BENCH_NET_BASELINE)
  : null;
/** An argument that finds this run's browser among the machine's processes. */
const MARKER = `--bench-networks-ui=${process.pid}`;

// Plain JavaScript run in the page (this file is type-checked without the DOM).
const MEASURE = `(async (seconds) => {
  const long = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) long.push(e.duration);
  });
  obs.observe({ type: 'longtask', buffered: false });
  let frames = 0;
  let on = true;
  const gaps = [];
  let last = null;
  const tick = (t) => {
    frames++;
    if (last !== null) gaps.push(t - last);
    last = t;
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const regions = document.querySelector('[data-testid=net-regions]');
  const f0 = Number(regions.getAttribute('data-frames'));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  on = false;
  obs.disconnect();
  gaps.sort((a, b) => a - b);
  const q = (p) => gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))] : NaN;
  return {
    fps: frames / seconds,
    long,
    gapP50: q(0.5),
    gapP95: q(0.95),
    gapMax: gaps.length ? gaps[gaps.length - 1] : NaN,
    computeFrames: Number(regions.getAttribute('data-frames')) - f0,
  };
})`;

interface Measured {
  /** Per role, the share of one core used while measuring. */
  cpu: CpuTimes;
  fps: number;
  long: number[];
  gapP50: number;
  gapP95: number;
  gapMax: number;
  computeFrames: number;
}

const load = () => `load ${loadavg()[0].toFixed(2)}`;

const pct = (v: number) => `${(100 * v).toFixed(0)} %`;

function describe(r: Measured): string {
  const long = r.long.length ? ` (longest ${Math.max(...r.long).toFixed(0)} ms)` : '';
  const { page, workers, gpu, other } = r.cpu;
  const perFrame = r.fps > 0 ? `${((1000 * page) / r.fps).toFixed(1)} ms` : '–';
  return [
    `${r.fps.toFixed(1)} frames/s (gap median ${r.gapP50.toFixed(1)} ms, p95 ${r.gapP95.toFixed(1)} ms, max ${r.gapMax.toFixed(0)} ms), long tasks ${r.long.length}${long} [${load()}]`,
    `             CPU of one core: page main thread ${pct(page)} (${perFrame} a frame drawn), compute workers ${pct(workers)}, GPU process ${pct(gpu)}, rest ${pct(other)}`,
  ].join('\n');
}

let root: number | null = null;

/** Runs MEASURE for `seconds` and reads the browser's CPU time around it. */
async function measure(page: Page, seconds: number): Promise<Measured> {
  const c0 = root === null ? null : cpuTimes(root);
  const r = (await page.evaluate(`${MEASURE}(${seconds})`)) as Omit<Measured, 'cpu'>;
  const c1 = root === null ? null : cpuTimes(root);
  const none = { page: NaN, workers: NaN, gpu: NaN, other: NaN };
  return { ...r, cpu: c0 && c1 ? cpuShare(c0, c1, seconds) : none };
}

/** One build: the paused page, then each story training at full speed. */
async function runBuild(web: string, label: string): Promise<void> {
  if (!existsSync(path.join(web, 'index.html'))) throw new Error(`no web build at ${web}`);
  const server = (await staticServe(web)) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', MARKER],
  });
  root = browserPid(MARKER);
  console.log(`${label} (${web})`);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}#/networks`);
    await page.getByTestId('net-story').waitFor();
    await page.waitForTimeout(1000);
    // The floor: the same page, paused (what this machine's headless Chromium draws at all).
    const idle = await measure(page, Math.min(4, SECONDS));
    console.log(`paused:      ${describe(idle)}`);
    for (const story of ['playground', 'spiral-deep']) {
      await page.getByTestId('net-story').selectOption(story);
      await page.getByTestId('net-epochs').selectOption('10000');
      await page.waitForTimeout(800);
      await page.getByTestId('net-play').click();
      await page.waitForTimeout(1000);
      const r = await measure(page, SECONDS);
      const step = await page.getByTestId('net-epoch').textContent();
      console.log(
        `${story.padEnd(12)} ${describe(r)}, ${(r.computeFrames / SECONDS).toFixed(1)} compute frames/s taken in; ${step}`,
      );
      await page.getByTestId('net-play').click();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `Networks training in Chromium, software WebGL, 1440×900, ${SECONDS} s each [${load()}]`,
  );
  if (!BASELINE) {
    await runBuild(WEB, 'this build');
    return;
  }
  // The two builds take turns, two rounds each, so a change of the machine's load falls on both.
  for (let round = 1; round <= 2; round++) {
    await runBuild(WEB, `this build, round ${round}`);
    await runBuild(BASELINE, `baseline, round ${round}`);
  }
}

await main();
