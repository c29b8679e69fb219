// The Statistics of learning lab as a person sees it: compute answers with every degree's
// numbers; moving the degree from 1 to 5 makes bias² fall and variance rise, in the numbers
// written and in the chart; the seeds' setting (ten random x, degree 9) says the fits have no mean
// and draws the median; a fixed design shows the closed form; the CSV holds what is on screen;
// chart text never collides; screenshots at 1920×1080 and 1280×800.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';
import { svgTextClashes } from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.goto(`${s.url}#/statistics`);
  await s.page.getByTestId('lab-statistics').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const view = () => s.page.getByTestId('bv-view');
const ready = () =>
  expect.poll(() => view().getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
const readout = async () => {
  const r = s.page.getByTestId('bv-readout');
  return {
    regime: await r.getAttribute('data-regime'),
    bias2: Number(await r.getAttribute('data-bias2')),
    variance: Number(await r.getAttribute('data-variance')),
    test: Number(await r.getAttribute('data-test')),
  };
};
const setDegree = async (d: number) => {
  await s.page.getByTestId('bv-degree').fill(String(d));
  await expect.poll(async () => await s.page.getByTestId('bv-degree').inputValue()).toBe(String(d));
};
const shot = (name: string) =>
  s.page.screenshot({ path: path.join(process.env.SHOTS_DIR ?? SHOTS, name) });

describe('Statistics lab in Chromium', () => {
  it('computes every degree and the decomposition matches the measured test error', async () => {
    await ready();
    const r = await readout();
    expect(r.regime).not.toBeNull();
    expect(await s.page.getByTestId('bv-gap').textContent()).toMatch(/the decomposition holds/);
    expect(await s.page.locator('[data-testid=bv-fits] path').count()).toBeGreaterThan(20);
    expect(await svgTextClashes(s.page.getByTestId('bv-view'))).toEqual([]);
    await shot('statistics-1280.png');
  });

  it('degree 1 → 5 (fixed x): bias² falls and variance rises, on screen and in the chart', async () => {
    await s.page.getByTestId('stats-preset-underfit').click();
    await ready();
    await setDegree(1);
    const low = await readout();
    const lowText = await s.page.getByTestId('bv-bias2').textContent();
    await setDegree(5);
    await expect.poll(async () => (await readout()).bias2).toBeLessThan(low.bias2 / 10);
    const high = await readout();
    expect(high.variance).toBeGreaterThan(low.variance);
    expect(await s.page.getByTestId('bv-bias2').textContent()).not.toBe(lowText);
    // The closed form is shown beside the simulation under a fixed design.
    await expect.poll(() => s.page.getByTestId('bv-exact').count()).toBe(1);
    expect(await s.page.getByTestId('bv-regime').count()).toBe(0);
  });

  it('the seeds’ setting (ten random x, degree 9) says there is no mean and draws the median', async () => {
    await s.page.getByTestId('stats-preset-infinite-variance').click();
    await ready();
    expect((await readout()).regime).toBe('no-mean');
    expect(await s.page.getByTestId('bv-regime').textContent()).toMatch(/no mean/);
    expect(await s.page.getByTestId('bv-fits').getAttribute('data-center')).toBe('median');
    expect(await s.page.getByTestId('bv-u-chart').getAttribute('data-wild-from')).toBe('5');
    expect(await s.page.getByTestId('bv-variance').textContent()).toBe('no mean');
    await shot('statistics-no-mean-1280.png');
    // The same with fixed x: finite, no warning.
    await s.page.getByTestId('bv-design-fixed').click();
    await ready();
    expect((await readout()).regime).toBe('settled');
    expect(await s.page.getByTestId('bv-regime').count()).toBe(0);
  });

  it('exports the numbers on screen as CSV and JSON', async () => {
    await ready();
    const shown = await readout();
    const menu = s.page.getByTestId('export-menu').locator('summary');
    await menu.click();
    const files: string[] = [];
    const names: string[] = [];
    s.page.on('download', async (d) => {
      names.push(d.suggestedFilename());
      files.push((await d.path()) ?? '');
    });
    await s.page.getByTestId('export-data').click();
    await expect.poll(() => files.length).toBe(3);
    await menu.click();
    expect(names).toEqual([
      'statistics-bias-variance.csv',
      'statistics-fits-degree-9.csv',
      'statistics-settings.json',
    ]);
    const rows = (await readFile(files[0], 'utf8')).trim().split('\n');
    const head = rows[0].split(',');
    const row9 = rows[10].split(',');
    expect(Number(row9[head.indexOf('bias2')])).toBe(shown.bias2);
    expect(Number(row9[head.indexOf('measured_test')])).toBe(shown.test);
    expect(JSON.parse(await readFile(files[2], 'utf8')).bv.design).toBe('fixed');
  });

  it('likelihood tab: no heads in three tosses gives p̂ = 0, the prior moves the MAP to 1/5', async () => {
    await s.page.getByTestId('tab-likelihood').click();
    await s.page.getByTestId('stats-preset-prior-regularizer').click();
    const coin = s.page.getByTestId('coin-chart');
    await expect.poll(() => coin.getAttribute('data-map')).toBe(String(1 / 5));
    expect(Number(await coin.getAttribute('data-mle'))).toBe(0);
    expect(Number(await coin.getAttribute('data-mean'))).toBeCloseTo(2 / 7, 12);
    expect(await s.page.getByTestId('coin-zero').textContent()).toMatch(/heads cannot happen/);
    // σ = 2, τ = 1, n = 10: λ = 4 for the sum of squares, 0.4 per point.
    expect(await s.page.getByTestId('ridge-link').textContent()).toMatch(/= 4: ridge.*= 0\.4\b/s);
    // One more head: the MLE leaves 0 and the note goes.
    await s.page.getByTestId('mle-heads').fill('1');
    await expect.poll(() => coin.getAttribute('data-mle')).toBe(String(1 / 3));
    expect(await s.page.getByTestId('coin-zero').count()).toBe(0);
    // Data arriving one toss at a time: a tail, then a head move the estimates.
    await s.page.getByTestId('mle-add-tail').click();
    await expect.poll(() => coin.getAttribute('data-mle')).toBe(String(1 / 4));
    await s.page.getByTestId('mle-add-head').click();
    await expect.poll(() => coin.getAttribute('data-mle')).toBe(String(2 / 5));
    expect(Number(await coin.getAttribute('data-map'))).toBeCloseTo(
      (2 + 2 - 1) / (2 + 2 + 5 - 2),
      12,
    );
    // The surface's maximum is the sample's mean and ÷ n standard deviation, as typeset.
    const surf = s.page.getByTestId('mle-surface');
    const mean = Number(await surf.getAttribute('data-mean'));
    expect(await s.page.getByTestId('mle-steps').textContent()).toContain(
      String(+mean.toPrecision(3)).replace('-', '−'),
    );
    expect(await svgTextClashes(s.page.getByTestId('mle-view'))).toEqual([]);
    await shot('statistics-likelihood-1280.png');
    await s.page.getByTestId('tab-bias-variance').click();
    await ready();
  });

  it('the prior links open the Regularization lab showing the matching λ (ridge, then lasso)', async () => {
    await s.page.getByTestId('tab-likelihood').click();
    await s.page.getByTestId('stats-preset-prior-regularizer').click();
    // σ = 2, τ = 1, n = 10: ridge λ = σ²/(nτ²) = 0.4; Laplace b = τ/√2, λ = σ²/(nb) = 0.4·√2.
    const shownLambda = async () => {
      const text = (await s.page.getByTestId('reg-lambda').textContent()) ?? '';
      return Number(/λ\* = ([0-9.e+-]+)/.exec(text)?.[1]);
    };
    for (const [id, lambda, name] of [
      ['ridge-open', 0.4, 'ridge'],
      ['lasso-open', 0.4 * Math.SQRT2, 'lasso'],
    ] as const) {
      const link = s.page.getByTestId(id);
      expect(await link.textContent()).toContain(`${name} at λ = ${+lambda.toPrecision(3)}`);
      await link.click();
      await s.page.getByTestId('lab-regularization').waitFor();
      await expect
        .poll(async () => Math.abs((await shownLambda()) / lambda - 1))
        .toBeLessThan(1e-6);
      if (name === 'ridge') await shot('statistics-link-ridge-1280.png');
      await s.page.evaluate(() => (window.location.hash = '#/statistics'));
      await s.page.getByTestId('lab-statistics').waitFor();
      await s.page.getByTestId('tab-likelihood').click();
    }
    await s.page.getByTestId('tab-bias-variance').click();
    await ready();
  });

  it('Bayesian line: a click adds a point and narrows the band there; shift-click removes it', async () => {
    await s.page.getByTestId('tab-bayes').click();
    const data = s.page.getByTestId('bayes-data');
    await expect.poll(() => data.getAttribute('data-points')).toBe('4');
    const before = Number(await data.getAttribute('data-width'));
    const box = (await s.page.getByTestId('bayes-click').boundingBox())!;
    // x = 0 is the middle of the plot; y = 0 too.
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => data.getAttribute('data-points')).toBe('5');
    expect(Number(await data.getAttribute('data-width'))).toBeLessThan(before);
    expect(await s.page.getByTestId('bayes-numbers').textContent()).toMatch(/λ = σ²\/τ² = 0\.09/);
    expect(await svgTextClashes(s.page.getByTestId('bayes-view'))).toEqual([]);
    await shot('statistics-bayes-1280.png');
    await s.page.keyboard.down('Shift');
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.keyboard.up('Shift');
    await expect.poll(() => data.getAttribute('data-points')).toBe('4');
    expect(Number(await data.getAttribute('data-width'))).toBeCloseTo(before, 12);
    await s.page.getByTestId('tab-bias-variance').click();
    await ready();
  });

  it('Bayesian line: dragging a point moves it; the posterior mean follows, the band keeps its width', async () => {
    await s.page.getByTestId('tab-bayes').click();
    const data = s.page.getByTestId('bayes-data');
    await expect.poll(() => data.getAttribute('data-points')).toBe('4');
    const numbers = s.page.getByTestId('bayes-numbers');
    const meanText = async () =>
      /Posterior mean \(w₀, w₁\) = \(([^)]*)\)/.exec((await numbers.textContent()) ?? '')?.[1];
    const before = await meanText();
    const width = await data.getAttribute('data-width');
    const dot = data.locator('circle').first();
    const b = (await dot.boundingBox())!;
    const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
    await s.page.mouse.move(cx, cy);
    await s.page.mouse.down();
    for (let k = 1; k <= 6; k++) await s.page.mouse.move(cx, cy - 12 * k);
    await s.page.mouse.up();
    // Still four points: the press grabbed one, it did not add one.
    expect(await data.getAttribute('data-points')).toBe('4');
    const moved = (await dot.boundingBox())!;
    expect(moved.y).toBeLessThan(b.y - 50);
    expect(Math.abs(moved.x - b.x)).toBeLessThan(2);
    await expect.poll(meanText).not.toBe(before);
    // A vertical move changes y only: the posterior covariance depends on x alone, so the band
    // moves with the mean and keeps its width.
    expect(await data.getAttribute('data-width')).toBe(width);
    await shot('statistics-bayes-drag-1280.png');
    await s.page.getByTestId('tab-bias-variance').click();
    await ready();
  });

  it('fits 1920×1080', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.getByTestId('stats-preset-overfit').click();
    await ready();
    expect(await svgTextClashes(s.page.getByTestId('bv-view'))).toEqual([]);
    await shot('statistics-1920.png');
    await s.page.getByTestId('tab-likelihood').click();
    await s.page.getByTestId('stats-preset-n-minus-1').click();
    await expect.poll(() => s.page.getByTestId('mle-sim').count()).toBe(1);
    expect(await svgTextClashes(s.page.getByTestId('mle-view'))).toEqual([]);
    await shot('statistics-likelihood-1920.png');
  });
});
