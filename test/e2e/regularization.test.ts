import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasStats, sessionOpen, SHOTS, type Session } from './browser';
import {
  canvasTextClashes,
  fontPx,
  presentingSet,
  presentingTab,
  svgTextClashes,
} from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1440, height: 1000 });
});
afterAll(async () => {
  await s?.close();
});

const plane = () => s.page.getByTestId('reg-plane');
const attr = async (name: string) => (await plane().getAttribute(name)) ?? '';
const optimum = async () => (await attr('data-optimum')).split(',').map(Number);
const lambdaText = async () => (await s.page.getByTestId('reg-lambda').textContent()) ?? '';

/** Fractions of the plane's pixels close to the region's orange and the contours' sky blue. */
async function planeColours() {
  return s.page.evaluate(() => {
    const c = document.querySelector('[data-testid=reg-plane]') as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const near = (i: number, r: number, g: number, b: number, tol: number) =>
      Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < tol;
    let orange = 0;
    let sky = 0;
    let vermillion = 0;
    const total = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      if (near(i, 230, 159, 0, 40)) orange++;
      if (near(i, 86, 180, 233, 40)) sky++;
      if (near(i, 213, 94, 0, 40)) vermillion++;
    }
    return { orange: orange / total, sky: sky / total, vermillion: vermillion / total };
  });
}

async function setRange(testId: string, value: number) {
  await s.page.getByTestId(testId).fill(String(value));
}

/** Opens one of the lab's two views (Geometry, Paths and prior) by its tab. */
async function showView(view: 'geometry' | 'paths') {
  await s.page.getByTestId(`tab-${view}`).click();
  await expect
    .poll(() => s.page.getByTestId(`tab-${view}`).getAttribute('aria-selected'))
    .toBe('true');
}

describe('Regularization lab in Chromium', () => {
  it('renders the plane with loss ellipses and the constraint region, and the other views', async () => {
    await s.page.goto(`${s.url}#/regularization`);
    await s.page.getByTestId('lab-regularization').waitFor();
    await expect
      .poll(async () => (await canvasStats(s.page, '[data-testid=reg-plane]')).width)
      .toBeGreaterThan(300);
    const colours = await planeColours();
    // Region outline and fill, ellipses, and the optimum's dot are all on the canvas.
    expect(colours.orange).toBeGreaterThan(0.001);
    expect(colours.sky).toBeGreaterThan(0.002);
    expect(colours.vermillion).toBeGreaterThan(0.00005);
    const stats = await canvasStats(s.page, '[data-testid=reg-plane]');
    expect(stats.distinct).toBeGreaterThan(20);

    // Default: the lasso at t = 35% of P(ŵ) sits on the w₁ axis with a positive multiplier.
    const lam = Number(await attr('data-lambda'));
    expect(lam).toBeGreaterThan(0);
    expect(await attr('data-zeros')).toBe('w2');

    // Paths computed in compute: all three methods arrive and the coefficient chart has lines.
    await showView('paths');
    await expect
      .poll(() => s.page.getByTestId('reg-path').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('ready');
    expect(await s.page.getByTestId('reg-path').getAttribute('data-methods')).toBe(
      'ridge,lasso,elastic-net',
    );
    expect(await s.page.locator('[data-testid=reg-path-coefs] .recharts-line-curve').count()).toBe(
      8,
    );

    // The 3D surface is drawn.
    await showView('geometry');
    await s.page.waitForTimeout(600);
    const three = await canvasStats(s.page, '[data-testid=surface-3d] canvas');
    expect(three.distinct).toBeGreaterThan(40);
    expect(await s.page.getByTestId('reg-equations').locator('.katex').count()).toBeGreaterThan(5);
    await s.page.screenshot({ path: `${SHOTS}/regularization.png` });
    await plane().screenshot({ path: `${SHOTS}/regularization-plane.png` });
  });

  it('labels every 2D chart: numeric ticks on both axes and axis titles', async () => {
    // Plane (canvas): whole-number ticks on w₁ and w₂.
    const plane = JSON.parse((await attr('data-axes')) || '{}') as {
      x: string[];
      y: string[];
      titles: string[];
    };
    expect(plane.x.length).toBeGreaterThanOrEqual(4);
    expect(plane.y.length).toBeGreaterThanOrEqual(4);
    for (const t of [...plane.x, ...plane.y]) expect(t).toMatch(/^−?\d+$/);
    expect(plane.titles).toEqual(['w₁', 'w₂']);
    // Path charts (recharts): λ ticks are powers of ten; y ticks numbers; two titles each.
    await showView('paths');
    const expected: Record<string, string[]> = {
      'reg-path-coefs': ['penalty weight λ (log scale)', 'coefficient wⱼ'],
      'reg-path-nonzero': ['λ (log scale)', 'count'],
      'reg-path-error': ['λ (log scale)', 'MSE (log)'],
    };
    for (const [id, titles] of Object.entries(expected)) {
      const root = s.page.getByTestId(id);
      const texts = (css: string) => root.locator(css).allTextContents();
      const x = await texts('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
      const y = await texts('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
      expect(x, id).toEqual(['10⁻³', '10⁻²', '10⁻¹', '10⁰', '10¹', '10²']);
      expect(y.length, id).toBeGreaterThanOrEqual(2);
      for (const t of y) expect(t, id).toMatch(/^(−|-)?\d+(\.\d+)?(e-?\d+)?$/);
      // The λ-now marker's label is a recharts label too: the axis titles come first.
      expect(
        (await texts('.recharts-label')).filter((t) => t !== 'λ now'),
        id,
      ).toEqual(titles);
    }
    // MAP view (SVG): ticks on both axes and the titles.
    const map = s.page.getByTestId('reg-map');
    const mapTicks = await map.locator('.reg-map-tick').allTextContents();
    expect(mapTicks.length).toBeGreaterThanOrEqual(8);
    for (const t of mapTicks) expect(t).toMatch(/^−?\d+$/);
    expect(await map.locator('.reg-map-title').allTextContents()).toEqual(['w₁', 'w₂']);
    await showView('geometry');
  });

  it('names the true weights w°, the least-squares fit ŵ and the constrained optimum w*(t)', async () => {
    const lab = s.page.getByTestId('lab-regularization');
    const legend = await lab.locator('.reg-legend').textContent();
    expect(legend).toContain('● w*(t) constrained optimum');
    expect(legend).toContain('× ŵ least-squares fit');
    expect(legend).toContain('◆ w° true weights (drag)');
    // The plane labels its three points with the same names.
    expect(JSON.parse(await attr('data-axes')).points).toEqual(['ŵ', 'w°', 'w*(t)']);
    expect(await lab.textContent()).toMatch(/True weights w° = \(1\.50, 0\.50\), which generate/);
    const optimum = s.page.getByTestId('reg-optimum');
    expect(await optimum.locator('.katex').first().textContent()).toMatch(/^w⋆\(t\)=/);
    expect(await optimum.textContent()).toMatch(/w\*\(t\) = \(/);
    const equations = await s.page.getByTestId('reg-equations').textContent();
    expect(equations).toMatch(/w⋆\(t\)=arg/);
    expect(equations).toMatch(/Optimality \(KKT\) at w = w\*\(t\)/);
    // w* never stands alone for either vector any more (λ* is the multiplier's own name).
    const noBareStar = async () => {
      const text = (await lab.innerText()).replace(/\s+/g, ' ');
      expect(text).not.toMatch(/w\*(?!\(t\))/);
      expect(text).not.toMatch(/w⋆(?!\(t\))/);
    };
    await noBareStar();
    await showView('paths');
    expect(await s.page.getByTestId('reg-path').textContent()).toMatch(
      /true weights w° = \(3, −2, 0, 0, 1\.5, 0, 0, 0\.5\)/,
    );
    expect(await s.page.getByTestId('reg-map').textContent()).toMatch(
      /fit ŵ \(white ×\), posterior mode w\*\(t\)/,
    );
    await noBareStar();
    await showView('geometry');
  });

  it('moving the t slider moves the optimum and updates λ', async () => {
    const before = await optimum();
    const lamBefore = Number(await attr('data-lambda'));
    const textBefore = await lambdaText();
    await setRange('reg-t-slider', 0.8);
    await expect.poll(async () => (await optimum())[0]).not.toBe(before[0]);
    const lamAfter = Number(await attr('data-lambda'));
    // A looser constraint needs a smaller multiplier.
    expect(lamAfter).toBeLessThan(lamBefore);
    expect(await lambdaText()).not.toBe(textBefore);
    // The linked λ slider moved with it: log₁₀ of the new λ.
    const slider = Number(await s.page.getByTestId('reg-lambda-slider').inputValue());
    expect(slider).toBeCloseTo(Math.log10(lamAfter), 1);
    await plane().screenshot({ path: `${SHOTS}/regularization-plane-t080.png` });

    // And the other way: setting λ moves t so that the multiplier of the new t is that λ.
    const tBefore = await s.page.getByTestId('reg-t-slider').inputValue();
    await setRange('reg-lambda-slider', -0.3);
    // λ → t → λ comes back to 10^−0.3 to within the root finder's tolerance.
    await expect.poll(async () => Number(await attr('data-lambda'))).toBeCloseTo(10 ** -0.3, 9);
    expect(await s.page.getByTestId('reg-t-slider').inputValue()).not.toBe(tBefore);
  });

  it('L2 at small t has no zeros; switching to L1 at the same small t gives an exact zero', async () => {
    await s.page.getByTestId('reg-penalty-l2').click();
    await setRange('reg-t-slider', 0.1);
    await expect.poll(() => attr('data-zeros')).toBe('');
    expect(await s.page.getByTestId('reg-zero-callout').textContent()).toMatch(/No exact zeros/);
    const l2 = await optimum();
    expect(l2[0]).not.toBe(0);
    expect(l2[1]).not.toBe(0);
    await plane().screenshot({ path: `${SHOTS}/regularization-plane-l2.png` });

    await s.page.getByTestId('reg-penalty-l1').click();
    await expect.poll(() => attr('data-zeros')).toBe('w2');
    expect((await optimum())[1]).toBe(0);
    expect(await s.page.getByTestId('reg-zero-callout').textContent()).toMatch(/w2 = 0 exactly/);
    expect(await s.page.getByTestId('reg-optimum').textContent()).toMatch(
      /w\*\(t\) = \([\d.]+, 0\)/,
    );
    await plane().screenshot({ path: `${SHOTS}/regularization-plane-l1-small.png` });
  });

  it('presets tell their stories', async () => {
    await s.page.getByTestId('reg-preset-lasso-picks-one').click();
    await expect.poll(() => attr('data-zeros')).toBe('w2');
    await s.page.getByTestId('reg-preset-l2-never-zeroes').click();
    await expect.poll(() => attr('data-zeros')).toBe('');
    await s.page.getByTestId('reg-preset-elastic-net-keeps-both').click();
    await expect.poll(() => attr('data-zeros')).toBe('');
    const en = await optimum();
    expect(en[0]).toBeGreaterThan(0);
    expect(en[1]).toBeGreaterThan(0);
    await s.page.screenshot({ path: `${SHOTS}/regularization-elastic-net.png` });
    await s.page
      .getByTestId('reg-equations')
      .screenshot({ path: `${SHOTS}/regularization-equations.png` });
    await showView('paths');
    await s.page.screenshot({ path: `${SHOTS}/regularization-elastic-net-paths.png` });
    await s.page.getByTestId('reg-path').screenshot({ path: `${SHOTS}/regularization-path.png` });
    await s.page.getByTestId('reg-map').screenshot({ path: `${SHOTS}/regularization-map.png` });
    await showView('geometry');
    // The same story with the lasso: at that t one of the two correlated features drops out.
    await s.page.getByTestId('reg-penalty-l1').click();
    await expect.poll(() => attr('data-zeros')).toBe('w2');
  });

  it('dragging the true weights moves the data and the optimum', async () => {
    await plane().scrollIntoViewIfNeeded();
    const [hx, hy] = (await attr('data-handle-px')).split(',').map(Number);
    const box = (await plane().boundingBox())!;
    const before = await optimum();
    await s.page.mouse.move(box.x + hx, box.y + hy);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + hx - 40, box.y + hy + 30, { steps: 5 });
    await s.page.mouse.up();
    await expect.poll(async () => (await optimum())[0]).not.toBe(before[0]);
    await plane().screenshot({ path: `${SHOTS}/regularization-plane-dragged.png` });
  });

  it('saves the chosen view in a scene and opens the scene on that view', async () => {
    await showView('paths');
    const download = s.page.waitForEvent('download');
    await s.page.getByTestId('scene-save').click();
    const file = await download;
    const saved = path.join(SHOTS, `regularization-${file.suggestedFilename()}`);
    await file.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8')).params.view).toBe('paths');
    await showView('geometry');
    expect(await s.page.getByTestId('reg-path').count()).toBe(0);
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByTestId('scene-open').click();
    await (await chooser).setFiles(saved);
    await expect
      .poll(() => s.page.getByTestId('tab-paths').getAttribute('aria-selected'))
      .toBe('true');
    await s.page.getByTestId('reg-path').waitFor();
    expect(await s.page.getByTestId('reg-plane').count()).toBe(0);
  });

  /** Text of every 2D chart of the open view that overlaps other text or is cut off. */
  async function clashes(view: 'geometry' | 'paths'): Promise<string[]> {
    if (view === 'geometry') {
      const axes = JSON.parse(await attr('data-axes'));
      const size = await plane().evaluate((c) => [c.clientWidth, c.clientHeight]);
      return canvasTextClashes(axes.boxes, size[0], size[1]).map((c) => `plane: ${c}`);
    }
    const out: string[] = [];
    for (const id of ['reg-path-coefs', 'reg-path-nonzero', 'reg-path-error', 'reg-map'])
      out.push(...(await svgTextClashes(s.page.getByTestId(id))).map((c) => `${id}: ${c}`));
    return out;
  }

  it('chart text grows for a lecture hall and never overlaps or is cut; the MAP picture fills its room', async () => {
    // On the desktop (1440×1000) first: the same charts at their desktop sizes.
    await showView('geometry');
    expect(JSON.parse(await attr('data-axes')).font).toBe(11);
    expect(await clashes('geometry')).toEqual([]);
    await showView('paths');
    await s.page.getByTestId('reg-map').locator('.reg-map-tick').first().waitFor();
    expect(await clashes('paths')).toEqual([]);

    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await presentingSet(s.page, true);
    const map = s.page.getByTestId('reg-map');
    // The picture is no longer held to 330 px: it takes the height the numbers leave.
    expect(Number(await map.locator('svg').getAttribute('data-plot-size'))).toBeGreaterThan(450);
    for (const [id, css] of [
      ['reg-path-coefs', '.recharts-cartesian-axis-tick-value'],
      ['reg-path-error', '.recharts-label'],
      ['reg-map', '.reg-map-tick'],
    ])
      expect(await fontPx(s.page.getByTestId(id), css), id).toBeGreaterThanOrEqual(20);
    expect(await clashes('paths')).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/regularization-presenting-paths.png` });
    await presentingTab(s.page, 'tab-geometry');
    await expect
      .poll(async () => JSON.parse(await attr('data-axes')).font)
      .toBeGreaterThanOrEqual(20);
    expect(await clashes('geometry')).toEqual([]);
    await s.page.screenshot({ path: `${SHOTS}/regularization-presenting-geometry.png` });
    await presentingSet(s.page, false);
    await s.page.setViewportSize({ width: 1440, height: 1000 });
    await expect.poll(async () => JSON.parse(await attr('data-axes')).font).toBe(11);
  });

  it('raised no page errors and made no foreign requests', () => {
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
