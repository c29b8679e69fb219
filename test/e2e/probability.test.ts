// The Probability lab as a person sees it: dragging a logit bar changes the probabilities drawn
// beside it; the temperature slider takes them to argmax and to uniform; the log-sum-exp table
// shows ∞, 0 and NaN for the naive formula and finite values for the stable one at ±1000; the
// reliability diagrams draw and temperature scaling changes their ECE; the exported CSV holds
// the numbers on screen; and no chart's text collides, on the desktop and while presenting.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';
import { presentingSet, svgTextClashes } from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.goto(`${s.url}#/probability`);
  await s.page.getByTestId('lab-probability').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const lab = () => s.page.getByTestId('lab-probability');
/** The numbers written on the probability bars (what a person reads). */
const probLabels = async () =>
  s.page.locator('[data-testid=prob-prob-bars] text.prob-value').allTextContents();
const probs = async () =>
  ((await s.page.getByTestId('prob-prob-bars').getAttribute('data-probabilities')) ?? '')
    .split(',')
    .map(Number);
const cell = (id: string) => s.page.getByTestId(id);

async function openTab(tab: string) {
  await s.page.getByTestId(`tab-${tab}`).click();
  await expect
    .poll(() => s.page.getByTestId(`tab-${tab}`).getAttribute('aria-selected'))
    .toBe('true');
}

describe('Probability lab in Chromium', () => {
  it('shows softmax(2, 0.5, −1) = 0.786, 0.175, 0.0391 and drawing a logit up moves them', async () => {
    expect(await probLabels()).toEqual(['0.786', '0.175', '0.0391']);
    const bar = s.page.getByTestId('prob-logit-bars-logit-2');
    const box = (await bar.boundingBox())!;
    // Drag z₃ from the middle of its column (z = 0) up to near the top (z ≈ +8).
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.1, { steps: 6 });
    await s.page.mouse.up();
    await expect.poll(async () => (await probs())[2]).toBeGreaterThan(0.9);
    const after = await probs();
    const z3 = Number(await bar.getAttribute('aria-valuenow'));
    expect(z3).toBeGreaterThan(6);
    // What is drawn is softmax of what the bars say.
    const z = [2, 0.5, z3];
    const e = z.map((v) => Math.exp(v - z3));
    const sum = e.reduce((a, b) => a + b, 0);
    e.forEach((v, i) => expect(after[i]).toBeCloseTo(v / sum, 5));
    expect(await probLabels()).not.toEqual(['0.786', '0.175', '0.0391']);
    // The simplex point followed.
    expect(
      (await s.page.getByTestId('prob-simplex').getAttribute('data-point'))!
        .split(',')
        .map(Number)[2],
    ).toBeGreaterThan(0.9);
    // Arrow keys move a focused bar by 0.05.
    await bar.focus();
    await s.page.keyboard.press('ArrowDown');
    await expect
      .poll(() => bar.getAttribute('aria-valuenow'))
      .toBe(String(+(z3 - 0.05).toFixed(6)));
    await s.page.getByTestId('prob-reset-logits').click();
    await expect.poll(probLabels).toEqual(['0.786', '0.175', '0.0391']);
  });

  it('temperature: T → 0.05 gives almost argmax, T → 20 almost uniform', async () => {
    const slider = s.page.getByTestId('prob-temperature');
    await slider.fill(String(Math.log10(0.05)));
    await expect.poll(async () => (await probs())[0]).toBeGreaterThan(0.9999);
    expect(await probLabels()).toEqual(['1', '9.36e−14', '8.76e−27']);
    await slider.fill(String(Math.log10(20)));
    await expect
      .poll(async () => Math.max(...(await probs()).map((p) => Math.abs(p - 1 / 3))))
      .toBeLessThan(0.03);
    const formula = await s.page.getByTestId('prob-softmax-formula').textContent();
    expect(formula).toContain('0.359');
    await s.page.screenshot({ path: `${SHOTS}/probability-hot.png` });
    await slider.fill('0');
  });

  it('the Jacobian heat map writes k² values whose rows sum to 0, and the CE gradient s − y', async () => {
    await openTab('jacobian');
    const map = s.page.getByTestId('prob-heatmap');
    await expect
      .poll(async () => (await map.locator('text').allTextContents()).includes('0.168'))
      .toBe(true);
    const sums = (await map.getAttribute('data-rowsums'))!.split(',').map(Number);
    expect(sums).toHaveLength(3);
    for (const v of sums) expect(Math.abs(v)).toBeLessThan(1e-15);
    const grad = () =>
      s.page
        .getByTestId('prob-gradient-bars')
        .getAttribute('data-gradient')
        .then((g) => g!.split(',').map(Number));
    expect((await grad())[0]).toBeCloseTo(0.7856 - 1, 3);
    await s.page.getByTestId('prob-target').selectOption('1');
    await expect.poll(async () => (await grad())[0]).toBeCloseTo(0.7856, 3);
    expect(await s.page.getByTestId('prob-fd-check').textContent()).toMatch(/e−1[0-2]/);
    await s.page.getByTestId('prob-target').selectOption('0');
  });

  it('log-sum-exp at ±1000: naive gives ∞, 0 and NaN in every precision, stable stays finite', async () => {
    await openTab('lse');
    for (const p of ['float64', 'float32', 'float16'])
      expect(await cell(`lse-${p}-naive-lse`).getAttribute('data-kind')).toBe('ok');
    await s.page.getByTestId('prob-shift-1000').click();
    for (const p of ['float64', 'float32', 'float16']) {
      await expect.poll(() => cell(`lse-${p}-naive-lse`).textContent()).toBe('∞');
      expect(await cell(`lse-${p}-naive-sum`).getAttribute('data-kind')).toBe('inf');
      expect(await cell(`lse-${p}-naive-pmax`).textContent()).toBe('NaN');
      expect(await cell(`lse-${p}-stable-lse`).getAttribute('data-kind')).toBe('ok');
      expect(Number(await cell(`lse-${p}-stable-lse`).textContent())).toBeGreaterThan(1000);
      expect(await cell(`lse-${p}-stable-pmax`).getAttribute('data-kind')).toBe('ok');
    }
    expect(await cell('lse-exact-lse').textContent()).toBe('1002.241');
    // float16's spacing near 1000 is 0.5: its stable LSE is the nearest float16, 1002.
    expect(await cell('lse-float16-stable-lse').textContent()).toBe('1002');
    await s.page.screenshot({ path: `${SHOTS}/probability-lse-plus1000.png` });
    await s.page.getByTestId('prob-shift--1000').click();
    for (const p of ['float64', 'float32', 'float16']) {
      await expect.poll(() => cell(`lse-${p}-naive-lse`).textContent()).toBe('−∞');
      expect(await cell(`lse-${p}-naive-sum`).getAttribute('data-kind')).toBe('zero');
      expect(await cell(`lse-${p}-naive-pmin`).textContent()).toBe('NaN');
      expect(
        Number((await cell(`lse-${p}-stable-lse`).textContent())!.replace('−', '-')),
      ).toBeLessThan(-990);
    }
    // The overflow story: at +100 float64's naive sum survives, float32's and float16's do not.
    await s.page.getByTestId('prob-preset-overflow').click();
    await expect.poll(() => cell('lse-float32-naive-lse').textContent()).toBe('∞');
    expect(await cell('lse-float64-naive-lse').getAttribute('data-kind')).toBe('ok');
    expect(await cell('lse-float16-naive-sum').getAttribute('data-kind')).toBe('inf');
    expect(await s.page.getByTestId('prob-story').textContent()).toContain('raised by 100');
    await s.page.getByTestId('prob-shift-0').click();
  });

  it('entropy: dragging p changes H(p) and KL; an outcome p rules out makes KL(q‖p) infinite', async () => {
    await openTab('entropy');
    const totals = async () =>
      ((await s.page.getByTestId('prob-stacked').getAttribute('data-totals')) ?? '').split(',');
    expect((await totals())[1]).toBe('Infinity'); // H(q, p): q uses outcome 4, p does not
    const formula = async () =>
      (await s.page.getByTestId('prob-entropy-formula').textContent()) ?? '';
    expect(await formula()).toContain('1.485'); // H(p) of (0.5, 0.3, 0.2, 0) in bits
    expect(await formula()).toContain('0.5145'); // KL(p‖q) against uniform q: 2 − H(p)
    // Click p₁ down to 0.25: the others keep their proportions (0.45, 0.3, 0) and sum to 1.
    const bar = s.page.getByTestId('prob-pq-bars-p-0');
    const box = (await bar.boundingBox())!;
    await s.page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.75);
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
      .toBeCloseTo(0.25, 2);
    const p = [0.25, 0.45, 0.3];
    const h = -p.reduce((a, v) => a + v * Math.log2(v), 0);
    await expect.poll(formula).toContain(String(+h.toPrecision(4)));
    expect(await formula()).toContain(String(+(2 - h).toPrecision(4)));
  });

  it('calibration: the over-confident story draws bars below the diagonal, and scaling cuts the ECE', async () => {
    await openTab('calibration');
    await s.page.getByTestId('prob-preset-over-confident').click();
    const ece = async (id: string) =>
      Number(await s.page.getByTestId(`prob-reliability-${id}`).getAttribute('data-ece'));
    await expect.poll(() => ece('raw')).toBeGreaterThan(0.1);
    await expect.poll(() => ece('scaled')).toBeLessThan((await ece('raw')) / 4);
    const bars = await s.page.locator('[data-testid=prob-reliability-raw] rect').count();
    expect(bars).toBeGreaterThan(15);
    expect(await s.page.getByTestId('prob-ece-raw').textContent()).toBe(
      String(+(await ece('raw')).toPrecision(2)),
    );
    const note = (await s.page.getByTestId('prob-correlation-note').textContent()) ?? '';
    expect(note).toMatch(/keeps r at exactly/);
    // T by hand = 1 undoes the scaling: the right diagram's ECE is the left one's.
    await s.page.getByTestId('prob-cal-temperature').fill('0.5');
    await s.page.getByTestId('prob-cal-temperature').fill('0');
    await expect.poll(() => ece('scaled')).toBeCloseTo(await ece('raw'), 9);
    await s.page.getByTestId('prob-scaling-fitted').click();
    await expect.poll(() => ece('scaled')).toBeLessThan((await ece('raw')) / 4);
    await s.page.screenshot({ path: `${SHOTS}/probability-calibration.png` });
  });

  it('exports the numbers on screen as CSV and JSON', async () => {
    await openTab('softmax');
    await s.page.getByTestId('prob-reset-logits').click();
    const menu = s.page.getByTestId('export-menu').locator('summary');
    await menu.click();
    const files: string[] = [];
    s.page.on('download', async (d) => files.push((await d.path()) ?? ''));
    const names: string[] = [];
    s.page.on('download', (d) => names.push(d.suggestedFilename()));
    await s.page.getByTestId('export-data').click();
    await expect.poll(() => files.length).toBe(2);
    await menu.click();
    expect(names).toEqual(['probability-softmax.csv', 'probability-softmax.json']);
    const csv = await readFile(files[0], 'utf8');
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('class,logit,logit_over_T,probability,log_probability,target,ce_gradient');
    expect(Number(rows[1].split(',')[3])).toBeCloseTo(0.785597, 6);
    const json = JSON.parse(await readFile(files[1], 'utf8'));
    expect(json.entropy).toBeCloseTo(0.6216, 4);
  });

  it('every view fits a 1920×1080 screen while presenting: nothing scrolls, no text under 20 px', async () => {
    await s.page.setViewportSize({ width: 1920, height: 1080 });
    await presentingSet(s.page, true);
    for (const tab of ['softmax', 'jacobian', 'lse', 'entropy', 'calibration']) {
      await s.page.evaluate((t) => {
        (document.querySelector(`[data-testid=tab-${t}]`) as HTMLButtonElement).click();
      }, tab);
      await expect.poll(() => lab().locator('[role=tabpanel]').getAttribute('data-tab')).toBe(tab);
      await s.page.waitForTimeout(600);
      const l = await s.page.evaluate(() => {
        const root = document.querySelector('[role=tabpanel]')!;
        const scrolling: string[] = [];
        let smallest = Infinity;
        let what = '';
        for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
          const cs = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (el.scrollHeight > el.clientHeight + 2 && ['auto', 'scroll'].includes(cs.overflowY))
            scrolling.push(el.className);
          if (el.closest('.katex') && !el.classList.contains('katex')) continue;
          const own = Array.from(el.childNodes).some(
            (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
          );
          if (!own && !el.classList.contains('katex')) continue;
          const px = parseFloat(cs.fontSize);
          if (px < smallest) {
            smallest = px;
            what = (el.textContent ?? '').trim().slice(0, 30);
          }
        }
        const pageScrolls = document.documentElement.scrollHeight > innerHeight + 1;
        return { scrolling, smallest, what, pageScrolls };
      });
      await s.page.screenshot({ path: `${SHOTS}/probability-presenting-${tab}.png` });
      expect(l.pageScrolls, tab).toBe(false);
      expect(l.scrolling, tab).toEqual([]);
      expect(l.smallest, `${tab}: “${l.what}”`).toBeGreaterThanOrEqual(20);
    }
    await presentingSet(s.page, false);
    await s.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('no chart text collides, on the desktop and while presenting, at 3 and at 10 classes', async () => {
    const click = (testId: string) =>
      s.page.evaluate((t) => {
        (document.querySelector(`[data-testid="${t}"]`) as HTMLButtonElement).click();
      }, testId);
    const views = async (where: string) => {
      for (const tab of ['softmax', 'jacobian', 'lse', 'entropy', 'calibration']) {
        await click(`tab-${tab}`);
        await expect
          .poll(() => lab().locator('[role=tabpanel]').getAttribute('data-tab'))
          .toBe(tab);
        await s.page.waitForTimeout(500);
        expect(await svgTextClashes(lab()), `${tab} ${where}`).toEqual([]);
      }
    };
    for (const presenting of [false, true]) {
      await presentingSet(s.page, presenting);
      await views(presenting ? 'presenting' : 'desktop');
    }
    // Ten classes and ten outcomes: the values on the bars no longer fit in one row.
    await click('tab-softmax');
    for (let n = 0; n < 7; n++) await click('prob-classes-more');
    await click('tab-entropy');
    for (let n = 0; n < 6; n++) await click('prob-outcomes-more');
    await expect.poll(() => s.page.getByTestId('prob-pq-bars-p-9').count()).toBe(1);
    for (const presenting of [true, false]) {
      await presentingSet(s.page, presenting);
      await views(`10 classes${presenting ? ', presenting' : ''}`);
    }
    await presentingSet(s.page, false);
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
