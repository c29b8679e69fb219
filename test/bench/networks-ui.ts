// npm run bench:networks-ui — the Networks lab while training at full speed, in headless Chromium
// with software WebGL (SwiftShader) at 1440×900: frames drawn per second (requestAnimationFrame
// callbacks) with the gaps between them, and the renderer's long tasks (PerformanceObserver
// 'longtask', > 50 ms), over BENCH_NET_SECONDS (default 8) of training, for the Playground's
// default net and for the deeper spiral story (three tanh layers of 8, four inputs). The paused
// page is measured first, as the floor of what this machine's Chromium draws at all. Targets
// (issue 13): ≥ 30 frames/s and no long task. The load average is printed beside each figure: on a
// shared machine compare figures of one run. It is a benchmark and never fails on a slow machine.
// Uses the web build at WEB_DIST (default dist/web: npm run build:web first).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../scripts/static-server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.resolve(process.env.WEB_DIST ?? path.join(ROOT, 'dist/web'));
const SECONDS = Number(process.env.BENCH_NET_SECONDS ?? 8);

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
  fps: number;
  long: number[];
  gapP50: number;
  gapP95: number;
  gapMax: number;
  computeFrames: number;
}

const load = () => `load ${loadavg()[0].toFixed(2)}`;

function describe(r: Measured): string {
  const long = r.long.length ? ` (longest ${Math.max(...r.long).toFixed(0)} ms)` : '';
  return `${r.fps.toFixed(1)} frames/s (gap median ${r.gapP50.toFixed(1)} ms, p95 ${r.gapP95.toFixed(1)} ms, max ${r.gapMax.toFixed(0)} ms), long tasks ${r.long.length}${long} [${load()}]`;
}

async function main(): Promise<void> {
  console.log(
    `Networks training in Chromium, software WebGL, 1440×900, ${SECONDS} s each [${load()}]`,
  );
  if (!existsSync(path.join(WEB, 'index.html'))) throw new Error(`no web build at ${WEB}`);
  const server = (await staticServe(WEB)) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}#/networks`);
    await page.getByTestId('net-story').waitFor();
    await page.waitForTimeout(1000);
    // The floor: the same page, paused (what this machine's headless Chromium draws at all).
    const idle = (await page.evaluate(`${MEASURE}(${Math.min(4, SECONDS)})`)) as Measured;
    console.log(`paused:      ${describe(idle)}`);
    for (const story of ['playground', 'spiral-deep']) {
      await page.getByTestId('net-story').selectOption(story);
      await page.getByTestId('net-epochs').selectOption('10000');
      await page.waitForTimeout(800);
      await page.getByTestId('net-play').click();
      await page.waitForTimeout(1000);
      const r = (await page.evaluate(`${MEASURE}(${SECONDS})`)) as Measured;
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

await main();
