// The lecture toolkit in Chromium: scene files round-trip, corrupt files are refused without
// touching the current scene, decks step by clicker keys in presentation mode, chrome hides.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1440, height: 900 });
  await s.page.goto(`${s.url}#/descent`);
  await s.page.getByTestId('lab-descent').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const legend = () => s.page.getByTestId('legend').textContent();

async function saveScene(): Promise<string> {
  const download = s.page.waitForEvent('download');
  await s.page.getByTestId('scene-save').click();
  const file = await download;
  const target = path.join(SHOTS, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

async function openFile(file: string) {
  const chooser = s.page.waitForEvent('filechooser');
  await s.page.getByTestId('scene-open').click();
  await (await chooser).setFiles(file);
}

describe('scenes and decks', () => {
  it('saves a scene and opens it again with the same params', async () => {
    await s.page.getByTestId('preset-rosenbrock').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/L-BFGS/);
    const saved = await saveScene();
    const scene = JSON.parse(readFileSync(saved, 'utf8'));
    expect(scene).toMatchObject({ format: 'ml-math-lab-scene', version: 2, lab: 'descent' });
    expect(scene.params.surface).toEqual({ kind: 'builtin', id: 'rosenbrock', params: { b: 100 } });
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Nesterov/);
    await openFile(saved);
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/L-BFGS/);
    expect(await s.page.getByTestId('surface-select').inputValue()).toBe('rosenbrock');
  });

  it('a corrupt or future file gets a clear message and the current scene stays', async () => {
    const bad = path.join(SHOTS, 'corrupt.mlscene');
    writeFileSync(bad, '{"format": "ml-math-lab-scene", "version": 2, "lab": "descent", ');
    await openFile(bad);
    await expect
      .poll(() => s.page.getByTestId('app-message').textContent())
      .toMatch(/Could not open corrupt\.mlscene/);
    const future = path.join(SHOTS, 'future.mlscene');
    writeFileSync(
      future,
      JSON.stringify({
        format: 'ml-math-lab-scene',
        version: 7,
        lab: 'descent',
        params: {},
        seed: 1,
      }),
    );
    await openFile(future);
    await expect
      .poll(() => s.page.getByTestId('app-message').textContent())
      .toMatch(/newer version/);
    expect(await s.page.getByTestId('surface-select').inputValue()).toBe('rosenbrock');
    await s.page.screenshot({ path: `${SHOTS}/toolkit-corrupt.png` });
  });

  it('a deck steps by PageDown / PageUp / Space in presentation mode, with chrome hidden', async () => {
    await s.page.getByTestId('deck-add').click(); // scene 1: Rosenbrock
    await s.page.getByTestId('preset-too-large').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/0\.21/);
    await s.page.getByTestId('deck-add').click(); // scene 2: too-large
    await s.page.getByTestId('preset-wells').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Momentum/);
    await s.page.getByTestId('deck-add').click(); // scene 3: wells
    expect(await s.page.getByTestId('deck-position').textContent()).toBe('3/3');

    await s.page.locator('body').click({ position: { x: 5, y: 890 } });
    await s.page.keyboard.press('p');
    await expect.poll(() => s.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    expect(await s.page.locator('.app-header').isVisible()).toBe(false);
    expect(await s.page.getByTestId('status-bar').isVisible()).toBe(false);
    expect(await s.page.getByTestId('deck-counter').textContent()).toMatch(/3 \/ 3/);

    await s.page.keyboard.press('PageUp');
    await expect.poll(() => s.page.getByTestId('deck-counter').textContent()).toMatch(/2 \/ 3/);
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/0\.21/);
    await s.page.keyboard.press('PageUp');
    await expect.poll(() => s.page.getByTestId('deck-counter').textContent()).toMatch(/1 \/ 3/);
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/L-BFGS/);
    await s.page.keyboard.press(' ');
    await expect.poll(() => s.page.getByTestId('deck-counter').textContent()).toMatch(/2 \/ 3/);
    await s.page.waitForTimeout(1500);
    await s.page.screenshot({ path: `${SHOTS}/toolkit-presenting.png` });
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.locator('.app-header').isVisible()).toBe(true);
  });

  it('? shows the shortcut sheet, and no request ever leaves the local server', async () => {
    await s.page.keyboard.press('?');
    await expect.poll(() => s.page.getByTestId('shortcut-sheet').isVisible()).toBe(true);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.getByTestId('shortcut-sheet').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
