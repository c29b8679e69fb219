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

const position = async () =>
  Number((await s.page.getByTestId('position').textContent())?.match(/step (\d+)/)?.[1] ?? -1);
const legend = () => s.page.getByTestId('legend').textContent();

describe('Descent lab', () => {
  it('a too-large learning rate is reported as diverged at a step, not drawn as garbage', async () => {
    await s.page.getByTestId('preset-too-large').click();
    await expect
      .poll(() => s.page.getByTestId('diverged-1').textContent(), { timeout: 20_000 })
      .toMatch(/Diverged at step \d+/);
    // Jump to the end: the legend names the step.
    await s.page.keyboard.press('End');
    await expect.poll(legend).toMatch(/diverged at step \d+/);
    await s.page.screenshot({ path: `${SHOTS}/descent-diverged.png` });
  });

  it('a story caption is marked as soon as the parameters move away from the story', async () => {
    const story = s.page.getByTestId('story');
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(() => story.getAttribute('data-state')).toBe('current');
    expect(await story.textContent()).toMatch(/condition number 50/);
    await s.page.getByTestId('surface-select').selectOption('rosenbrock');
    await expect.poll(() => story.getAttribute('data-state')).toBe('changed');
    const text = (await story.textContent()) ?? '';
    expect(text).not.toMatch(/condition number 50/);
    expect(text).toMatch(/parameters changed/);
    await s.page.getByTestId('story-restore').click();
    await expect.poll(() => story.getAttribute('data-state')).toBe('current');
    await expect.poll(() => s.page.getByTestId('surface-select').inputValue()).toBe('ellipse');
  });

  it('the stable step 2/λmax is offered only where the Hessian is positive definite', async () => {
    const curvature = s.page.getByTestId('curvature');
    await s.page.getByTestId('preset-saddle').click();
    await expect.poll(position, { timeout: 20_000 }).toBeGreaterThan(0);
    await s.page.keyboard.press('End'); // gradient descent has settled on the saddle point
    await expect.poll(() => curvature.getAttribute('data-shape')).toBe('saddle');
    const text = (await curvature.textContent()) ?? '';
    expect(text).toMatch(/indefinite/);
    expect(text).not.toMatch(/stable here for/);
    await s.page.getByTestId('preset-too-large').click();
    await expect.poll(() => curvature.getAttribute('data-shape'), { timeout: 20_000 }).toBe('bowl');
    expect(await curvature.textContent()).toMatch(/stable here for/);
  });

  it('"Add optimizer" adds an optimizer that is not racing yet, each time a different one', async () => {
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Nesterov/);
    const kinds = () =>
      s.page
        .locator('[data-testid^="racer-"] select')
        .evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(await kinds()).toEqual(['gd', 'momentum', 'nesterov']);
    await s.page.getByTestId('add-racer').click();
    await s.page.getByTestId('add-racer').click();
    await expect.poll(kinds).toEqual(['gd', 'momentum', 'nesterov', 'sgd', 'adagrad']);
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/AdaGrad.*f = /);
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(kinds).toEqual(['gd', 'momentum', 'nesterov']);
  });

  it('at 1920×1080 the sidebar fits: Mesh and Reset camera are on screen without scrolling', async () => {
    const inView = async (testId: string) => {
      const b = (await s.page.getByTestId(testId).boundingBox())!;
      const side = (await s.page.locator('.descent-controls').boundingBox())!;
      return b.y >= side.y && b.y + b.height <= side.y + side.height && b.y + b.height <= 1080;
    };
    const scrolls = () =>
      s.page
        .locator('.descent-controls')
        .evaluate((el) => ({ top: el.scrollTop, over: el.scrollHeight - el.clientHeight }));
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    try {
      // Rosenbrock has the longest optimizer list (four racers, Adam's five sliders open).
      for (const story of ['rosenbrock', 'saddle', 'minibatch']) {
        await s.page.getByTestId(`preset-${story}`).click();
        await expect.poll(scrolls).toEqual({ top: 0, over: 0 });
        expect(await inView('mesh')).toBe(true);
        expect(await inView('reset-camera')).toBe(true);
      }
      // On a smaller screen the controls scroll, and the View section stays at the bottom edge.
      await s.page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(async () => (await scrolls()).over).toBeGreaterThan(0);
      expect(await inView('reset-camera')).toBe(true);
      await s.page.locator('.descent-controls').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      expect(await inView('reset-camera')).toBe(true);
      expect(await inView('add-racer')).toBe(true);
    } finally {
      await s.page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('every plot reads on its own: ticks and names on the contour map, a colour scale with real f values', async () => {
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Nesterov.*f = /);
    const map = s.page.getByTestId('contour-view');
    expect(await map.getAttribute('data-x-ticks')).toBe('−3 −2 −1 0 1 2 3');
    expect(await map.getAttribute('data-y-ticks')).toBe('−3 −2 −1 0 1 2 3');
    // The numbers are drawn: light text pixels left of and below the map square.
    const text = await map.evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const count = (x: number, y: number, w: number, h: number) => {
        const d = ctx.getImageData(x, y, w, h).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] > 450) n++;
        return n;
      };
      const dpr = c.width / c.clientWidth;
      const [ox, oy, size] = (c.dataset.box ?? '0 0 0').split(' ').map((v) => Number(v) * dpr);
      return {
        left: count(Math.max(0, ox - 40 * dpr), oy, 36 * dpr, size),
        below: count(ox, oy + size + 3 * dpr, size, 30 * dpr),
      };
    });
    expect(text.left).toBeGreaterThan(30);
    expect(text.below).toBeGreaterThan(30);
    // The colour scale sits in the 3D view (so whole-view export draws it) with f values, log scale.
    const bar = s.page.locator('.descent-3d [data-testid="color-bar"]');
    await expect.poll(() => bar.count()).toBe(1);
    expect(await bar.getAttribute('aria-label')).toMatch(/^Colour scale: f from .* log scale$/);
    const ticks = await bar.getByTestId('color-bar-tick').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toEqual(expect.arrayContaining(['1', '10', '100']));
    const box = (await bar.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(64);
    expect(box.height).toBeGreaterThanOrEqual(48);
    // The linear height scale relabels it with f itself.
    await s.page.getByTestId('height-scale').selectOption('linear');
    await expect.poll(() => bar.getAttribute('aria-label')).not.toMatch(/log/);
    await s.page.getByTestId('height-scale').selectOption('log');
    // The loss chart names its axes.
    const chartText = (await s.page.getByTestId('loss-chart').textContent()) ?? '';
    expect(chartText).toContain('step');
    expect(chartText).toContain('f − f*');
  });

  it('pause, step forward and step back move one step at a time', async () => {
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Nesterov/);
    await expect.poll(position, { timeout: 20_000 }).toBeGreaterThan(5);
    await s.page.getByTestId('play-pause').click();
    const paused = await position();
    await s.page.waitForTimeout(400);
    expect(await position()).toBe(paused);
    await s.page.getByTestId('step-forward').click();
    await expect.poll(position).toBe(paused + 1);
    await s.page.getByTestId('step-back').click();
    await s.page.getByTestId('step-back').click();
    await expect.poll(position).toBe(paused - 1);
    // The equation panel shows the numbers of the step on screen.
    await expect
      .poll(() => s.page.getByTestId('equation').textContent())
      .toContain(`step ${paused - 1}`);
  });

  it("the loss chart's playhead follows playback: at the first step on 0, at the last on its end", async () => {
    await s.page.getByTestId('preset-valley').click();
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/Nesterov.*f = /);
    const chart = s.page.getByTestId('loss-chart');
    /** Screen x of the playhead, and of the x-axis tick labelled `label`. */
    const playheadX = async () => (await chart.getByTestId('loss-playhead').boundingBox())!.x;
    const tickX = async (label: string) => {
      const tick = chart
        .locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
        .filter({ hasText: new RegExp(`^${label}$`) });
      const b = (await tick.boundingBox())!;
      return b.x + b.width / 2;
    };
    await s.page.keyboard.press('End');
    await expect.poll(position).toBe(300);
    await expect
      .poll(async () => Math.abs((await playheadX()) - (await tickX('300'))))
      .toBeLessThan(2);
    await s.page.keyboard.press('Home');
    await expect.poll(position).toBe(0);
    await expect
      .poll(async () => Math.abs((await playheadX()) - (await tickX('0'))))
      .toBeLessThan(2);
  });

  it("the status bar names the 3D mesh and what software WebGL gives up; the Mesh menu shows auto's choice", async () => {
    const view = s.page.getByTestId('status-view');
    const mesh = s.page.getByTestId('mesh');
    // This browser draws WebGL with SwiftShader: auto starts at 64² and may step down when slow.
    await expect
      .poll(() => view.textContent(), { timeout: 20_000 })
      .toMatch(
        /^3D mesh (64|32)×\1 \(auto(, lowered: frames took \d+ ms)?\) · software WebGL: no antialiasing$/,
      );
    const n = Number((await view.textContent())!.match(/mesh (\d+)/)![1]);
    expect(await s.page.getByTestId('lab-descent').getAttribute('data-mesh')).toBe(String(n));
    const autoLabel = () => mesh.locator('option[value="0"]').textContent();
    await expect.poll(autoLabel).toMatch(/^auto \((64|32)²\)$/);
    await mesh.selectOption('96');
    await expect
      .poll(() => view.textContent(), { timeout: 20_000 })
      .toBe('3D mesh 96×96 · software WebGL: no antialiasing');
    await expect.poll(() => s.page.getByTestId('lab-descent').getAttribute('data-mesh')).toBe('96');
    await mesh.selectOption('0');
    await expect.poll(() => view.textContent(), { timeout: 20_000 }).toMatch(/^3D mesh (64|32)×/);
  });

  it('a malformed custom function gets a pointed message and the previous surface stays', async () => {
    await s.page.getByText('Type your own f(x, y)').click();
    const before = await s.page.getByTestId('surface-select').inputValue();
    await s.page.getByTestId('custom-expr').fill('x^^2 + y');
    await s.page.getByTestId('custom-apply').click();
    await expect.poll(() => s.page.getByTestId('custom-error').textContent()).toMatch(/\^/);
    expect(await s.page.getByTestId('surface-select').inputValue()).toBe(before);
    await s.page.getByTestId('custom-expr').fill('x^2 + foo(y)');
    await s.page.getByTestId('custom-apply').click();
    await expect.poll(() => s.page.getByTestId('custom-error').textContent()).toMatch(/foo/);
    await s.page.screenshot({ path: `${SHOTS}/descent-custom-error.png` });
    await s.page.getByTestId('custom-expr').fill('sin(x)*cos(y) + 0.1*(x^2 + y^2)');
    await s.page.getByTestId('custom-apply').click();
    await expect.poll(() => s.page.getByTestId('surface-select').inputValue()).toBe('__custom__');
    await expect.poll(legend, { timeout: 20_000 }).toMatch(/f = -?\d/);
  });

  it('clicking the contour map moves the start point and reruns', async () => {
    const start = () => s.page.getByTestId('start-point').textContent();
    const before = await start();
    const box = (await s.page.getByTestId('contour-view').boundingBox())!;
    await s.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.35);
    await expect.poll(start).not.toBe(before);
    await expect.poll(position, { timeout: 20_000 }).toBeGreaterThan(3);
    await s.page.screenshot({ path: `${SHOTS}/descent-custom.png` });
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
