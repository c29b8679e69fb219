// The rendering section of npm run bench:ui (issue 12): Descent frame times with 3 and 8 racers,
// long tasks while adding racers and while Activations trains, navigation → first surface frame,
// JS heap after 50 lab-switch cycles against after 10. Software WebGL (SwiftShader), 1440×900.
// Run alone: WEB_DIST=<web build> [BENCH_UI_BASELINE=<other build>] npx tsx test/bench/ui/frames-section.ts
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../../scripts/static-server.mjs';
import {
  activationsTrainingLongTasks,
  benchProbeInstall,
  descentAddRacersLongTasks,
  descentFirstSurface,
  descentFrameTimes,
  descentOpen,
  labSwitchHeap,
  type HeapGrowth,
  quantiles,
} from './frames';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
const LABS = ['descent', 'activations', 'regularization'];

export interface FramesFigures {
  frames3: number[];
  frames8: number[];
  calls3: number;
  calls8: number;
  addLong: number[];
  trainLong: number[];
  firstSurface: number[];
  heap: HeapGrowth;
}

/** Every figure of the section for one web build; `repeats` scales the sample sizes. */
export async function framesMeasure(web: string, repeats = 3): Promise<FramesFigures> {
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
    const firstSurface: number[] = [];
    for (let i = 0; i < repeats + 2; i++)
      firstSurface.push(await descentFirstSurface(browser, server.url, VIEWPORT));
    const context = await browser.newContext({ viewport: VIEWPORT });
    await benchProbeInstall(context);
    const page = await context.newPage();
    const addLong: number[] = [];
    let f3 = { drawn: [] as number[], calls: 0 };
    let f8 = { drawn: [] as number[], calls: 0 };
    for (let i = 0; i < Math.max(1, Math.ceil(repeats / 2)); i++) {
      await page.goto('about:blank'); // a fresh document: the default scene again
      await descentOpen(page, server.url);
      if (i === 0) f3 = await descentFrameTimes(page, repeats);
      addLong.push(...(await descentAddRacersLongTasks(page, 8)));
      if (i === 0) f8 = await descentFrameTimes(page, repeats);
    }
    const trainLong = await activationsTrainingLongTasks(page, server.url);
    await context.close();
    const heapContext = await browser.newContext({ viewport: VIEWPORT });
    const heap = await labSwitchHeap(await heapContext.newPage(), server.url, LABS);
    await heapContext.close();
    return {
      frames3: f3.drawn,
      frames8: f8.drawn,
      calls3: f3.calls,
      calls8: f8.calls,
      addLong,
      trainLong,
      firstSurface,
      heap,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '—');
const q = (xs: number[]) => {
  const r = quantiles(xs);
  return `${ms(r.p50)} / ${ms(r.p95)} (n = ${r.n})`;
};
const longest = (xs: number[]) =>
  `${xs.length} over 50 ms${xs.length ? `, longest ${ms(Math.max(...xs))}` : ''}`;

/** The section's lines for one build. */
export function framesReport(label: string, f: FramesFigures): string[] {
  return [
    `Rendering, ${label} (Chromium, SwiftShader WebGL, ${VIEWPORT.width}×${VIEWPORT.height})`,
    `  Descent playing, 3 racers, frame time p50 / p95: ${q(f.frames3)}; ${f.calls3} draw calls a frame   target ≤ 33 / 50 ms`,
    `  Descent playing, 8 racers, frame time p50 / p95: ${q(f.frames8)}; ${f.calls8} draw calls a frame   target ≤ 40 / 60 ms`,
    `  long tasks while adding racers 3 → 8:           ${longest(f.addLong)}   target none`,
    `  long tasks while Activations trains:            ${longest(f.trainLong)}   target none`,
    `  navigation → first surface frame p50 / p95:    ${q(f.firstSurface)}   target ≤ 1000 ms`,
    `  JS heap after 50 lab-switch cycles / after 10:  ${f.heap.ratio.toFixed(3)}× (${mib(f.heap.first)} → ${mib(f.heap.last)} MiB)   target ≤ 1.05×`,
    `    the same without compiled code (snapshots):     ${f.heap.objectsRatio.toFixed(3)}× (${mib(f.heap.objectsFirst)} → ${mib(f.heap.objectsLast)} MiB)`,
  ];
}

/** Measures `web` (and `baseline`, when given) and prints the section with the load average. */
export async function framesSection(web: string, baseline: string | null = null): Promise<void> {
  const repeats = Math.max(1, Number(process.env.BENCH_UI_REPEATS ?? 3));
  const builds: [string, string][] = [['this build', web]];
  if (baseline) builds.push(['baseline', baseline]);
  for (const [label, dir] of builds) {
    const load = os.loadavg().map((v) => v.toFixed(2));
    const f = await framesMeasure(dir, repeats);
    const after = os.loadavg().map((v) => v.toFixed(2));
    console.log(framesReport(`${label} ${dir}`, f).join('\n'));
    console.log(
      `  load average before ${load.join(' ')}, after ${after.join(' ')} (${os.cpus().length} cores)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(import.meta.dirname, '../../..');
  const web = path.resolve(process.env.WEB_DIST ?? path.join(root, 'dist/web'));
  const base = process.env.BENCH_UI_BASELINE ? path.resolve(process.env.BENCH_UI_BASELINE) : null;
  await framesSection(web, base);
}
