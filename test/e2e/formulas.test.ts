// A formula on a projector or in a recording cannot be scrolled: every typeset formula in every
// lab, in its default state, each of its views (tabs) and each of its stories, must lie wholly
// inside its box and inside every box that clips it, at 1280×800, 1920×1080 and presenting.
// The labs come from the registry (test/e2e/scene-routes.test.ts checks the lab list shows them).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_DEFS } from '../../core/labs/registry';
import { sessionOpen, SHOTS, type Session } from './browser';

let s: Session;

beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
});
afterAll(async () => {
  await s?.close();
});

/** Every visible formula whose pieces stick out of its own box or a clipping ancestor. */
async function clippedFormulas(page: Page) {
  return page.evaluate(() => {
    const out: { tex: string; content: string; box: string }[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-tex]'))) {
      const own = el.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue;
      const bases = Array.from(
        el.querySelectorAll('.katex-html > .katex-base, .katex-html > .base'),
      ).map((b) => b.getBoundingClientRect());
      if (bases.length === 0) continue;
      const left = Math.min(...bases.map((r) => r.left));
      const right = Math.max(...bases.map((r) => r.right));
      // A block formula may take its parent's content box (not merely its own box, which a
      // missing stylesheet would shrink-wrap around the content).
      const parent = el.parentElement!;
      const pr = parent.getBoundingClientRect();
      const ps = getComputedStyle(parent);
      const inline = el.classList.contains('tex-inline');
      let boxLeft = inline ? -Infinity : pr.left + parent.clientLeft + parseFloat(ps.paddingLeft);
      let boxRight = inline
        ? Infinity
        : pr.left + parent.clientLeft + parent.clientWidth - parseFloat(ps.paddingRight);
      for (let a = el.parentElement; a; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          boxLeft = Math.max(boxLeft, r.left + a.clientLeft);
          boxRight = Math.min(boxRight, r.left + a.clientLeft + a.clientWidth);
        }
      }
      // A formula set one clause per line must really break: each clause starts a new line.
      if (el.classList.contains('tex-wrap')) {
        const tops = Array.from(el.querySelectorAll(':scope > .katex')).map(
          (k) => k.getBoundingClientRect().top,
        );
        if (tops.some((t, i) => i > 0 && t <= tops[i - 1]))
          out.push({
            tex: (el.getAttribute('data-tex') ?? '').slice(0, 80),
            content: 'clauses on one line',
            box: '',
          });
      }
      if (left < boxLeft - 1 || right > boxRight + 1)
        out.push({
          tex: (el.getAttribute('data-tex') ?? '').slice(0, 80),
          content: `${left.toFixed(0)}–${right.toFixed(0)}`,
          box: `${boxLeft.toFixed(0)}–${boxRight.toFixed(0)}`,
        });
    }
    return out;
  });
}

/** Lets layout, typesetting and the fit settle, then asserts nothing is clipped. */
async function expectAllFit(where: string) {
  await s.page.waitForTimeout(400);
  await expect.poll(() => clippedFormulas(s.page), { message: where }).toEqual([]);
}

async function visitLab(id: string, where: string) {
  await s.page.goto(`${s.url}#/${id}`);
  await s.page.getByTestId(`lab-${id}`).waitFor();
  await expectAllFit(`${id} default, ${where}`);
  const tabs = await s.page.locator(`[data-testid=lab-${id}] [role=tab]`).count();
  for (let t = 0; t < Math.max(1, tabs); t++) {
    if (tabs > 0) await s.page.locator(`[data-testid=lab-${id}] [role=tab]`).nth(t).click();
    const presets = s.page.locator(`[data-testid=lab-${id}] button[data-testid*=preset-]`);
    const n = await presets.count();
    for (let k = 0; k < n; k++) {
      const name = await presets.nth(k).getAttribute('data-testid');
      await presets.nth(k).click();
      await s.page.waitForTimeout(600);
      await expectAllFit(`${id} tab ${t} ${name}, ${where}`);
      // Where the lab shows one item's equations at a time (a racer's update rule), each of them.
      const pick = s.page.locator(
        `[data-testid=lab-${id}] button[aria-label^="Show the equations"]`,
      );
      for (let j = 0; j < (await pick.count()); j++) {
        await pick.nth(j).click();
        await expectAllFit(`${id} tab ${t} ${name} item ${j}, ${where}`);
      }
    }
  }
}

// One test per lab and setting, generated from the registry (one budget each, however many labs).
describe.each(LAB_DEFS.map((d) => d.id))('%s: every formula fits its box', (id) => {
  it('at 1280×800', async () => {
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await visitLab(id, '1280×800');
  });

  it('at 1920×1080', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await visitLab(id, '1920×1080');
  });

  it('while presenting at 1920×1080', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.goto(`${s.url}#/${id}`);
    await s.page.getByTestId(`lab-${id}`).waitFor();
    await s.page.locator('body').click({ position: { x: 5, y: 1075 } });
    await s.page.keyboard.press('p');
    await expect.poll(() => s.page.locator('.app').getAttribute('data-presenting')).toBe('true');
    await expectAllFit(`${id} presenting`);
    await s.page.screenshot({ path: `${SHOTS}/formulas-presenting-${id}.png` });
    await s.page.keyboard.press('Escape');
    expect(s.pageErrors).toEqual([]);
  });
});
