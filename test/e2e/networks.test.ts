// The Networks lab in Chromium: spiral trains (test accuracy rises, the regions change), a click
// on the plane adds a point, shift-click removes it, and a bad CSV shows its message and keeps the
// data. Screenshots at 1280×800, 1920×1080 and while presenting go to test-results/e2e.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, sessionOpen, type Session } from './browser';
import { presentingSet } from './chart-text';

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
const pointCount = async () => Number((await regions().getAttribute('data-points')) ?? 0);
const stepShown = async () =>
  Number(
    /step (\d+)/.exec((await s.page.getByTestId('net-epoch').textContent()) ?? '')?.[1] ?? NaN,
  );
const testAcc = async () =>
  Number((await s.page.getByTestId('net-test-acc').getAttribute('data-value')) || NaN);
const trainLoss = async () =>
  Number((await s.page.getByTestId('net-train-loss').getAttribute('data-value')) || NaN);

/** A digest of the plane's pixels (changes when the regions are redrawn differently). */
async function planeDigest(): Promise<number[]> {
  return s.page.evaluate(() => {
    const c = document.querySelector('[data-testid=net-regions]') as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const out = [0, 0, 0];
    for (let i = 0; i < d.length; i += 4) {
      out[0] += d[i];
      out[1] += d[i + 1];
      out[2] += d[i + 2];
    }
    return out;
  });
}

const shot = (name: string) =>
  s.page.screenshot({ path: path.join(SHOTS, `networks-${name}.png`) });

describe('networks lab', () => {
  it('opens on the default net with regions, graph and charts, and no page errors', async () => {
    await expect.poll(() => frames(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => s.page.getByTestId('net-graph').isVisible()).toBe(true);
    expect(await s.page.getByTestId('net-loss-chart').isVisible()).toBe(true);
    expect(await pointCount()).toBe(500);
    await shot('default-1280');
    expect(s.pageErrors).toEqual([]);
  });

  it('spiral: training raises the test accuracy and changes the regions', async () => {
    await s.page.getByTestId('net-dataset').selectOption('spiral');
    await s.page.getByTestId('net-feature-sin1').check();
    await s.page.getByTestId('net-feature-sin2').check();
    await expect.poll(() => testAcc(), { timeout: 10_000 }).not.toBeNaN();
    const before = await testAcc();
    const pixels = await planeDigest();
    await s.page.getByTestId('net-play').click();
    await expect
      .poll(() => testAcc(), { timeout: 60_000, interval: 500 })
      .toBeGreaterThan(before + 0.15);
    expect(await planeDigest()).not.toEqual(pixels);
    await s.page.getByTestId('net-play').click(); // pause
    await shot('spiral-trained-1280');
  });

  it('a click adds a point of the chosen class; shift-click removes it', async () => {
    const n = await pointCount();
    await s.page.getByTestId('net-class-2').click();
    const box = await regions().boundingBox();
    if (!box) throw new Error('no plane');
    const at = { x: box.x + box.width * 0.55, y: box.y + box.height * 0.4 };
    await s.page.mouse.click(at.x, at.y);
    await expect.poll(pointCount).toBe(n + 1);
    expect(await s.page.getByTestId('net-dataset').inputValue()).toBe('custom');
    await s.page.keyboard.down('Shift');
    await s.page.mouse.click(at.x, at.y);
    await s.page.keyboard.up('Shift');
    await expect.poll(pointCount).toBe(n);
  });

  it('a bad CSV shows where it is wrong and keeps the points', async () => {
    const n = await pointCount();
    await s.page.getByTestId('net-csv-file').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x,y,label\n1,2,0\n1,abc,1\n'),
    });
    const msg = s.page.getByTestId('net-csv-message');
    await expect
      .poll(() => msg.textContent())
      .toContain('Line 3, column 2 (y): "abc" is not a number.');
    expect(await pointCount()).toBe(n);
    await s.page.getByTestId('net-csv-file').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('x,y,label\n1,2,0\n-1,-2,1\n3,3,2\n'),
    });
    await expect.poll(pointCount).toBe(3);
    expect(await msg.count()).toBe(0);
  });

  it('hovering an edge and a neuron shows value, gradient and the update with numbers', async () => {
    await s.page.getByTestId('net-story').selectOption('xor-hidden');
    await expect.poll(() => s.page.getByTestId('net-run-message').textContent()).toBe('\u00a0');
    const planeBefore = await regions().boundingBox();
    await s.page.getByTestId('net-play').click();
    await expect
      .poll(() => s.page.getByTestId('net-runbar').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    // The finished message took a line and moved the plane under the pointer (a shift-click then
    // missed the point it meant to remove).
    expect(await s.page.getByTestId('net-run-message').textContent()).toContain('Finished');
    expect(await regions().boundingBox()).toEqual(planeBefore);
    const graph = s.page.getByTestId('net-graph');
    const box = await graph.boundingBox();
    if (!box) throw new Error('no graph');
    const nodes = JSON.parse((await graph.getAttribute('data-nodes')) ?? '[]') as number[][][];
    const half = Number(await graph.getAttribute('data-size')) / 2;
    const [a, b] = [nodes[0][0], nodes[1][0]];
    await s.page.mouse.move(box.x + (a[0] + half + b[0] - half) / 2, box.y + (a[1] + b[1]) / 2);
    const hover = s.page.getByTestId('net-hover');
    await expect
      .poll(() => hover.textContent())
      .toContain('Weight from neuron 1 of the inputs to neuron 1 of layer 1');
    const texs = await hover
      .locator('[data-tex]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tex') ?? ''));
    // SGD: W ← (before) − η × g = (after), with the numbers of the last step.
    expect(texs.some((t) => t.includes('\\leftarrow') && t.includes('0.03'))).toBe(true);
    await shot('hover-edge-1280');
    await s.page.mouse.move(box.x + nodes[1][1][0], box.y + nodes[1][1][1]);
    await expect.poll(() => hover.textContent()).toContain('Bias of neuron 2 in layer 1');
    const fits = await hover
      .locator('.tex')
      .evaluateAll((els) =>
        els.every(
          (e) =>
            e.getBoundingClientRect().right <=
            (e.closest('[data-testid=net-hover]') as HTMLElement).getBoundingClientRect().right + 1,
        ),
      );
    expect(fits).toBe(true);
  });

  it('a link carries the trained weights: the reopened lab shows the same test accuracy', async () => {
    const trained = await testAcc();
    expect(trained).toBeGreaterThan(0.9);
    await s.page.evaluate(() => navigator.clipboard.writeText(''));
    await s.page.getByTestId('scene-link').click();
    const copied = () => s.page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(copied).toMatch(/#\/networks\?scene=/);
    const link = await copied();
    await s.page.goto('about:blank');
    await s.page.goto(link);
    await expect.poll(() => testAcc(), { timeout: 20_000 }).toBe(trained);
    expect(await s.page.getByTestId('net-runbar').getAttribute('data-state')).toBe('paused');
  });

  it('batch norm and dropout: the graph marks them, the loss falls, the plane draws, hover explains, a link keeps the net', async () => {
    await s.page.getByTestId('net-story').selectOption('playground');
    await s.page.getByTestId('net-bn-1').check();
    await s.page.getByTestId('net-dropout-2').selectOption('0.3');
    await s.page.getByTestId('net-epochs').selectOption('30');
    const graph = s.page.getByTestId('net-graph');
    await expect
      .poll(() => graph.getAttribute('data-marks'))
      .toBe(JSON.stringify(['', 'BN', 'drop 0.3', '']));
    await expect.poll(() => trainLoss(), { timeout: 10_000 }).not.toBeNaN();
    const before = await trainLoss();
    const pixels = await planeDigest();
    await s.page.getByTestId('net-play').click();
    // Run to the end, so the last loss row and the weights a link carries are of the same step.
    await expect
      .poll(() => s.page.getByTestId('net-runbar').getAttribute('data-state'), { timeout: 60_000 })
      .toBe('done');
    expect(await trainLoss()).toBeLessThan(before / 2);
    expect(await planeDigest()).not.toEqual(pixels);
    const box = await graph.boundingBox();
    if (!box) throw new Error('no graph');
    const nodes = JSON.parse((await graph.getAttribute('data-nodes')) ?? '[]') as number[][][];
    const hover = s.page.getByTestId('net-hover');
    await s.page.mouse.move(box.x + nodes[1][0][0], box.y + nodes[1][0][1]);
    await expect.poll(() => hover.textContent()).toContain('running averages');
    const bnTex = await hover
      .getByTestId('net-hover-bn')
      .locator('[data-tex]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tex') ?? ''));
    expect(bnTex.some((t) => /\\bar\\sigma\^2 = [0-9.]+/.test(t))).toBe(true);
    await shot('bn-dropout-hover-1280');
    await s.page.mouse.move(box.x + nodes[2][1][0], box.y + nodes[2][1][1]);
    await expect
      .poll(() => hover.getByTestId('net-hover-dropout').textContent())
      .toMatch(
        /Dropout p = 0\.3: in the last minibatch \(10 samples\) this neuron was zeroed for \d+/,
      );
    await s.page.mouse.move(0, 0);
    // The link carries θ and batch norm's running averages: the reopened net tests the same.
    const trained = await testAcc();
    const trainedLoss = await s.page.getByTestId('net-test-loss').textContent();
    await s.page.evaluate(() => navigator.clipboard.writeText(''));
    await s.page.getByTestId('scene-link').click();
    const copied = () => s.page.evaluate(() => navigator.clipboard.readText());
    await expect.poll(copied).toMatch(/#\/networks\?scene=/);
    const link = await copied();
    await s.page.goto('about:blank');
    await s.page.goto(link);
    await expect.poll(() => testAcc(), { timeout: 20_000 }).toBe(trained);
    expect(await s.page.getByTestId('net-test-loss').textContent()).toBe(trainedLoss);
    expect(await s.page.getByTestId('net-bn-1').isChecked()).toBe(true);
    expect(await s.page.getByTestId('net-dropout-2').inputValue()).toBe('0.3');
    // Batch size 1 with batch norm says what happens.
    expect(await s.page.getByTestId('net-bn-batch1').count()).toBe(0);
    await s.page.getByTestId('net-batch').fill('1');
    await expect
      .poll(() => s.page.getByTestId('net-bn-batch1').textContent())
      .toContain('output β alone');
    await s.page.getByTestId('net-bn-1').uncheck();
    expect(await s.page.getByTestId('net-bn-batch1').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('slow motion trains one minibatch per tick; unticked, at full speed', async () => {
    await s.page.getByTestId('net-story').selectOption('playground');
    await expect.poll(() => stepShown()).toBe(0);
    await s.page.getByTestId('net-slow').check();
    await s.page.getByTestId('net-play').click();
    await s.page.waitForTimeout(2000);
    const slow = await stepShown();
    // 2 s at one minibatch per 0.15 s: a handful, never a burst.
    expect(slow).toBeGreaterThanOrEqual(3);
    expect(slow).toBeLessThanOrEqual(16);
    await s.page.getByTestId('net-slow').uncheck();
    await expect.poll(() => stepShown(), { timeout: 10_000 }).toBeGreaterThan(slow + 200);
    await s.page.getByTestId('net-play').click();
  });

  it('looks right at 1920×1080 and while presenting', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.waitForTimeout(800);
    await shot('xor-1920');
    await presentingSet(s.page, true);
    await shot('xor-presenting-1920');
    await presentingSet(s.page, false);
    expect(s.pageErrors).toEqual([]);
  });
});
