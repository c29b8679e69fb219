// A control change asks compute for one race. A click on a slider's track fires an input event
// on the press and a change event on the release, with the same value: each used to start the
// race again (two races computed and drawn per click, the second cancelling the first).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  // Every run request the page sends to a compute worker, with racer 1's hyperparameters.
  await s.page.addInitScript(() => {
    const w = window as unknown as { raceRequests: string[] };
    w.raceRequests = [];
    const note = (m: unknown) => {
      const r = m as { type?: string; params?: { racers?: { params?: unknown }[] } } | null;
      if (r?.type === 'run') w.raceRequests.push(JSON.stringify(r.params?.racers?.[0]?.params));
    };
    for (const proto of [MessagePort.prototype, Worker.prototype]) {
      const post = proto.postMessage as (this: unknown, ...a: unknown[]) => void;
      proto.postMessage = function (this: unknown, ...a: unknown[]) {
        note(a[0]);
        return post.apply(this, a);
      } as typeof proto.postMessage;
    }
  });
  await s.page.goto(`${s.url}#/descent`);
  await s.page.getByTestId('lab-descent').waitFor();
  await s.page.getByText('Computing…').waitFor({ state: 'detached', timeout: 30_000 });
});
afterAll(async () => {
  await s?.close();
});

const requests = () =>
  s.page.evaluate(() => (window as unknown as { raceRequests: string[] }).raceRequests);

/** How many races the 3D view and the contour map have drawn (their data-paths-drawn). */
const drawn = () =>
  Promise.all(
    ['[data-testid=surface-3d] canvas', '[data-testid=contour-view]'].map(async (sel) =>
      Number(await s.page.locator(sel).getAttribute('data-paths-drawn')),
    ),
  );

describe('Descent controls', () => {
  it('one click on a learning-rate slider asks for exactly one race, with the new rate', async () => {
    const slider = s.page.getByTestId('racer-0-lr');
    const box = (await slider.boundingBox())!;
    for (const at of [0.2, 0.35]) {
      const before = (await requests()).length;
      const drawnBefore = await drawn();
      const value = await slider.inputValue();
      await s.page.mouse.click(box.x + box.width * at, box.y + box.height / 2);
      await expect.poll(() => slider.inputValue()).not.toBe(value);
      await s.page.getByText('Computing…').waitFor({ state: 'detached', timeout: 20_000 });
      await s.page.waitForTimeout(300); // a second request would have been sent by now
      const sent = (await requests()).slice(before);
      expect(sent).toHaveLength(1);
      const lr = (JSON.parse(sent[0]) as { lr: number }).lr;
      expect(Math.log10(lr)).toBeCloseTo(Number(await slider.inputValue()), 1);
      // Both views of the surface drew the new race (what npm run bench:ui waits for).
      await expect.poll(async () => (await drawn()).every((n, i) => n > drawnBefore[i])).toBe(true);
    }
  });

  it('the play button acts on the race on screen: pressed as a new race starts playing, it pauses it', async () => {
    const play = s.page.getByTestId('play-pause');
    const position = async () =>
      Number((await s.page.getByTestId('position').textContent())?.match(/step (\d+)/)?.[1]);
    for (const seed of [5, 6]) {
      // Stopped at the end; a new race then starts playing by itself.
      await s.page.keyboard.press('End');
      if ((await play.getAttribute('aria-label')) === 'Pause') await play.click();
      await expect.poll(() => play.getAttribute('aria-label')).toBe('Play');
      // The button is pressed in the same moment "Computing…" goes away.
      await s.page.evaluate(() => {
        const w = window as unknown as { pressed: Promise<void> };
        w.pressed = new Promise<void>((resolve) => {
          const root = document.querySelector('[data-testid=lab-descent]')!;
          const computing = () =>
            Array.from(root.querySelectorAll('.readout')).some((e) =>
              e.textContent?.includes('Computing'),
            );
          let seen = false;
          const observer = new MutationObserver(() => {
            if (computing()) seen = true;
            if (computing() || !seen) return;
            observer.disconnect();
            document.querySelector<HTMLButtonElement>('[data-testid=play-pause]')!.click();
            resolve();
          });
          observer.observe(root, { childList: true, subtree: true, characterData: true });
        });
      });
      await s.page.getByLabel('Seed').fill(String(seed));
      await s.page.evaluate(() => (window as unknown as { pressed: Promise<void> }).pressed);
      await expect.poll(() => play.getAttribute('aria-label')).toBe('Play');
      const at = await position();
      await s.page.waitForTimeout(500);
      expect(await position()).toBe(at);
      expect(at).toBeLessThan(300);
    }
  });
});
