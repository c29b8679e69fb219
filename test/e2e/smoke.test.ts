import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_DEFS } from '../../core/labs/registry';
import { canvasStats, sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen();
});
afterAll(async () => {
  await s?.close();
});

describe('web build in Chromium: shell', () => {
  it('shows the lab list', async () => {
    await s.page.goto(s.url);
    await expect.poll(() => s.page.getByTestId('lab-link-descent').isVisible()).toBe(true);
    expect(await s.page.getByRole('heading', { name: 'ML Math Lab' }).isVisible()).toBe(true);
    // Every registered lab has a card with a picture drawn from its lab's math: an SVG with
    // shapes in it (paths, dots, lines), none of them placed at NaN or Infinity.
    const cards = s.page.locator('[data-testid^=lab-link-]');
    expect(await cards.count()).toBe(LAB_DEFS.length);
    for (let k = 0; k < LAB_DEFS.length; k++) {
      const shapes = cards.nth(k).locator('.lab-thumb svg :is(path, circle, line, polyline, rect)');
      await expect.poll(() => shapes.count()).toBeGreaterThanOrEqual(2);
      const geometry = await shapes.evaluateAll((els) =>
        els
          .flatMap((e) =>
            ['d', 'cx', 'cy', 'x1', 'y1', 'x2', 'y2', 'points', 'x', 'y'].map(
              (a) => e.getAttribute(a) ?? '',
            ),
          )
          .join(' '),
      );
      expect(geometry.replace(/\s/g, '').length).toBeGreaterThan(400);
      expect(geometry).not.toMatch(/NaN|Infinity/);
    }
    await s.page.screenshot({ path: `${SHOTS}/lab-list.png` });
  });

  it('every lab fills the window: the status bar sits at the bottom edge', async () => {
    for (const { id } of LAB_DEFS) {
      await s.page.goto(`${s.url}#/${id}`);
      await s.page.getByTestId(`lab-${id}`).waitFor();
      const bar = (await s.page.getByTestId('status-bar').boundingBox())!;
      expect(Math.round(bar.y + bar.height), id).toBe(800);
      expect(bar.height, id).toBeLessThan(60);
    }
  });

  it("the status bar speaks of the open lab's runs, not the previous lab's", async () => {
    await s.page.goto(`${s.url}#/descent`);
    await expect
      .poll(() => s.page.getByTestId('status-run').textContent(), { timeout: 20_000 })
      .toMatch(/descent-race/);
    await s.page.getByRole('navigation', { name: 'Labs' }).getByText('Activations').click();
    await s.page.getByTestId('lab-activations').waitFor();
    await s.page.waitForTimeout(500);
    expect(await s.page.getByTestId('status-run').textContent()).toBe('idle');
  });

  it('says there is no such lab for a bad deep link', async () => {
    await s.page.goto(`${s.url}#/nonexistent`);
    await expect
      .poll(() => s.page.getByRole('alert').first().textContent())
      .toMatch(/no lab called/);
  });

  it('streams a run from the Web Worker into a lit 3D view, a contour map and a chart', async () => {
    await s.page.goto(`${s.url}#/descent`);
    await s.page.getByTestId('lab-descent').waitFor();
    expect(await s.page.getByTestId('status-host').textContent()).toMatch(/Web Worker/);
    const position = async () =>
      Number((await s.page.getByTestId('position').textContent())?.match(/step (\d+)/)?.[1] ?? -1);
    // The trajectory grows over time as playback advances through the streamed run.
    await expect.poll(position, { timeout: 20_000 }).toBeGreaterThan(3);
    const early = await position();
    await expect.poll(position, { timeout: 20_000 }).toBeGreaterThan(early + 20);
    const d = await s.page
      .locator('[data-testid=loss-chart] .recharts-line-curve')
      .first()
      .getAttribute('d');
    expect((d ?? '').split(/[LC]/).length).toBeGreaterThan(50);
    expect(
      Number(await s.page.getByTestId('loss-chart').getAttribute('data-points')),
    ).toBeGreaterThan(100);
    await s.page.screenshot({ path: `${SHOTS}/descent.png` });
    const three = await canvasStats(s.page, '[data-testid=lab-descent] .descent-3d canvas');
    expect(three.width).toBeGreaterThan(200);
    expect(three.distinct).toBeGreaterThan(50);
    expect(three.nonBackground).toBeGreaterThan(0.1);
    // Software WebGL (SwiftShader) gets a coarse mesh so the view stays fluid without a GPU.
    const mesh = Number(await s.page.getByTestId('lab-descent').getAttribute('data-mesh'));
    expect(mesh).toBeGreaterThanOrEqual(32);
    expect(mesh).toBeLessThanOrEqual(64);
    const flat = await canvasStats(s.page, '[data-testid=contour-view]');
    expect(flat.distinct).toBeGreaterThan(50);
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
