// Chart text that collides: pieces of text in a chart that overlap each other or stick out of
// the chart, for SVG charts (every <text>) and for canvases that publish the boxes of the text
// they drew as JSON [text, left, top, width, height] in CSS px (a data attribute).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

type Box = [string, number, number, number, number];

/** Pairs of overlapping boxes and boxes outside [0, w]×[0, h] (1 px of slack). */
function clashes(boxes: Box[], w: number, h: number): string[] {
  const out: string[] = [];
  const slack = 1;
  for (const [t, x, y, bw, bh] of boxes)
    if (x < -slack || y < -slack || x + bw > w + slack || y + bh > h + slack)
      out.push(
        `“${t}” cut at [${[x, y, bw, bh].map(Math.round)}] in ${Math.round(w)}×${Math.round(h)}`,
      );
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, ax, ay, aw, ah] = boxes[i];
      const [b, bx, by, bw, bh] = boxes[j];
      const dx = Math.min(ax + aw, bx + bw) - Math.max(ax, bx);
      const dy = Math.min(ay + ah, by + bh) - Math.max(ay, by);
      if (dx > slack && dy > slack) out.push(`“${a}” overlaps “${b}”`);
    }
  return out;
}

/** Clashing text of the SVG chart(s) inside `root` (each <svg> checked on its own). */
export async function svgTextClashes(root: Locator): Promise<string[]> {
  const charts = await root.evaluate((el) =>
    Array.from(el.querySelectorAll('svg'))
      .filter((svg) => svg.querySelector('text'))
      .map((svg) => {
        const r = svg.getBoundingClientRect();
        const boxes = Array.from(svg.querySelectorAll('text'))
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => {
            const b = t.getBoundingClientRect();
            // An SVG text's box is its line box: about 0.2 em above the tallest glyphs (digits,
            // superscripts) and below the descenders of most; what is drawn lies inside.
            const lead = 0.2 * parseFloat(getComputedStyle(t).fontSize);
            return [t.textContent ?? '', b.x - r.x, b.y - r.y + lead, b.width, b.height - 2 * lead];
          });
        return { boxes, w: r.width, h: r.height };
      }),
  );
  return charts.flatMap((c) => clashes(c.boxes as Box[], c.w, c.h));
}

/** Clashing text of a canvas whose drawing code published its text boxes in JSON. */
export function canvasTextClashes(boxes: Box[], w: number, h: number): string[] {
  return clashes(boxes, w, h);
}

/** Enters (P) or leaves (Esc) presentation mode and waits for it. */
export async function presentingSet(page: Page, on: boolean) {
  const state = () => page.locator('.app').getAttribute('data-presenting');
  if ((await state()) === String(on)) return;
  await page.keyboard.press(on ? 'p' : 'Escape');
  await expect.poll(state).toBe(String(on));
  // Charts follow the resize on their next frames.
  await page.waitForTimeout(800);
}

/** Clicks a lab's tab while presenting: the tabs live in the controls drawer (C shows it). */
export async function presentingTab(page: Page, testId: string) {
  const controls = page.locator('aside[aria-label=Controls]');
  await page.keyboard.press('c');
  await expect.poll(() => controls.isVisible()).toBe(true);
  await page.getByTestId(testId).click();
  await page.keyboard.press('c');
  await expect.poll(() => controls.isVisible()).toBe(false);
  await page.waitForTimeout(800);
}

/** Computed font size in px of the first element matching `css` inside `root`. */
export function fontPx(root: Locator, css: string): Promise<number> {
  return root
    .locator(css)
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
}
