// The "How we know it's right" page (#/verify) in Chromium: reached from the home page and the
// palette, Run all measures every check in compute and each row shows a number and passes; the
// filter narrows the rows; a formula in the palette links to its check row, and a group links back
// to its lab.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_CHECKS } from '../../core/sim/verify';
import { sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1920, height: 1080 });
});
afterAll(async () => {
  await s?.close();
});

const rows = () => s.page.locator('[data-testid^="verify-row-"]');
const shots = process.env.SHOTS_DIR ?? SHOTS;

describe('verification page', () => {
  it('opens from the home page with every check listed and none run', async () => {
    await s.page.goto(s.url);
    await s.page.screenshot({ path: path.join(shots, 'verify-home-1920.png') });
    await s.page.getByRole('link', { name: 'How we know it’s right' }).click();
    await s.page.getByTestId('verify-page').waitFor();
    expect(s.page.url()).toMatch(/#\/verify$/);
    expect(await rows().count()).toBe(VERIFY_CHECKS.length);
    expect(await s.page.locator('[data-state="idle"]').count()).toBe(VERIFY_CHECKS.length);
    await expect
      .poll(() => s.page.getByTestId('verify-summary').textContent())
      .toContain('not run');
  });

  it('Run all measures every check in compute, each with a number, and all pass', async () => {
    await s.page.getByTestId('verify-run-all').click();
    const n = VERIFY_CHECKS.length;
    await expect
      .poll(() => s.page.getByTestId('verify-summary').textContent(), { timeout: 90_000 })
      .toMatch(new RegExp(`^${n} of ${n} checks pass \\(\\d+ ms of computing\\)\\.$`));
    expect(await s.page.locator('[data-state="pass"]').count()).toBe(n);
    const errors = await s.page.getByTestId('verify-error').allTextContents();
    expect(errors).toHaveLength(n);
    for (const t of errors)
      expect(t).toMatch(/^(0|\d(\.\d\d?)? × 10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)(relative|absolute), \d+ values/);
    const status = await s.page.getByTestId('status-run').textContent();
    expect(status ?? '').toMatch(/verify/i);
    await s.page.screenshot({ path: path.join(shots, 'verify-1920.png') });
    await s.page.setViewportSize({ width: 1280, height: 800 });
    await s.page.screenshot({ path: path.join(shots, 'verify-1280.png') });
  });

  it('the filter narrows the rows', async () => {
    await s.page.getByTestId('verify-filter').fill('soft-threshold');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().getAttribute('data-testid')).toBe(
      'verify-row-lasso-soft-threshold',
    );
    await s.page.getByTestId('verify-filter').fill('');
    await expect.poll(() => rows().count()).toBe(VERIFY_CHECKS.length);
  });

  it('a formula in the palette links to its check, and the check links back to its lab', async () => {
    await s.page.keyboard.press('Control+k');
    await s.page.getByTestId('palette-input').fill('softmax Jacobian');
    await s.page.getByTestId('palette-check').waitFor();
    await s.page.screenshot({ path: path.join(shots, 'verify-palette-1280.png') });
    await s.page.getByTestId('palette-check').click();
    await expect.poll(() => s.page.url()).toMatch(/#\/verify\?check=softmax-jacobian$/);
    const row = s.page.getByTestId('verify-row-softmax-jacobian');
    await expect.poll(() => row.getAttribute('class')).toBe('verify-focus');
    await s.page.screenshot({ path: path.join(shots, 'verify-focus-1280.png') });
    await s.page.getByTestId('verify-group-probability').getByRole('link').click();
    await expect.poll(() => s.page.url()).toMatch(/#\/probability$/);
  });

  it('while presenting, the page scrolls in its own box at projector size', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await s.page.goto(`${s.url}#/verify`);
    await s.page.getByTestId('verify-page').waitFor();
    await s.page.locator('body').press('p');
    await expect.poll(() => s.page.locator('.app.presenting').count()).toBe(1);
    const box = await s.page.getByTestId('verify-page').evaluate((el) => {
      el.scrollTop = 400;
      const small = Array.from(el.querySelectorAll('.verify-compares, .verify-sub, td, th'))
        .map((e) => parseFloat(getComputedStyle(e).fontSize))
        .filter((px) => px < 20);
      return { scrolled: el.scrollTop, overflows: el.scrollHeight > el.clientHeight, small };
    });
    expect(box.overflows).toBe(true);
    expect(box.scrolled).toBe(400);
    expect(box.small).toEqual([]);
    await s.page.screenshot({ path: path.join(shots, 'verify-presenting-1920.png') });
    await s.page.locator('body').press('p');
  });

  it('the palette finds the page by name', async () => {
    await s.page.keyboard.press('Control+k');
    await s.page.getByTestId('palette-input').fill('how we know');
    await s.page.getByTestId('palette-option-page--verify').waitFor();
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('verify-page').waitFor();
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
