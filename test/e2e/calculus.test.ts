// The Calculus lab as a person sees it: typing f(x) moves the tangent and the error chart; a
// malformed f shows the engine's message and the picture stays; at h = 1e-16 the secant is flat
// and the view says why; the error chart's best steps are where float64 puts them; the Taylor
// centre follows a drag and the order slider; the chain rule refuses x in the outer function.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, type Session } from './browser';
import { svgTextClashes } from './chart-text';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.goto(`${s.url}#/calculus`);
  await s.page.getByTestId('lab-calculus').waitFor();
});
afterAll(async () => {
  await s?.close();
});

const attr = async (testId: string, name: string) =>
  Number(await s.page.getByTestId(testId).getAttribute(name));

async function openTab(tab: string) {
  await s.page.getByTestId(`tab-${tab}`).click();
  await expect
    .poll(() => s.page.getByTestId(`tab-${tab}`).getAttribute('aria-selected'))
    .toBe('true');
}

async function typeInto(testId: string, text: string) {
  const input = s.page.getByTestId(testId);
  await input.fill(text);
  await input.press('Enter');
}

describe('Calculus lab in Chromium', () => {
  it('typing f(x) = sin(x) moves the tangent and the error chart', async () => {
    await openTab('derivative');
    expect(await attr('calc-secant-plot', 'data-tangent-slope')).toBeCloseTo(Math.E, 12);
    const before = await s.page.getByTestId('calc-error-forward').getAttribute('d');
    await typeInto('calc-f-input', 'sin(x)');
    await expect
      .poll(() => attr('calc-secant-plot', 'data-tangent-slope'))
      .toBeCloseTo(Math.cos(1), 12);
    expect(await s.page.getByTestId('calc-error-forward').getAttribute('d')).not.toBe(before);
    // The best steps are found near √ε and ∛ε, not written in.
    const fwd = await attr('calc-error-chart', 'data-best-forward');
    const cen = await attr('calc-error-chart', 'data-best-central');
    expect(fwd).toBeGreaterThan(1e-9);
    expect(fwd).toBeLessThan(1e-7);
    expect(cen).toBeGreaterThan(1e-7);
    expect(cen).toBeLessThan(1e-4);
    await expect
      .poll(() => s.page.getByTestId('calc-derivative-numbers').textContent())
      .toContain('sin');
  });

  it('a malformed f shows the engine message and keeps the picture', async () => {
    const d = await s.page.getByTestId('calc-error-forward').getAttribute('d');
    await typeInto('calc-f-input', 'sin(x');
    const error = s.page.getByTestId('calc-f-input-error');
    await expect.poll(() => error.textContent()).toMatch(/column 4/);
    expect(await s.page.getByTestId('calc-f-input').getAttribute('aria-invalid')).toBe('true');
    expect(await attr('calc-secant-plot', 'data-tangent-slope')).toBeCloseTo(Math.cos(1), 12);
    expect(await s.page.getByTestId('calc-error-forward').getAttribute('d')).toBe(d);
    // y is not allowed in f(x), and the message says where it is.
    await typeInto('calc-f-input', 'x + y');
    await expect.poll(() => error.textContent()).toMatch(/x alone.*column 5/);
    await typeInto('calc-f-input', 'sin(x)');
    await expect.poll(() => error.count()).toBe(0);
  });

  it('at h = 1e-16 the secant is flat and the view says a + h rounds to a', async () => {
    await s.page.getByTestId('calc-h').fill('-16');
    await expect.poll(() => attr('calc-secant-plot', 'data-secant-slope')).toBe(0);
    await expect.poll(() => s.page.getByTestId('calc-step-lost').count()).toBe(1);
    await s.page.getByTestId('calc-h').fill('-3');
    await expect.poll(() => s.page.getByTestId('calc-step-lost').count()).toBe(0);
    const slope = await attr('calc-secant-plot', 'data-secant-slope');
    expect(Math.abs(slope - Math.cos(1))).toBeLessThan(1e-3);
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
  });

  it('Taylor: a story, dragging the centre and the order slider', async () => {
    await openTab('taylor');
    await s.page.getByTestId('calc-preset-taylor-log-radius').click();
    await expect
      .poll(() => s.page.getByTestId('tab-taylor').getAttribute('aria-selected'))
      .toBe('true');
    expect(await attr('calc-taylor-plot', 'data-a')).toBe(0);
    await expect
      .poll(() => s.page.getByTestId('calc-radius-note').textContent())
      .toMatch(/a ± 1\.1/);
    const box = (await s.page.getByTestId('calc-taylor-plot').boundingBox())!;
    await s.page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
    await s.page.mouse.up();
    await expect.poll(() => attr('calc-taylor-plot', 'data-a')).toBeGreaterThan(0.2);
    await s.page.getByTestId('calc-order').fill('2');
    await expect.poll(() => attr('calc-taylor-plot', 'data-order')).toBe(2);
    await typeInto('calc-taylor-input', 'cos(x) + sinn(x)');
    await expect
      .poll(() => s.page.getByTestId('calc-taylor-input-error').textContent())
      .toMatch(/Did you mean 'sin'/);
    expect(await attr('calc-taylor-plot', 'data-order')).toBe(2);
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
  });

  it('chain rule: the product equals the engine, and x in the outer function is refused', async () => {
    await openTab('chain');
    await expect.poll(() => s.page.getByTestId('calc-chain-engine').textContent()).toContain('0');
    await typeInto('calc-outer-input', 'exp(x)');
    await expect
      .poll(() => s.page.getByTestId('calc-outer-input-error').textContent())
      .toMatch(/in u/);
    await typeInto('calc-outer-input', 'exp(u)');
    await typeInto('calc-inner-input', 'sin(x)');
    await expect.poll(() => s.page.getByTestId('calc-chain').textContent()).toContain('exp');
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });

  it('critical points: a typed f(x, y) gets its minimum and saddle; a bad one keeps the map', async () => {
    await openTab('critical');
    await typeInto('calc-critical-input', 'x^3 - 3*x + y^2');
    await expect
      .poll(() => s.page.getByTestId('calc-critical-plot').getAttribute('data-kinds'))
      .toBe('minimum,saddle');
    await typeInto('calc-critical-input', 'x^3 - 3*x + z^2');
    await expect
      .poll(() => s.page.getByTestId('calc-critical-input-error').textContent())
      .toMatch(/Unknown name 'z' at column 13/);
    expect(await s.page.getByTestId('calc-critical-plot').getAttribute('data-kinds')).toBe(
      'minimum,saddle',
    );
    await s.page.getByTestId('calc-preset-himmelblau-census').click();
    await expect
      .poll(() => s.page.getByTestId('calc-critical-plot').getAttribute('data-kinds'))
      .toBe('minimum,minimum,minimum,minimum,saddle,saddle,saddle,saddle,maximum');
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  it('Lagrange: λ on the circle, f* moving at −λ as b changes, and a bad g keeps the picture', async () => {
    await openTab('lagrange');
    await s.page.getByTestId('calc-preset-lagrange-circle').click();
    await expect.poll(() => attr('calc-lagrange-plot', 'data-lambda')).toBeCloseTo(Math.SQRT1_2, 9);
    expect(await attr('calc-lagrange-plot', 'data-fstar')).toBeCloseTo(-Math.SQRT2, 9);
    await s.page.getByTestId('calc-lagrange-b').fill('2');
    await expect.poll(() => attr('calc-lagrange-plot', 'data-fstar')).toBeCloseTo(-2, 9);
    expect(await attr('calc-lagrange-plot', 'data-lambda')).toBeCloseTo(0.5, 9);
    await typeInto('calc-lagrange-g', 'x^2 + y^2 +');
    await expect
      .poll(() => s.page.getByTestId('calc-lagrange-g-error').textContent())
      .toMatch(/ends too early/);
    expect(await attr('calc-lagrange-plot', 'data-fstar')).toBeCloseTo(-2, 9);
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  it('KKT: moving b switches the constraint from active (λ > 0) to inactive (λ = 0)', async () => {
    await openTab('kkt');
    await s.page.getByTestId('calc-preset-kkt-halfplane').click();
    await expect.poll(() => attr('calc-kkt-plot', 'data-lambda')).toBeCloseTo(1, 9);
    expect(await s.page.getByTestId('calc-kkt-plot').getAttribute('data-active')).toBe('true');
    expect(await attr('calc-kkt-plot', 'data-fstar')).toBeCloseTo(0.5, 9);
    await expect.poll(() => s.page.getByTestId('calc-kkt-status').textContent()).toMatch(/^Active/);
    await s.page.getByTestId('calc-kkt-b').fill('-2');
    await expect.poll(() => attr('calc-kkt-plot', 'data-lambda')).toBeCloseTo(2, 9);
    expect(await attr('calc-kkt-plot', 'data-fstar')).toBeCloseTo(2, 9);
    await s.page.getByTestId('calc-kkt-b').fill('0.5');
    await expect
      .poll(() => s.page.getByTestId('calc-kkt-plot').getAttribute('data-active'))
      .toBe('false');
    expect(await attr('calc-kkt-plot', 'data-lambda')).toBe(0);
    expect(await attr('calc-kkt-plot', 'data-fstar')).toBeCloseTo(0, 9);
    await expect
      .poll(() => s.page.getByTestId('calc-kkt-status').textContent())
      .toMatch(/^Inactive/);
    expect(await s.page.getByTestId('calc-kkt-conditions').locator('td').count()).toBe(4);
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });

  it('SVM: margin 2 on the symmetric set; dragging a support vector out widens the band', async () => {
    await openTab('svm');
    await s.page.getByTestId('calc-preset-svm-symmetric').click();
    await expect.poll(() => attr('calc-svm-plot', 'data-margin')).toBeCloseTo(2, 9);
    expect(await s.page.getByTestId('calc-svm-plot').getAttribute('data-support')).toBe('0 3');
    const centre = async (i: number) => {
      const box = await s.page
        .getByTestId(`calc-svm-point-${i}`)
        .locator('circle, rect')
        .last()
        .boundingBox();
      if (!box) throw new Error(`point ${i} not drawn`);
      return [box.x + box.width / 2, box.y + box.height / 2];
    };
    const [ax, ay] = await centre(0);
    const [x3, y3] = await centre(3);
    await s.page.mouse.move(ax, ay);
    await s.page.mouse.down();
    // The first move ends the story and its text goes; it sits in the controls column, so the
    // plot stays where it was under the pointer.
    await s.page.mouse.move(ax + 2, ay, { steps: 2 });
    await expect.poll(() => s.page.getByTestId('calc-story').count()).toBe(0);
    expect(await centre(3)).toEqual([x3, y3]);
    const [x4] = await centre(4);
    const unit = x3 - x4;
    await s.page.mouse.move(x3 + 2.5 * unit, y3, { steps: 4 });
    await s.page.mouse.up();
    // The nearest points are now (1.5, 0) and (−1, 0): the band is their distance wide.
    await expect.poll(() => attr('calc-svm-plot', 'data-margin')).toBeCloseTo(2.5, 1);
    expect(await attr('calc-svm-point-0', 'data-y')).toBeCloseTo(0, 1);
    expect(await attr('calc-svm-point-0', 'data-x')).toBeCloseTo(1.5, 1);
    expect(await s.page.getByTestId('calc-svm-plot').getAttribute('data-support')).toBe('0 3');
    await expect
      .poll(() => s.page.getByTestId('calc-svm-table').locator('tbody tr').count())
      .toBe(6);
    expect(await svgTextClashes(s.page.getByTestId('lab-calculus'))).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
