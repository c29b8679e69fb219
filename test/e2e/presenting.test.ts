// Presentation mode as a lecture hall needs it, for every lab at 1920×1080 and 1280×720: the
// controls are hidden (C or the handle brings them back), nothing scrolls, nothing on a 1080p
// screen is set smaller than 20 px, information toasts stay away and the deck counter is legible.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_DEFS } from '../../core/labs/registry';
import { labIdsListed, sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
let labIds: string[] = [];

beforeAll(async () => {
  s = await sessionOpen({ width: 1920, height: 1080 });
  labIds = await labIdsListed(s);
});
afterAll(async () => {
  await s?.close();
});

/** Boxes in the lab that scroll (content taller or wider than the box), and the smallest text. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('.app-main')!;
    const scrolling: string[] = [];
    let smallest = Infinity;
    let smallestText = '';
    for (const el of Array.from(main.querySelectorAll<HTMLElement>('*'))) {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden') continue;
      if (
        (['auto', 'scroll'].includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 2) ||
        (['auto', 'scroll'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 2)
      )
        scrolling.push(
          `${el.className}: ${el.scrollHeight}×${el.scrollWidth} in ${el.clientHeight}×${el.clientWidth}`,
        );
      // Text a person reads: an element with its own text (KaTeX's inner pieces are sized by
      // KaTeX relative to the formula, whose own size is what is checked).
      if (el.closest('.katex') && !el.classList.contains('katex')) continue;
      const own = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
      );
      if (!own && !el.classList.contains('katex')) continue;
      // Inside an SVG drawn at a scale (viewBox), what the eye gets is the scaled size.
      const svg = el.closest('svg');
      const box = svg?.viewBox?.baseVal;
      const svgScale =
        svg && box && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
      const px = parseFloat(cs.fontSize) * svgScale;
      if (px < smallest) {
        smallest = px;
        smallestText = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
      }
    }
    return {
      pageScrolls: document.documentElement.scrollHeight > innerHeight + 1,
      scrolling,
      smallest,
      smallestText,
    };
  });
}

async function present(id: string, height: number) {
  await s.page.goto(`${s.url}#/${id}`);
  await s.page.getByTestId(`lab-${id}`).waitFor();
  await s.page.waitForTimeout(1500);
  await s.page.locator('body').click({ position: { x: 5, y: height - 5 } });
  if ((await s.page.locator('.app').getAttribute('data-presenting')) !== 'true')
    await s.page.keyboard.press('p');
  await expect.poll(() => s.page.locator('.app').getAttribute('data-presenting')).toBe('true');
  await s.page.waitForTimeout(1200);
}

const controls = (id: string) =>
  s.page.locator(`[data-testid=lab-${id}] aside[aria-label=Controls]`);

describe('presentation mode', () => {
  // One test per lab and screen, generated from the registry (one budget each, however many labs).
  for (const { id } of LAB_DEFS) {
    for (const vp of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      it(`${id} fits one ${vp.width}×${vp.height} screen, controls hidden, type large`, async () => {
        await s.page.setViewportSize(vp);
        await present(id, vp.height);
        expect(await controls(id).isVisible(), id).toBe(false);
        const l = await layout(s.page);
        await s.page.screenshot({ path: `${SHOTS}/presenting-${id}-${vp.height}.png` });
        expect(l.pageScrolls, id).toBe(false);
        expect(l.scrolling, id).toEqual([]);
        if (vp.height === 1080)
          expect(l.smallest, `${id}: ${l.smallestText}`).toBeGreaterThanOrEqual(20);
        await s.page.keyboard.press('Escape');
      });
    }
  }

  it('C and the handle bring the controls back over the views; Esc hides them', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    const id = labIds[0];
    await present(id, 1080);
    await s.page.keyboard.press('c');
    await expect.poll(() => controls(id).isVisible()).toBe(true);
    await s.page.screenshot({ path: `${SHOTS}/presenting-controls-${id}.png` });
    await s.page.keyboard.press('Escape');
    await expect.poll(() => controls(id).isVisible()).toBe(false);
    expect(await s.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    await s.page.getByTestId('present-controls').click();
    await expect.poll(() => controls(id).isVisible()).toBe(true);
    await s.page.getByTestId('present-controls').click();
    await expect.poll(() => controls(id).isVisible()).toBe(false);
    await s.page.keyboard.press('Escape');
  });

  it('no information toast while presenting, and a legible deck counter', async () => {
    const id = labIds[0];
    await s.page.goto(`${s.url}#/${id}`);
    await s.page.getByTestId(`lab-${id}`).waitFor();
    await s.page.getByTestId('deck-add').click();
    await s.page.getByTestId('deck-add').click();
    await present(id, 1080);
    await s.page.keyboard.press('r'); // "Scene reset" is information
    await s.page.waitForTimeout(300);
    expect(await s.page.getByTestId('app-message').count()).toBe(0);
    const counter = s.page.getByTestId('deck-counter');
    expect(await counter.textContent()).toMatch(/2 \/ 2/);
    const px = await counter.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(px).toBeGreaterThanOrEqual(20);
    await s.page.keyboard.press('Escape');
    expect(s.pageErrors).toEqual([]);
  });
});
