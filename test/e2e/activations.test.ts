import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';
import {
  canvasTextClashes,
  fontPx,
  presentingSet,
  presentingTab,
  svgTextClashes,
} from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen();
});
afterAll(async () => {
  await s?.close();
});

const flowStep = async () => Number(await s.page.getByTestId('flow-step').textContent());
const readout = () => s.page.getByTestId('gallery-readout').textContent();

/** Pixels of the heat map's plot area: how many are painted and how many colours they use. */
const heatStats = () =>
  s.page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=flow-heatmap] canvas');
    const rect = c?.dataset.plot?.split(',').map(Number);
    if (!c || !rect || rect.length !== 4) return { painted: 0, colours: 0, steps: 0 };
    const [x, y, w, h] = rect;
    const data = c.getContext('2d')!.getImageData(x, y, w, h).data;
    const colours = new Set<number>();
    let painted = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      painted++;
      colours.add((data[i] >> 3) * 1024 + (data[i + 1] >> 3) * 32 + (data[i + 2] >> 3));
    }
    return { painted: painted / (w * h), colours: colours.size, steps: Number(c.dataset.steps) };
  });

/** A tick label: a number, a percentage or a power of ten (10⁻¹²). */
const NUMBER = /^(−|-)?\d+(\.\d+)?(e[+-]?\d+)?%?$|^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/;

/** Tick labels of each axis and the axis titles of a recharts chart inside `selector`. */
async function chartText(selector: string) {
  const root = s.page.locator(selector);
  const texts = (css: string) => root.locator(css).allTextContents();
  return {
    x: await texts('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
    y: await texts('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value'),
    titles: await texts('.recharts-label'),
  };
}

describe('Activations lab in Chromium', () => {
  it('plots f and f′ of the overlaid activations and follows the cursor', async () => {
    await s.page.goto(`${s.url}#/activations`);
    await s.page.getByTestId('lab-activations').waitFor();
    const curves = s.page.locator('[data-testid=gallery-chart] .recharts-line-curve');
    await expect.poll(() => curves.count()).toBe(8); // 4 activations × (f, f′)
    for (const d of await curves.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '')))
      expect(d.split(/[LC]/).length).toBeGreaterThan(100);
    // Formulas are typeset by KaTeX.
    expect(await s.page.locator('[data-testid=gallery-tex] .katex').count()).toBeGreaterThan(2);

    const before = await readout();
    const box = (await s.page
      .locator('[data-testid=gallery-chart] .recharts-surface')
      .boundingBox())!;
    await s.page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await expect.poll(readout).not.toBe(before);
    const left = Number(await s.page.getByTestId('gallery-cursor').textContent());
    await s.page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await expect
      .poll(async () => Number(await s.page.getByTestId('gallery-cursor').textContent()))
      .toBeGreaterThan(left);
    // Axes: numeric tick labels on both, and titles saying what they are.
    const axes = await chartText('[data-testid=gallery-chart]');
    expect(axes.x.length).toBeGreaterThanOrEqual(5);
    expect(axes.y.length).toBeGreaterThanOrEqual(3);
    for (const t of [...axes.x, ...axes.y]) expect(t).toMatch(NUMBER);
    expect(axes.titles).toEqual(['x', 'f(x) solid, f′(x) dashed']);
    await s.page.screenshot({ path: `${SHOTS}/activations-gallery.png` });
  });

  it('trains the deep-sigmoid story: the heat map fills, the counter grows, and Pause stops it', async () => {
    await s.page.getByTestId('tab-flow').click();
    await s.page.getByTestId('flow-preset-deep-sigmoid').click();
    await expect.poll(flowStep, { timeout: 20_000 }).toBeGreaterThan(20);
    const early = await flowStep();
    await expect.poll(flowStep, { timeout: 20_000 }).toBeGreaterThan(early + 50);

    await expect
      .poll(async () => (await heatStats()).steps, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const heat = await heatStats();
    expect(heat.painted).toBeGreaterThan(0.02);
    expect(heat.colours).toBeGreaterThan(10);

    await s.page.getByTestId('flow-pause').click();
    await expect.poll(() => s.page.getByTestId('flow-state').textContent()).toBe('paused');
    const paused = await flowStep();
    await s.page.waitForTimeout(800);
    expect(await flowStep()).toBe(paused);
    expect(paused).toBeLessThan(1500);
    await s.page.screenshot({ path: `${SHOTS}/activations-flow-paused.png` });

    // Step advances one training step (plus any computed before the pause but not yet drawn).
    await s.page.getByTestId('flow-step-button').click();
    await expect.poll(flowStep).toBeGreaterThan(paused);

    await s.page.getByTestId('flow-play').click();
    await expect
      .poll(() => s.page.getByTestId('flow-state').textContent(), { timeout: 30_000 })
      .toBe('finished');
    expect(await flowStep()).toBe(1500);
    const done = await heatStats();
    expect(done.painted).toBeGreaterThan(0.95);
    // The flat loss (≈ 0.69–0.71) is drawn on a linear axis from 0, not zoomed into noise.
    const loss = s.page.getByTestId('loss-chart');
    expect(await loss.getAttribute('data-scale')).toBe('linear');
    const [lo, hi] = (await loss.getAttribute('data-domain'))!.split(',').map(Number);
    expect(lo).toBe(0);
    expect(hi).toBeLessThanOrEqual(1);
    expect(await s.page.getByTestId('loss-note').textContent()).toMatch(
      /^Linear scale from 0: the loss stays between 0\.\d+ and 0\.\d+\. Dashed: ln 2 = 0\.693/,
    );
    await s.page.screenshot({ path: `${SHOTS}/activations-flow-done.png` });

    // Every chart of the flow view has numeric tick labels on its axes and axis titles.
    const heatText = JSON.parse(
      (await s.page.locator('[data-testid=flow-heatmap] canvas').getAttribute('data-labels'))!,
    ) as { layers: string[]; steps: string[]; legend: string[]; titles: string[] };
    expect(heatText.layers.length).toBeGreaterThanOrEqual(5);
    expect(heatText.layers.at(-1)).toBe('21');
    expect(heatText.steps.length).toBeGreaterThanOrEqual(3);
    for (const t of [...heatText.layers, ...heatText.steps]) expect(t).toMatch(NUMBER);
    // The colour scale: decade labels of the gradient norm (10⁻¹² … 10⁻¹ for this story).
    expect(heatText.legend.length).toBeGreaterThanOrEqual(3);
    for (const t of heatText.legend) expect(t).toMatch(/^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(heatText.titles).toEqual(['weight layer (input → output)', 'training step', '‖∂L/∂W‖']);
    for (const id of ['loss-chart', 'chain-product']) {
      const axes = await chartText(`[data-testid=${id}]`);
      expect(axes.x.length, id).toBeGreaterThanOrEqual(3);
      expect(axes.y.length, id).toBeGreaterThanOrEqual(3);
      for (const t of [...axes.x, ...axes.y]) expect(t).toMatch(NUMBER);
      expect(axes.titles.length, id).toBe(2);
    }
    const hist = s.page.getByTestId('flow-histograms');
    for (const fig of await hist.locator('figure').all()) {
      const ticks = await fig.locator('.act-tick').allTextContents();
      expect(ticks.length).toBe(5); // 0 and the tallest bin's share; the range's ends and middle
      for (const t of ticks) expect(t).toMatch(NUMBER);
    }
    expect(await s.page.locator('.act-hists-body .act-axis-title').allTextContents()).toEqual([
      'share of values per bin',
      'activation value h = f(z)',
    ]);
  });

  it('shows the exploding run stopping at NaN', async () => {
    await s.page.getByTestId('flow-preset-large-init').click();
    await expect
      .poll(() => s.page.getByTestId('flow-state').textContent(), { timeout: 20_000 })
      .toBe('diverged');
    expect(await s.page.getByTestId('flow-message').textContent()).toMatch(/step 3/);
    // The status bar says the same: it diverged at step 3, not "done 1500/1500 (100 %)".
    await expect
      .poll(() => s.page.getByTestId('status-run').textContent())
      .toBe('gradient-flow: diverged at step 3 of 1500');
    expect(await s.page.locator('[data-testid=status-bar] progress').getAttribute('value')).toBe(
      '3',
    );
    // A loss of 10¹⁵⁹ before the NaN: a log axis with decade ticks, and the NaN named.
    const loss = s.page.getByTestId('loss-chart');
    await expect.poll(() => loss.getAttribute('data-scale')).toBe('log');
    const [lo, hi] = (await loss.getAttribute('data-domain'))!.split(',').map(Number);
    expect(hi / lo).toBeGreaterThan(1e100);
    const yTicks = (await chartText('[data-testid=loss-chart]')).y;
    expect(yTicks.length).toBeGreaterThanOrEqual(3);
    for (const t of yTicks) expect(t).toMatch(/^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(await s.page.getByTestId('loss-note').textContent()).toMatch(
      /^Log scale: .* The loss at step 3 is NaN or infinite and is not drawn\.$/,
    );
    await s.page.waitForTimeout(300);
    await s.page.screenshot({ path: `${SHOTS}/activations-flow-diverged.png` });
  });

  it('draws the chain bound that holds for the activation, and none where there is none', async () => {
    const legend = () => s.page.getByTestId('chain-legend').textContent();
    const reason = () => s.page.getByTestId('chain-bound-reason').textContent();
    const curves = s.page.locator('[data-testid=chain-product] .recharts-line-curve');
    // The exploding story is ReLU: ReLU′ ≤ 1 gives |w|ⁿ, never the sigmoid's (|w|/4)ⁿ.
    expect(await legend()).toMatch(/bound \|w\|ⁿ/);
    expect(await legend()).not.toMatch(/\/4/);
    expect(await reason()).toMatch(/ReLU′\(z\) is 1 for z > 0/);
    await s.page.getByTestId('flow-preset-deep-sigmoid').click();
    await expect.poll(legend).toMatch(/bound \(\|w\|\/4\)ⁿ/);
    expect(await reason()).toMatch(/σ′\(z\) = σ\(z\)\(1 − σ\(z\)\) ≤ ¼/);
    await expect.poll(() => curves.count()).toBe(2);
    await s.page.getByTestId('flow-activation').selectOption('tanh');
    await expect.poll(legend).toMatch(/bound \|w\|ⁿ/);
    expect(await reason()).toMatch(/tanh′\(z\) = 1 − tanh²\(z\) ≤ 1/);
    // GELU′ exceeds 1: no bound curve, and the panel says why.
    await s.page.getByTestId('flow-activation').selectOption('gelu');
    await expect.poll(legend).not.toMatch(/bound/);
    await expect.poll(() => curves.count()).toBe(1);
    expect(await reason()).toMatch(
      /GELU′ rises above 1 \(largest value 1\.1\d\d.*No bound is drawn/,
    );
    await s.page
      .getByTestId('chain-product')
      .screenshot({ path: `${SHOTS}/activations-chain-gelu.png` });
  });

  it('fits every shown histogram, down to the deepest layer, at 1920×1080 and 1280×800', async () => {
    await s.page.getByTestId('flow-preset-deep-sigmoid').click();
    await expect.poll(flowStep, { timeout: 20_000 }).toBeGreaterThan(5);
    for (const [width, height] of [
      [1920, 1080],
      [1280, 800],
    ]) {
      await s.page.setViewportSize({ width, height });
      const measure = () =>
        s.page.evaluate(() => {
          const box = (e: Element) => {
            const r = e.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
          };
          const hists = document.querySelector('[data-testid=flow-histograms]')!;
          const views = document.querySelector('.act-views')!;
          return {
            panel: box(hists.closest('.act-panel')!),
            figures: Array.from(hists.querySelectorAll('figure'), (f) => ({
              layer: Number((f as HTMLElement).dataset.layer),
              box: box(f),
              bars: box(f.querySelector('svg')!).height,
            })),
            viewsScroll: views.scrollHeight - views.clientHeight,
          };
        });
      // The flow view fits the window once the charts have followed the resize: nothing to scroll.
      await expect.poll(async () => (await measure()).viewsScroll).toBeLessThanOrEqual(1);
      const layout = await measure();
      // Six layers from the first to the deepest (20), each inside the panel and on screen.
      expect(layout.figures.map((f) => f.layer)).toEqual([1, 5, 9, 12, 16, 20]);
      for (const f of layout.figures) {
        expect(f.box.bottom).toBeLessThanOrEqual(layout.panel.bottom + 0.5);
        expect(f.box.right).toBeLessThanOrEqual(layout.panel.right + 0.5);
        expect(f.box.bottom).toBeLessThanOrEqual(height);
        expect(f.bars).toBeGreaterThan(30);
      }
      await s.page.screenshot({ path: `${SHOTS}/activations-flow-${width}x${height}.png` });
    }
  });

  /** Text of every chart of the open tab that overlaps other text or is cut off. */
  async function clashes(tab: 'gallery' | 'flow'): Promise<string[]> {
    if (tab === 'gallery')
      return (await svgTextClashes(s.page.getByTestId('gallery-chart'))).map(
        (c) => `gallery: ${c}`,
      );
    const canvas = s.page.locator('[data-testid=flow-heatmap] canvas');
    const labels = JSON.parse((await canvas.getAttribute('data-labels'))!);
    const [w, h] = await canvas.evaluate((c) => [c.clientWidth, c.clientHeight]);
    const out = canvasTextClashes(labels.boxes, w, h).map((c) => `heat map: ${c}`);
    for (const id of ['loss-chart', 'chain-product'])
      out.push(...(await svgTextClashes(s.page.getByTestId(id))).map((c) => `${id}: ${c}`));
    return out;
  }
  const heatFont = async () =>
    JSON.parse(
      (await s.page.locator('[data-testid=flow-heatmap] canvas').getAttribute('data-labels'))!,
    ).font as number;

  it('chart text grows for a lecture hall and never overlaps or is cut', async () => {
    // Desktop (1280×800, where the previous test left the window) first.
    expect(await heatFont()).toBe(12);
    expect(await clashes('flow')).toEqual([]);
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await presentingSet(s.page, true);
    await expect.poll(heatFont).toBeGreaterThanOrEqual(20);
    expect(await clashes('flow')).toEqual([]);
    for (const id of ['loss-chart', 'chain-product'])
      expect(
        await fontPx(s.page.getByTestId(id), '.recharts-cartesian-axis-tick-value'),
        id,
      ).toBeGreaterThanOrEqual(20);
    // The chain's formulas follow the presenting type too (they were held at 13 px).
    expect(
      await fontPx(s.page.getByTestId('chain-product'), '.act-chain-tex .katex'),
    ).toBeGreaterThanOrEqual(20);
    await s.page.screenshot({ path: `${SHOTS}/activations-presenting-flow.png` });
    await presentingTab(s.page, 'tab-gallery');
    expect(await clashes('gallery')).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/activations-presenting-gallery.png` });
    await presentingSet(s.page, false);
    await s.page.setViewportSize({ width: 1280, height: 800 });
    expect(await clashes('gallery')).toEqual([]);
    await s.page.getByTestId('tab-flow').click();
    await expect.poll(heatFont).toBe(12);
  });

  it('runs the other stories', async () => {
    for (const id of ['relu-he', 'sigmoid-bn', 'sigmoid-residual', 'large-init-clipped']) {
      await s.page.getByTestId(`flow-preset-${id}`).click();
      await expect.poll(flowStep, { timeout: 20_000 }).toBeGreaterThan(600);
      await s.page.screenshot({ path: `${SHOTS}/activations-flow-${id}.png` });
    }
    // Leaving the lab mid-run: the lab list's status bar shows no run (the lab's run is
    // cancelled, and since 3d23d33 the bar shows only runs started in the open view).
    expect(await s.page.getByTestId('flow-state').textContent()).toBe('running');
    await s.page.goto(`${s.url}#/`);
    await expect.poll(() => s.page.getByTestId('status-run').textContent()).toBe('idle');
    expect(s.pageErrors).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
