// The Inside-a-network lab in Chromium: the backprop view stepped with the keyboard (values appear
// forward, gradients backward, the numbers on screen are the model's), an edited weight changing
// the numbers, the planted bug failing the gradient check, a link naming the view, and the layer
// view's readouts. Screenshots at 1920×1080 and 1280×800 go to /tmp/shots-inside.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bnModel } from '../../core/labs/inside/model-bn';
import { bpModel } from '../../core/labs/inside/model-backprop';
import { INSIDE_DEFAULTS } from '../../core/labs/inside/params';
import { numLabel } from '../../core/math/num-format';
import { canvasStats, sessionOpen, type Session } from './browser';

const SHOTS = process.env.INSIDE_SHOTS ?? '/tmp/shots-inside';
let s: Session;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  s = await sessionOpen({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await s?.close();
});

const stepNo = async () =>
  Number(await s.page.getByTestId('bp-step-title').getAttribute('data-step'));
const text = (id: string) => s.page.getByTestId(id).textContent();

describe('Inside a network', () => {
  it('→ walks forward one node at a time and ← back; the node shows the model’s value', async () => {
    await s.page.goto(`${s.url}#/inside`);
    await s.page.getByTestId('lab-inside').waitFor();
    const m = bpModel(INSIDE_DEFAULTS.backprop);
    expect(await stepNo()).toBe(0);
    expect(await s.page.getByTestId('bp-node-z1').textContent()).toContain('?');
    await s.page.screenshot({ path: `${SHOTS}/backprop-start-1920.png` });
    await s.page.locator('body').press('ArrowRight');
    await expect.poll(stepNo).toBe(1);
    expect(await s.page.getByTestId('bp-node-z1').textContent()).toContain(
      numLabel(m.eval.value.get('z1')!),
    );
    for (let k = 0; k < 3; k++) await s.page.keyboard.press('ArrowRight');
    await expect.poll(stepNo).toBe(4);
    await s.page.keyboard.press('ArrowLeft');
    await expect.poll(stepNo).toBe(3);
    expect(await s.page.getByTestId('bp-node-h2').textContent()).toContain('?');
    expect(await s.page.getByTestId('bp-node-h1').textContent()).toContain(
      numLabel(m.eval.value.get('h1')!),
    );
  });

  it('the backward pass shows each gradient, the same as the model’s, and the update moves the loss', async () => {
    const m = bpModel(INSIDE_DEFAULTS.backprop);
    const n = m.eval.order.length;
    while ((await stepNo()) < n + 1) await s.page.keyboard.press('ArrowRight');
    // First backward step: the loss node sends 1 × ∂L/∂p to p.
    await expect.poll(() => text('bp-grad-p')).toContain(numLabel(m.eval.grad.get('p')!));
    expect(await s.page.getByTestId('bp-grad-z1').count()).toBe(0);
    await s.page.screenshot({ path: `${SHOTS}/backprop-backward-1920.png` });
    while ((await stepNo()) < 2 * n) await s.page.keyboard.press('ArrowRight');
    for (const id of ['w11', 'w22', 'b1', 'v1', 'c'])
      expect(await text(`bp-grad-${id}`), id).toContain(numLabel(m.eval.grad.get(id)!));
    await s.page.keyboard.press('ArrowRight');
    await expect.poll(stepNo).toBe(2 * n + 1);
    await s.page.screenshot({ path: `${SHOTS}/backprop-update-1920.png` });
    await s.page.keyboard.press('End');
    await expect.poll(stepNo).toBe(2 * n + 2);
    await expect.poll(() => s.page.getByTestId('bp-formulas').getAttribute('class')).toBeTruthy();
    const formulas = await s.page
      .locator('[data-testid=bp-formulas] [data-tex]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-tex')));
    expect(formulas.join(' ')).toContain(numLabel(m.nextLoss).replace('−', '-'));
    // Keeping the new weights starts again at step 0 with the lower loss.
    await s.page.getByTestId('bp-apply').click();
    await expect.poll(stepNo).toBe(0);
    await expect.poll(() => text('bp-loss')).toContain(numLabel(m.nextLoss));
    expect(m.nextLoss).toBeLessThan(m.loss);
  });

  it('editing a weight changes the numbers; the planted bug fails the gradient check', async () => {
    // The first story is the defaults.
    await s.page.getByTestId('inside-preset-chain-rule').click();
    await s.page.getByTestId('bp-in-w11').fill('2');
    const p = { ...INSIDE_DEFAULTS.backprop, net: { ...INSIDE_DEFAULTS.backprop.net } };
    p.net.w1 = [[2, p.net.w1[0][1]], p.net.w1[1]];
    const m = bpModel(p);
    await expect.poll(() => text('bp-loss')).toContain(numLabel(m.loss));
    expect(await text('bp-verdict')).toMatch(/^All 9 gradients agree/);
    await s.page.getByTestId('bp-bug').click();
    await expect.poll(() => text('bp-verdict')).toMatch(/gradients disagree/);
    expect(await s.page.locator('[data-testid=bp-check] tr.inside-bad').count()).toBeGreaterThan(0);
    await s.page.screenshot({ path: `${SHOTS}/backprop-bug-1920.png` });
    await s.page.getByTestId('bp-bug').click();
    await expect.poll(() => text('bp-verdict')).toMatch(/^All 9/);
  });

  it('the logistic regression graph at 1280×800, and a link that names the layer view', async () => {
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.getByTestId('inside-preset-worked-classifier').click();
    await expect.poll(() => s.page.getByTestId('bp-node-z4').count()).toBe(1);
    for (let k = 0; k < 20; k++) await s.page.keyboard.press('ArrowRight');
    await s.page.screenshot({ path: `${SHOTS}/backprop-logistic-1280.png` });
    await s.page.goto(`${s.url}#/inside?view=layer`);
    await s.page.getByTestId('layer-plane').waitFor();
    expect(await s.page.getByTestId('tab-layer').getAttribute('aria-selected')).toBe('true');
    await s.page.screenshot({ path: `${SHOTS}/layer-1280.png` });
    expect(s.pageErrors).toEqual([]);
  });

  it('the layer view: det, rank and the stage follow the controls', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.getByTestId('inside-preset-singular').click();
    await expect.poll(() => text('layer-readouts')).toMatch(/flattened onto one line/);
    expect(await text('layer-stage')).toMatch(/^t = 1:/);
    await s.page.screenshot({ path: `${SHOTS}/layer-singular-1920.png` });
    await s.page.getByTestId('inside-preset-layer-bend').click();
    await expect.poll(() => text('layer-readouts')).toMatch(/area \|det W\| = 0\.9\b/);
    await s.page.getByTestId('layer-t').fill('1.5');
    await expect.poll(() => text('layer-stage')).toMatch(/bending/);
    await s.page.screenshot({ path: `${SHOTS}/layer-bend-1920.png` });
    expect(s.pageErrors).toEqual([]);
  });

  it('the batch-norm view: the table holds the model’s numbers; a batch of one gives β', async () => {
    await s.page.goto(`${s.url}#/inside?view=batchnorm`);
    await s.page.getByTestId('bn-table').waitFor();
    const m = bnModel(INSIDE_DEFAULTS.bn, INSIDE_DEFAULTS.seed);
    const table = await text('bn-table');
    for (const v of [...m.xhat, ...m.yTrain, ...m.yEval]) expect(table).toContain(numLabel(v));
    await s.page.screenshot({ path: `${SHOTS}/batchnorm-1920.png` });
    await s.page.getByTestId('inside-preset-bn-tiny').click();
    await expect.poll(() => text('bn-note')).toMatch(/^One sample/);
    await s.page.getByTestId('inside-preset-bn-shifted').click();
    await expect.poll(() => text('bn-note')).toMatch(/Unbiased/);
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.screenshot({ path: `${SHOTS}/batchnorm-shifted-1280.png` });
    expect(s.pageErrors).toEqual([]);
  });

  it('the landscape view: progress finishes, the surface and the heat map draw, L(θ*) is shown', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.goto(`${s.url}#/inside?view=landscape`);
    const status = s.page.getByTestId('landscape-status');
    await status.waitFor();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
    expect(await status.textContent()).toMatch(
      /41 × 41 grid, 105 parameters, 250 points: L\(θ\*\) = /,
    );
    await s.page.waitForTimeout(500);
    const map = await canvasStats(s.page, '[data-testid=landscape-map]');
    expect(map.width).toBeGreaterThan(100);
    expect(map.distinct).toBeGreaterThan(20);
    const surface = await canvasStats(s.page, '[data-testid=surface-3d] canvas');
    expect(surface.nonBackground).toBeGreaterThan(0.05);
    expect(await s.page.getByTestId('landscape-line').locator('path.recharts-curve').count()).toBe(
      1,
    );
    await s.page.screenshot({ path: `${SHOTS}/landscape-1920.png` });
    // A change recomputes: the progress runs again and finishes with the new grid.
    await s.page.getByTestId('landscape-res').fill('21');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^21 × 21 grid/);
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.waitForTimeout(500);
    await s.page.screenshot({ path: `${SHOTS}/landscape-1280.png` });
    expect(s.pageErrors).toEqual([]);
  });

  it('every view, presented at 1920×1080, fits the screen with no text under 20 px', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    for (const view of ['backprop', 'layer', 'batchnorm', 'landscape']) {
      await s.page.goto(`${s.url}#/inside?view=${view}`);
      await s.page.getByTestId('lab-inside').waitFor();
      if ((await s.page.locator('.app').getAttribute('data-presenting')) !== 'true') {
        await s.page.locator('body').click({ position: { x: 5, y: 1075 } });
        await s.page.keyboard.press('p');
      }
      await expect.poll(() => s.page.locator('.app').getAttribute('data-presenting')).toBe('true');
      if (view === 'backprop')
        for (let k = 0; k < 9; k++) await s.page.keyboard.press('ArrowRight');
      await s.page.waitForTimeout(800);
      const l = await s.page.evaluate(() => {
        let smallest = Infinity;
        let where = '';
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('.app-main *'))) {
          if (el.closest('.katex') && !el.classList.contains('katex')) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          const own = Array.from(el.childNodes).some(
            (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
          );
          if (!own && !el.classList.contains('katex')) continue;
          // SVG text drawn through a viewBox is as large as it appears on screen.
          const svg = el.closest('svg');
          const vb = svg?.viewBox.baseVal;
          const zoom = svg && vb && vb.width > 0 ? svg.getBoundingClientRect().width / vb.width : 1;
          const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
          if (px < smallest) {
            smallest = px;
            where = (el.textContent ?? '').trim().slice(0, 30);
          }
        }
        return {
          smallest,
          where,
          scrolls: document.documentElement.scrollHeight > innerHeight + 1,
        };
      });
      await s.page.screenshot({ path: `${SHOTS}/presenting-${view}-1920.png` });
      expect(l.scrolls, view).toBe(false);
      expect(l.smallest, `${view}: ${l.where}`).toBeGreaterThanOrEqual(20);
    }
    await s.page.keyboard.press('Escape');
    expect(s.pageErrors).toEqual([]);
  });
});
