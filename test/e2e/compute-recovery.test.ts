// Compute recovers in the browser build: a real Web Worker that ends without a word, hangs in a
// loop or throws is replaced, the lab says so in plain words and keeps its picture, and the next
// run works and clears the status bar's error. The faults come from the test-only hook that the
// page loads with ?debug-compute (renderer/compute/debug-hook.ts, debug-faults.ts): an armed fault
// takes over the next run the lab starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeFault } from '../../renderer/compute/debug-hook';
import { canvasStats, sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
let seed = 10;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.goto(`${s.url}?debug-compute#/descent`);
  await s.page.getByTestId('lab-descent').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const statusRun = () => s.page.getByTestId('status-run').textContent();
const statusError = () => s.page.getByTestId('status-error');
const raceError = () => s.page.getByTestId('race-error');
const restarts = () => s.page.evaluate(() => window.__mlLabDebug!.restarts());

async function raceDone() {
  await expect.poll(statusRun, { timeout: 30_000 }).toMatch(/^descent-race: done/);
  await expect.poll(() => s.page.getByTestId('legend').textContent()).toMatch(/f = .*f = .*f = /);
}

/**
 * What a person sees of the race: the surface and paths in both views, the loss curves, the
 * legend. Taken at step 0 with playback paused: a new run puts playback back to the start, so
 * that is where the kept picture is compared.
 */
async function picture() {
  const play = s.page.getByTestId('play-pause');
  if ((await play.getAttribute('aria-label')) === 'Pause') await play.click();
  await s.page.getByRole('button', { name: 'Back to the start' }).click();
  await expect.poll(() => s.page.getByTestId('position').textContent()).toMatch(/^step 0 /);
  await s.page.waitForTimeout(300);
  return {
    surface: await canvasStats(s.page, '[data-testid=surface-3d] canvas'),
    map: await canvasStats(s.page, '[data-testid=contour-view]'),
    curves: await s.page
      .locator('.descent-chart svg path')
      .evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 200).length),
    legend: (await s.page.getByTestId('legend').textContent())?.replace(/f = \S+/g, 'f'),
  };
}

/** Arms `fault`, starts a new race (a new seed: the same paths for these optimizers), and waits for its failure. */
async function failWith(fault: ComputeFault, message: RegExp) {
  await s.page.evaluate((f) => window.__mlLabDebug!.arm(f), fault);
  const t0 = Date.now();
  await s.page.getByLabel('Seed').fill(String(++seed));
  await expect.poll(() => raceError().count(), { timeout: 20_000 }).toBe(1);
  const detectedMs = Date.now() - t0;
  console.log(`${fault}: the lab showed the failure ${detectedMs} ms after the run was asked for`);
  const text = (await raceError().textContent()) ?? '';
  expect(text).toMatch(message);
  expect(text).toMatch(/the previous picture is kept/);
  expect(await statusError().textContent()).toMatch(message);
  expect(await statusRun()).toMatch(/^descent-race: failed/);
  return detectedMs;
}

/** "Run again" works on the (fresh) worker, and the status bar's error goes away. */
async function recovers() {
  await raceError().getByRole('button', { name: 'Run again' }).click();
  await raceDone();
  await expect.poll(() => statusError().count()).toBe(0);
  expect(await raceError().count()).toBe(0);
}

/** A finished race on screen (after a test that failed half-way too, so one failure stays one). */
async function settled() {
  if ((await raceError().count()) > 0) await recovers();
  await raceDone();
}

function samePicture(a: Awaited<ReturnType<typeof picture>>, b: typeof a) {
  expect(b.curves).toBe(a.curves);
  expect(b.curves).toBeGreaterThanOrEqual(3);
  expect(b.legend).toBe(a.legend);
  for (const view of ['surface', 'map'] as const) {
    expect(b[view].nonBackground).toBeGreaterThan(0.05);
    expect(Math.abs(b[view].nonBackground - a[view].nonBackground)).toBeLessThan(0.05);
    expect(b[view].distinct).toBeGreaterThan(0.9 * a[view].distinct);
  }
}

const lost = /^The compute worker stopped responding for [5-9] s and was restarted; run it again/;

describe('compute recovery in the browser build (real Web Worker)', () => {
  it('a worker that ends without a word (terminated) is replaced within 9 s', async () => {
    await settled();
    const before = await picture();
    const n = await restarts();
    const ms = await failWith('terminate', lost);
    expect(ms).toBeLessThan(9000);
    expect(await restarts()).toBe(n + 1);
    samePicture(before, await picture());
    await recovers();
  });

  it('a run stuck in an infinite loop is stopped, its worker replaced within 9 s', async () => {
    await settled();
    const before = await picture();
    const n = await restarts();
    const ms = await failWith('loop', lost);
    expect(ms).toBeLessThan(9000);
    expect(await restarts()).toBe(n + 1);
    samePicture(before, await picture());
    // The message is on screen, whole, on a laptop and on a 1080p display.
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await s.page.setViewportSize({ width, height });
      await s.page.waitForTimeout(300);
      for (const box of [await raceError().boundingBox(), await statusError().boundingBox()]) {
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      }
      await s.page.screenshot({ path: `${SHOTS}/compute-lost-${width}x${height}.png` });
    }
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await recovers();
  });

  it('an error thrown in the worker outside any guard: replaced at once', async () => {
    await settled();
    const before = await picture();
    const n = await restarts();
    const ms = await failWith(
      'throw',
      /^The compute worker failed \(Error: a fault thrown on purpose \(\?debug-compute\)\) and was restarted; run it again/,
    );
    expect(ms).toBeLessThan(3000);
    expect(await restarts()).toBe(n + 1);
    samePicture(before, await picture());
    await recovers();
  });

  it('a simulation that throws fails its run only: the worker stays', async () => {
    await settled();
    const before = await picture();
    const n = await restarts();
    await failWith('sim-throw', /^this simulation failed on purpose \(\?debug-compute\)/);
    expect(await restarts()).toBe(n);
    samePicture(before, await picture());
    await recovers();
  });

  it('Regularization keeps its last paths when a path run is lost, and runs again', async () => {
    await s.page.goto(`${s.url}?debug-compute#/regularization`);
    await s.page.getByTestId('tab-paths').click();
    const chart = s.page.getByTestId('reg-path');
    await expect.poll(() => chart.getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    const lines = () =>
      s.page
        .locator('[data-testid=reg-path-coefs] svg path.recharts-curve')
        .evaluateAll((ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 100).length);
    const before = await lines();
    expect(before).toBeGreaterThanOrEqual(8);
    await s.page.evaluate(() => window.__mlLabDebug!.arm('throw'));
    // A story with other data starts a new path run, which the armed fault takes down.
    await s.page.getByTestId('reg-preset-lasso-picks-one').click();
    await expect.poll(() => chart.getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
    const notice = s.page.getByTestId('reg-path-failed');
    expect(await notice.textContent()).toMatch(/The compute worker failed .*still shown/);
    expect(await lines()).toBe(before);
    // The story kept the view on screen: the paths, not the geometry.
    expect(await s.page.getByTestId('tab-paths').getAttribute('aria-selected')).toBe('true');
    await s.page.getByTestId('reg-path-rerun').click();
    await expect.poll(() => chart.getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    expect(await lines()).toBeGreaterThanOrEqual(8);
    await expect.poll(() => statusError().count()).toBe(0);
  });

  it('one worker serves at the end, and nothing went wrong on the page', async () => {
    await expect.poll(() => s.page.workers().length).toBe(1);
    expect(s.pageErrors).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
