// Oversized scene and deck files in Chromium: refused with a message that says what was too big
// and the limit, without freezing the page (no long task), and the current scene stays.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1440, height: 900 });
  await s.page.goto(`${s.url}#/descent`);
  await s.page.getByTestId('lab-descent').waitFor();
  // Record every main-thread task over 50 ms from now on.
  await s.page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
});
afterAll(async () => {
  await s?.close();
});

const message = () => s.page.getByTestId('app-message').textContent();
const legend = () => s.page.getByTestId('legend').textContent();
/** The racers in the legend, without their changing f values. */
const racers = async () => (await legend())?.replace(/f = [^A-Z]*/g, '|');

/** The longest main-thread task since the last call (0 if none passed 50 ms). */
async function longestTask(): Promise<number> {
  return s.page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    const longest = Math.max(0, ...w.longTasks);
    w.longTasks = [];
    return longest;
  });
}

async function openFile(file: string) {
  const chooser = s.page.waitForEvent('filechooser');
  await s.page.getByTestId('scene-open').click();
  await (await chooser).setFiles(file);
}

/** A descent scene whose params carry `keys` extra keys, as the app would save it otherwise. */
function bigScene(keys: number): Record<string, unknown> {
  const params: Record<string, unknown> = { steps: 100 };
  for (let i = 0; i < keys; i++) params[`k${i}`] = i;
  return { format: 'ml-math-lab-scene', version: 2, lab: 'descent', seed: 1, params };
}

describe('oversized scene and deck files', () => {
  it('a 16 MB scene with a million keys is refused at once, by its size', async () => {
    await expect.poll(legend, { timeout: 30_000 }).toMatch(/Nesterov.*f = /);
    const before = await racers();
    const text = JSON.stringify(bigScene(1_000_000));
    const file = path.join(SHOTS, 'huge.mlscene');
    writeFileSync(file, text);
    await longestTask();
    await openFile(file);
    const mb = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
    await expect
      .poll(message)
      .toContain(
        `Could not open huge.mlscene: this scene file is ${mb} MB; scenes are at most 1 MB`,
      );
    expect(await longestTask()).toBeLessThan(250);
    expect(await racers()).toBe(before);
    rmSync(file);
    await s.page.screenshot({ path: path.join(SHOTS, 'scene-limits-huge.png') });
  });

  it('a 4 MB deck with 300,000 keys in one scene is refused by its key count', async () => {
    const text = JSON.stringify({
      format: 'ml-math-lab-deck',
      version: 1,
      scenes: [bigScene(300_000)],
    });
    const file = path.join(SHOTS, 'many-keys.mldeck');
    writeFileSync(file, text);
    await longestTask();
    await openFile(file);
    await expect
      .poll(message)
      .toContain(
        'Could not open many-keys.mldeck: scenes[0].params has more than 1,000 keys; an object in a deck has at most 1,000',
      );
    expect(await longestTask()).toBeLessThan(250);
    rmSync(file);
  });
});
