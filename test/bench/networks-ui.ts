// Networks lab while training at full speed, in headless Chromium (SwiftShader): frames drawn per
// second (requestAnimationFrame callbacks) and the renderer's long tasks (PerformanceObserver
// 'longtask', > 50 ms), over BENCH_NET_SECONDS (default 8) of training, for the Playground's
// default net and for the deeper spiral story (three tanh layers of 8, four inputs).
// Run: npx vite build --config vite.web.config.ts --outDir <dir> && WEB_DIST=<dir> npx tsx test/bench/networks-ui.ts
import { existsSync } from 'node:fs';
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
  const tick = () => { frames++; if (on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const regions = document.querySelector('[data-testid=net-regions]');
  const f0 = Number(regions.getAttribute('data-frames'));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  on = false;
  obs.disconnect();
  return { fps: frames / seconds, long, computeFrames: Number(regions.getAttribute('data-frames')) - f0 };
})`;

async function main(): Promise<void> {
  if (!existsSync(path.join(WEB, 'index.html'))) throw new Error(`no web build at ${WEB}`);
  const server = (await staticServe(WEB)) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}#/networks`);
    await page.getByTestId('net-story').waitFor();
    await page.waitForTimeout(1000);
    // The floor: the same page, paused (what this machine's headless Chromium draws at all).
    const idle = (await page.evaluate(`${MEASURE}(${Math.min(4, SECONDS)})`)) as {
      fps: number;
      long: number[];
    };
    console.log(`paused: ${idle.fps.toFixed(1)} frames/s drawn, long tasks ${idle.long.length}`);
    for (const story of ['playground', 'spiral-deep']) {
      await page.getByTestId('net-story').selectOption(story);
      await page.getByTestId('net-epochs').selectOption('10000');
      await page.waitForTimeout(800);
      await page.getByTestId('net-play').click();
      await page.waitForTimeout(1000);
      const r = (await page.evaluate(`${MEASURE}(${SECONDS})`)) as {
        fps: number;
        long: number[];
        computeFrames: number;
      };
      const step = await page.getByTestId('net-epoch').textContent();
      console.log(
        `${story}: ${r.fps.toFixed(1)} frames/s drawn, ${(r.computeFrames / SECONDS).toFixed(1)} compute frames/s, long tasks ${r.long.length}${r.long.length ? ` (longest ${Math.max(...r.long).toFixed(0)} ms)` : ''}; ${step}`,
      );
      await page.getByTestId('net-play').click();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
