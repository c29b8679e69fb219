// Networks in Chromium: a scene linked while the net trains at full speed carries the weights of
// that moment (it carried those of the last pause: none, for a run started with Play), and the
// reopened lab shows the test loss and the picture of that moment, paused. Screenshots go to
// test-results/e2e (SHOTS_DIR, when set, too).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, sessionOpen, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await s.page.goto(`${s.url}#/networks`);
});
afterAll(async () => {
  await s?.close();
});

const regions = () => s.page.getByTestId('net-regions');
const frames = async () => Number((await regions().getAttribute('data-frames')) ?? 0);
const runState = () => s.page.getByTestId('net-runbar').getAttribute('data-state');
const testLoss = async () => Number(await s.page.getByTestId('net-test-loss').textContent());
const stepShown = async () =>
  Number(
    /step (\d+)/.exec((await s.page.getByTestId('net-epoch').textContent()) ?? '')?.[1] ?? NaN,
  );

/** Per colour channel, the sum over the plane's pixels (what the regions and points draw). */
const DIGEST = `(() => {
  const c = document.querySelector('[data-testid=net-regions]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const out = [0, 0, 0];
  for (let i = 0; i < d.length; i += 4) { out[0] += d[i]; out[1] += d[i + 1]; out[2] += d[i + 2]; }
  return out;
})()`;
const digest = async () => (await s.page.evaluate(DIGEST)) as number[];
/** Largest relative difference of two digests over the channels. */
const digestGap = (a: number[], b: number[]) =>
  Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(1, v)));

const shot = async (name: string) => {
  for (const dir of [SHOTS, process.env.SHOTS_DIR].filter(Boolean) as string[])
    await s.page.screenshot({ path: path.join(dir, `networks-scene-${name}.png`) });
};

describe('networks: a scene saved mid-run', () => {
  it('carries the current weights; the reopened lab shows that loss and picture', async () => {
    await expect.poll(() => frames(), { timeout: 20_000 }).toBeGreaterThan(0);
    await s.page.getByTestId('net-story').selectOption('playground');
    await s.page.getByTestId('net-epochs').selectOption('10000');
    await expect.poll(() => stepShown(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => testLoss(), { timeout: 20_000 }).toBeGreaterThan(0);
    const loss0 = await testLoss();
    const picture0 = await digest();

    await s.page.getByTestId('net-play').click();
    // Well trained, where the loss moves slowly: the text shows the last epoch's end and is
    // refreshed 10 times a second, so it can lag the latest frame by a few hundred steps.
    await expect
      .poll(() => testLoss(), { timeout: 60_000, interval: 250 })
      .toBeLessThan(0.03 * loss0);
    await s.page.evaluate(() => navigator.clipboard.writeText(''));
    // What the page shows, and the link asked for, in one task: no frame comes in between.
    const atCapture = (await s.page.evaluate(`(() => {
      const shown = {
        loss: Number(document.querySelector('[data-testid=net-test-loss]').textContent),
        step: Number(/step (\\d+)/.exec(document.querySelector('[data-testid=net-epoch]').textContent)[1]),
        picture: ${DIGEST},
      };
      document.querySelector('[data-testid=scene-link]').click();
      return shown;
    })()`)) as { loss: number; step: number; picture: number[] };
    expect(await runState()).toBe('running');
    await shot('capture-1280');
    const copied = () => s.page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(copied).toMatch(/#\/networks\?scene=/);
    const link = await copied();
    await s.page.getByTestId('net-play').click(); // pause: the run need not go on

    const text = /scene=([A-Za-z0-9_-]+)/.exec(link)![1];
    const scene = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      params: { weights: number[] };
    };
    const weights = scene.params.weights;
    // Playground's 2-4-2-1 net: 2·4 + 4 + 4·2 + 2 + 2·1 + 1 parameters.
    expect(weights).toHaveLength(25);
    expect(weights.every(Number.isFinite)).toBe(true);

    await s.page.goto('about:blank');
    await s.page.goto(link);
    await expect.poll(() => frames(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => testLoss(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await runState()).toBe('paused');
    expect(await stepShown()).toBe(0);
    const reopened = await testLoss();
    // The page showed the loss of the last epoch's end, the link holds the weights of the latest
    // frame: a few epochs apart at most, far closer than the untrained net.
    expect(Math.abs(reopened - atCapture.loss)).toBeLessThan(
      0.15 * Math.abs(loss0 - atCapture.loss),
    );
    // The picture draws: the plane as it was at capture, not as it was untrained.
    await s.page.waitForTimeout(500);
    const picture = await digest();
    const gap = digestGap(picture, atCapture.picture);
    expect(gap).toBeLessThan(0.3 * digestGap(picture0, atCapture.picture));
    await shot('reopened-1280');
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.waitForTimeout(800);
    await shot('reopened-1920');
    expect(s.pageErrors).toEqual([]);
  });
});
