import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasStats, sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen();
});
afterAll(async () => {
  await s?.close();
});

const stepCount = async () =>
  Number((await s.page.getByTestId('step-count').textContent())?.replace(/\D+/g, '') ?? 0);

describe('web build in Chromium', () => {
  it('shows the lab list', async () => {
    await s.page.goto(s.url);
    await expect.poll(() => s.page.getByTestId('lab-link-descent').isVisible()).toBe(true);
    expect(await s.page.getByRole('heading', { name: 'ML Math Lab' }).isVisible()).toBe(true);
    await s.page.screenshot({ path: `${SHOTS}/lab-list.png` });
  });

  it('opens the descent lab by deep link and streams a trajectory into a lit 3D view and a chart', async () => {
    await s.page.goto(`${s.url}#/descent`);
    await s.page.getByTestId('lab-descent').waitFor();
    expect(await s.page.getByTestId('status-host').textContent()).toMatch(/Web Worker/);
    await expect.poll(stepCount, { timeout: 20_000 }).toBeGreaterThan(5);
    const early = await stepCount();
    await expect.poll(stepCount, { timeout: 20_000 }).toBeGreaterThan(early + 20);
    await s.page.getByTestId('outcome').waitFor({ timeout: 30_000 });
    expect(await stepCount()).toBe(301);

    // The chart shows the loss curve.
    const points = Number(await s.page.getByTestId('loss-chart').getAttribute('data-points'));
    expect(points).toBeGreaterThan(50);
    const d = await s.page
      .locator('[data-testid=loss-chart] .recharts-line-curve')
      .first()
      .getAttribute('d');
    expect((d ?? '').split(/[LC]/).length).toBeGreaterThan(20);

    // The 3D canvas is drawn: many colours (the colormap and lighting), most pixels not background.
    await s.page.waitForTimeout(500);
    await s.page.screenshot({ path: `${SHOTS}/descent.png` });
    const stats = await canvasStats(s.page);
    expect(stats.width).toBeGreaterThan(200);
    expect(stats.distinct).toBeGreaterThan(50);
    expect(stats.nonBackground).toBeGreaterThan(0.1);

    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });

  it('says there is no such lab for a bad deep link', async () => {
    await s.page.goto(`${s.url}#/nonexistent`);
    await expect.poll(() => s.page.getByRole('alert').textContent()).toMatch(/no lab called/);
  });
});
