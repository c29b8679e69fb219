// The Losses lab as a person uses it, in Chromium: δ reshapes Huber's curve and the typeset
// numbers follow; dragging the outlier moves the MSE fit a lot and the MAE and Huber fits hardly
// at all (checked against the leverage 0.6 of the point at x = 5 and the closed forms of the
// seeds' example); the influence sweep arrives from compute; the mean chases the outlier while
// the median stays; focal loss takes the pull away from easy points and hinge gives none past the
// margin; export writes the numbers on screen; a recording's seek moves the outlier; no chart
// text collides on the desktop or while presenting.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';
import { presentingSet, svgTextClashes } from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.goto(`${s.url}#/losses`);
  await s.page.getByTestId('lab-losses').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const lab = () => s.page.getByTestId('lab-losses');
const num = async (testId: string) => Number(await s.page.getByTestId(testId).textContent());
/** The value and derivative columns of a loss's row in a readout table. */
async function readout(table: string, loss: string) {
  const cells = s.page.getByTestId(table).locator(`tr[data-loss="${loss}"] td`);
  return [Number(await cells.nth(0).textContent()), Number(await cells.nth(1).textContent())];
}
async function tab(view: string) {
  await s.page.getByTestId(`tab-${view}`).click();
  await expect
    .poll(() => s.page.getByTestId(`tab-${view}`).getAttribute('aria-selected'))
    .toBe('true');
}
/** The solid curve of a colour in a chart (its derivative is the dashed one). */
const solidPath = (chart: string, color: string) =>
  s.page
    .getByTestId(chart)
    .locator(`path.recharts-curve[stroke="${color}"]:not([stroke-dasharray])`)
    .getAttribute('d');
const HUBER = '#009E73';
/** The outlier's exact y (the plot publishes it; a range input snaps its value to its steps). */
const outlierY = async () =>
  Number((await s.page.getByTestId('fit-plot-box').getAttribute('data-outlier'))!.split(',')[1]);
/** δ as the slider's label typesets it. */
const deltaShown = async () => {
  const tex = await s.page
    .locator('label:has([data-testid=loss-delta]) [data-tex]')
    .getAttribute('data-tex');
  return tex!.split('=')[1];
};

describe('Losses lab in Chromium', () => {
  it('δ changes Huber’s curve and its numbers; hinge has zero gradient past the margin', async () => {
    await tab('curves');
    expect(await readout('curves-regression-readout', 'huber')).toEqual([1, 1]);
    const before = await solidPath('curves-regression', HUBER);
    // δ ≈ 2 (the slider is logarithmic): r = 1.5 is now inside, ½·1.5² = 1.125, ρ′ = 1.5.
    await s.page.getByTestId('loss-delta').fill(String(Math.log10(2)));
    await expect.poll(() => readout('curves-regression-readout', 'huber')).toEqual([1.125, 1.5]);
    expect(await solidPath('curves-regression', HUBER)).not.toBe(before);
    const delta = await deltaShown();
    expect(Number(delta)).toBeCloseTo(2, 1);
    const tex = await s.page
      .getByTestId('curves-tex')
      .locator('[data-tex]')
      .first()
      .getAttribute('data-tex');
    expect(tex).toContain(`\\delta = ${delta}`);
    expect(await readout('curves-classification-readout', 'hinge')).toEqual([0.5, -1]);
    await s.page.getByTestId('loss-cursor-m').fill('2');
    await expect.poll(() => readout('curves-classification-readout', 'hinge')).toEqual([0, 0]);
    await s.page.getByTestId('loss-delta').fill('0');
  });

  it('dragging the outlier moves the MSE fit a lot, the MAE and Huber fits hardly', async () => {
    await s.page.getByTestId('loss-preset-outlier-ruins-mse').click();
    await expect
      .poll(() => s.page.getByTestId('influence-chart').getAttribute('data-status'))
      .toBe('ready');
    const at = async () => ({
      mse: await num('fit-at-outlier-mse'),
      mae: await num('fit-at-outlier-mae'),
      huber: await num('fit-at-outlier-huber'),
    });
    // The seeds' example: −38 + 20x, y = x and −1 + 1.5x at x = 5.
    expect(await at()).toEqual({ mse: 62, mae: 5, huber: 6.5 });
    const plot = s.page.getByTestId('fit-plot-box');
    const box = (await plot.boundingBox())!;
    const [px, py] = (await plot.getAttribute('data-outlier-px'))!.split(',').map(Number);
    await s.page.mouse.move(box.x + px, box.y + py);
    await s.page.mouse.down();
    for (let k = 1; k <= 8; k++)
      await s.page.mouse.move(box.x + px, box.y + py + (k * box.height) / 16);
    await s.page.mouse.up();
    await expect.poll(async () => (await at()).mse).toBeLessThan(20);
    const after = await at();
    const y = await outlierY();
    expect(y).toBeLessThan(0);
    // MSE: ŷ(5) moves by the leverage 0.6 times the outlier's move.
    expect(after.mse - 62).toBeCloseTo(0.6 * (y - 100), 1);
    expect(after.mae).toBe(5);
    // Huber with the outlier far below: δ + (1 − δ/2)x gives 3.5 at x = 5.
    expect(after.huber).toBe(3.5);
    expect(Math.abs(after.huber - 6.5)).toBeLessThan(Math.abs(after.mse - 62) / 10);
    await s.page.screenshot({ path: `${SHOTS}/losses-outlier-dragged.png` });
  });

  it('Huber’s δ moves its fit from MAE’s to MSE’s, and the numbers update', async () => {
    await s.page.getByTestId('loss-preset-huber-delta').click();
    await expect.poll(() => num('fit-at-outlier-huber')).toBe(11); // 5 + 1.5·4
    await s.page.getByTestId('loss-delta').fill(String(Math.log10(50)));
    await expect.poll(() => num('fit-at-outlier-huber')).toBe(62);
    await s.page.getByTestId('loss-delta').fill(String(Math.log10(0.1)));
    await expect.poll(() => num('fit-at-outlier-huber')).toBe(5.15);
    expect(await s.page.getByTestId('fit-share').textContent()).toMatch(
      /\d+% of the pull on the Huber fit/,
    );
    // The influence sweep from compute: each shown loss draws a line.
    await expect
      .poll(() => s.page.getByTestId('influence-chart').getAttribute('data-status'))
      .toBe('ready');
    expect(
      await s.page.getByTestId('influence-chart').locator('path.recharts-curve').count(),
    ).toBeGreaterThanOrEqual(6);
  });

  it('the mean chases the outlier, the median stays', async () => {
    await s.page.getByTestId('loss-preset-mean-median').click();
    const best = (loss: string) =>
      s.page.getByTestId('location-table').locator(`tr[data-loss="${loss}"] td`).textContent();
    await expect.poll(() => best('mse')).toBe('22');
    expect(await best('mae')).toBe('3');
    await tab('outliers');
    await s.page.getByTestId('loss-outlier-y').fill('50');
    const y = await outlierY();
    expect(y).toBeCloseTo(50, 0);
    await tab('likelihood');
    // Mean of 1, 2, 3, 4 and y; the median is still 3.
    await expect.poll(async () => Number(await best('mse'))).toBeCloseTo((10 + y) / 5, 2);
    expect(await best('mae')).toBe('3');
  });

  it('focal loss takes the pull from easy points; hinge gives none past the margin', async () => {
    const plane = s.page.getByTestId('classify-plane');
    const share = async () =>
      parseFloat((await s.page.getByTestId('classify-easy-share').textContent())!);
    await s.page.getByTestId('loss-preset-focal-easy').click();
    await expect
      .poll(() => lab().locator('section.loss-classify').getAttribute('data-status'))
      .toBe('ready');
    await expect
      .poll(async () => (await plane.getAttribute('data-pulls'))!.length)
      .toBeGreaterThan(0);
    const focal = await share();
    expect(await num('classify-easy')).toBeGreaterThan(10);
    await s.page.getByTestId('loss-train-logistic').click();
    await expect.poll(share).toBeGreaterThan(5 * focal);
    await s.page.getByTestId('loss-preset-hinge-margin').click();
    await expect
      .poll(() => lab().locator('section.loss-classify').getAttribute('data-status'))
      .toBe('ready');
    await expect
      .poll(async () => {
        const m = (await plane.getAttribute('data-margins'))!.split(',').map(Number);
        const p = (await plane.getAttribute('data-pulls'))!.split(',').map(Number);
        const past = m.map((v, i) => [v, p[i]]).filter(([v]) => v >= 1);
        return past.length > 5 && past.every(([, pull]) => pull === 0);
      })
      .toBe(true);
    await s.page.screenshot({ path: `${SHOTS}/losses-hinge.png` });
  });

  it('exports the fits on screen as CSV and JSON', async () => {
    await s.page.getByTestId('loss-preset-outlier-ruins-mse').click();
    const menu = s.page.getByTestId('export-menu').locator('summary');
    await menu.click();
    const files: string[] = [];
    const names: string[] = [];
    s.page.on('download', async (d) => {
      names.push(d.suggestedFilename());
      files.push((await d.path()) ?? '');
    });
    await s.page.getByTestId('export-data').click();
    await expect.poll(() => files.length).toBe(2);
    await menu.click();
    expect(names).toEqual(['losses-fits.csv', 'losses-fits.json']);
    const rows = (await readFile(files[0], 'utf8')).trim().split('\n');
    expect(rows).toHaveLength(6);
    const last = rows[5].split(',').map(Number);
    expect(last.slice(0, 3)).toEqual([5, 100, 1]);
    expect(last[3]).toBeCloseTo(62, 9);
    const json = JSON.parse(await readFile(files[1], 'utf8'));
    expect(json.scoreTable.find((r: { row: string }) => r.row === 'seed').scores.mae).toBeCloseTo(
      19.22,
      9,
    );
    s.page.removeAllListeners('download');
  });

  it('a recording sweeps the outlier: after 1 s at 10 fps it sits where seek(0.9 s) puts it', async () => {
    await s.page.mouse.move(4, 4);
    await s.page.getByTestId('record-open').click();
    await s.page.getByTestId('record-seconds').fill('1');
    await s.page.getByTestId('record-fps').selectOption('10');
    await s.page.getByTestId('record-resolution').selectOption('720p');
    const download = s.page.waitForEvent('download', { timeout: 90_000 });
    await s.page.getByTestId('record-start').click();
    const file = await download;
    await s.page.getByTestId('record-result').waitFor();
    await s.page.getByRole('button', { name: 'Close' }).click();
    expect((await readFile((await file.path())!)).length).toBeGreaterThan(1000);
    // y(t) = 2.5 + 103·sin(2πt/12) for the seeds' example; MSE's ŷ(5) = 62 − 0.6·(100 − y).
    const y = 2.5 + 103 * Math.sin((2 * Math.PI * 0.9) / 12);
    expect(await outlierY()).toBeCloseTo(y, 1);
    expect(await num('fit-at-outlier-mse')).toBeCloseTo(62 - 0.6 * (100 - y), 1);
  });

  it('no chart text collides, on the desktop and while presenting', async () => {
    for (const presenting of [false, true]) {
      await presentingSet(s.page, presenting);
      for (const view of ['curves', 'outliers', 'likelihood', 'classify']) {
        await s.page.evaluate((v) => {
          (document.querySelector(`[data-testid=tab-${v}]`) as HTMLButtonElement).click();
        }, view);
        await s.page.waitForTimeout(1200);
        expect(await svgTextClashes(lab()), `${view}${presenting ? ' presenting' : ''}`).toEqual(
          [],
        );
      }
    }
    await presentingSet(s.page, false);
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
