// The home page as a map of the subject, the command palette and the guided tours, in Chromium.
// Every home card opens its lab; the palette is used with the keyboard alone; every step of every
// tour of every registered lab applies (the link the toolbar copies holds exactly the step's
// state), the lab draws, and a prediction is marked against the answer core computes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labSceneParams, labSceneSchema, type LabDef } from '../../core/labs/define';
import { labTargetParams } from '../../core/labs/guide';
import { LAB_DEFS } from '../../core/labs/registry';
import { sceneUrlDecode } from '../../core/scene/scene-url';
import { sessionOpen, SHOTS, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await sessionOpen({ width: 1280, height: 800 });
  await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await s?.close();
});

const defs = LAB_DEFS as unknown as readonly LabDef[];
const schemas = Object.fromEntries(defs.map((d) => [d.id, labSceneSchema(d)]));

/** The lab's root is there, nothing crashed, and something is drawn in it. */
async function draws(page: Page, id: string) {
  return page.evaluate((labId) => {
    const root = document.querySelector(`[data-testid="lab-${labId}"]`);
    if (!root || document.querySelector('.lab-error')) return false;
    const lit = Array.from(root.querySelectorAll('canvas')).some((c) => {
      if (c.width < 20 || c.height < 20) return false;
      const off = document.createElement('canvas');
      off.width = c.width;
      off.height = c.height;
      const ctx = off.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length && seen.size < 8; i += 64)
        seen.add(d[i] * 65536 + d[i + 1] * 256 + d[i + 2]);
      return seen.size >= 8;
    });
    const paths = Array.from(root.querySelectorAll('svg path')).some(
      (p) => (p.getAttribute('d') ?? '').length > 40,
    );
    // A chart drawn with rectangles and lines only (the log-sum-exp view's ranges of exp).
    const shapes = Array.from(root.querySelectorAll('svg')).some(
      (svg) =>
        Array.from(svg.querySelectorAll('rect, line')).filter((el) => {
          const b = el.getBoundingClientRect();
          return b.width + b.height > 4;
        }).length >= 8,
    );
    return lit || paths || shapes;
  }, id);
}

/** The scene the toolbar's Link button copies now. */
async function linkedScene() {
  await s.page.evaluate(() => navigator.clipboard.writeText(''));
  await s.page.getByTestId('scene-link').click();
  const copied = () => s.page.evaluate(() => navigator.clipboard.readText());
  await expect.poll(copied).toMatch(/\?scene=/);
  const r = sceneUrlDecode((await copied()).split('?scene=')[1], schemas);
  if (!r.ok) throw new Error(r.message);
  return r.scene;
}

describe('home: a map of the subject', () => {
  it('has one card per registered lab, and each card opens its lab', async () => {
    await s.page.goto(s.url);
    const cards = s.page.locator('[data-testid^=lab-link-]');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(LAB_DEFS.length);
    expect(await s.page.getByRole('heading', { name: 'Optimization' }).isVisible()).toBe(true);
    for (const { id } of LAB_DEFS) {
      await s.page.goto(s.url);
      await s.page.getByTestId(`lab-link-${id}`).click();
      await s.page.getByTestId(`lab-${id}`).waitFor();
      expect(s.page.url()).toMatch(new RegExp(`#/${id}$`));
    }
    expect(s.pageErrors).toEqual([]);
  });

  it('lists a scene opened from a file under Recently opened, also after a reload, and reopens it', async () => {
    await s.page.goto(`${s.url}#/regularization`);
    await s.page.getByTestId('lab-regularization').waitFor();
    const scene = await linkedScene();
    const file = path.join(SHOTS, 'home-recent.mlscene');
    writeFileSync(file, JSON.stringify({ ...scene, title: 'Home test scene' }));
    const chooser = s.page.waitForEvent('filechooser');
    await s.page.getByTestId('scene-open').click();
    await (await chooser).setFiles(file);
    await s.page.goto(s.url);
    await s.page.reload();
    const recent = s.page.getByTestId('recent-list');
    await expect.poll(() => recent.textContent()).toMatch(/home-recent\.mlscene.*Regularization/);
    await s.page.goto(`${s.url}#/descent`);
    await s.page.getByTestId('lab-descent').waitFor();
    await s.page.goto(s.url);
    await recent.getByRole('button', { name: /home-recent\.mlscene/ }).click();
    await s.page.getByTestId('lab-regularization').waitFor();
  });

  it('ignores a damaged recent list in storage', async () => {
    await s.page.evaluate(() =>
      localStorage.setItem('ml-math-lab.recent.v1', '[{"kind":"scene","name":1},"x"'),
    );
    await s.page.goto(s.url);
    await s.page.reload();
    await s.page.getByTestId('lab-link-descent').waitFor();
    expect(await s.page.getByTestId('recent-list').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('command palette', () => {
  const input = () => s.page.getByTestId('palette-input');
  const selected = () =>
    s.page.locator('[role=option][aria-selected=true]').getAttribute('data-testid');

  it('opens with Ctrl+K as a labelled modal dialog, keeps focus, and Esc gives it back', async () => {
    await s.page.goto(`${s.url}#/descent`);
    await s.page.getByTestId('lab-descent').waitFor();
    await s.page.getByTestId('scene-save').focus();
    await s.page.keyboard.press('Control+k');
    const dialog = s.page.getByRole('dialog', { name: /search labs/i });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Shift+Tab');
    expect(await input().evaluate((el) => el === document.activeElement)).toBe(true);
    await input().fill('huber');
    expect(await selected()).toBe('palette-option-formula-losses-huber');
    await s.page.keyboard.press('ArrowDown');
    expect(await selected()).not.toBe('palette-option-formula-losses-huber');
    await s.page.keyboard.press('ArrowUp');
    expect(await selected()).toBe('palette-option-formula-losses-huber');
    await s.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'scene-save',
    );
  });

  it('Enter on a formula opens its lab in the state it names', async () => {
    await s.page.goto(s.url);
    await s.page.getByTestId('lab-link-descent').waitFor();
    await s.page.keyboard.press('Control+k');
    await input().fill('softmax Jacobian');
    expect(await selected()).toBe('palette-option-formula-probability-softmax-jacobian');
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('lab-probability').waitFor();
    expect((await linkedScene()).params).toMatchObject({ tab: 'jacobian' });
  });

  it('a story opens its lab with the story applied and its caption shown', async () => {
    const lab = LAB_DEFS.find((d) => d.id === 'descent')!;
    const story = lab.presets.find((p) => p.id === 'saddle')!;
    await s.page.goto(`${s.url}#/losses`);
    await s.page.getByTestId('lab-losses').waitFor();
    await s.page.getByTestId('palette-open').click();
    await input().fill('saddle stalls');
    expect(await selected()).toBe('palette-option-story-descent-saddle');
    await s.page.keyboard.press('Enter');
    await s.page.getByTestId('lab-descent').waitFor();
    const scene = await linkedScene();
    const want = labSceneParams(lab as unknown as LabDef, { ...lab.defaults, ...story.params });
    expect(scene.params).toEqual(labSceneSchema(lab as unknown as LabDef).parse(want));
    await expect
      .poll(() => s.page.getByText(story.story.slice(0, 40)).first().isVisible())
      .toBe(true);
  });
});

describe('guided tours', () => {
  for (const lab of defs.filter((d) => d.tours?.length)) {
    for (const tour of lab.tours!) {
      it(`${lab.id} “${tour.title}”: every step applies, draws, and predictions are checked`, async () => {
        await s.page.goto(s.url);
        await s.page.getByTestId(`tour-start-${lab.id}-${tour.id}`).click();
        await s.page.getByTestId('learn-panel').waitFor();
        for (const [k, step] of tour.steps.entries()) {
          const where = `${lab.id} ${tour.id} step ${k + 1}`;
          await expect
            .poll(() => s.page.getByTestId('learn-step').getAttribute('data-step'))
            .toBe(String(k));
          const params = labTargetParams(lab, step);
          if (step.predict) {
            expect(await s.page.getByTestId('learn-step').getAttribute('data-shown'), where).toBe(
              'false',
            );
            const answer = step.predict.answer(params);
            await s.page.getByTestId('learn-choice-0').click();
            await expect
              .poll(() => s.page.getByTestId('learn-verdict').textContent())
              .toMatch(answer === 0 ? /^Right/ : /^Not this time/);
            expect(await s.page.getByTestId(`learn-choice-${answer}`).getAttribute('class')).toBe(
              'is-right',
            );
          }
          await expect
            .poll(() => s.page.getByTestId('learn-step').getAttribute('data-shown'))
            .toBe('true');
          const scene = await linkedScene();
          expect(scene.lab, where).toBe(lab.id);
          expect(scene.params, where).toEqual(
            labSceneSchema(lab).parse(labSceneParams(lab, params)),
          );
          await expect
            .poll(() => draws(s.page, lab.id), { timeout: 30_000, message: where })
            .toBe(true);
          await s.page.screenshot({ path: `${SHOTS}/tour-${lab.id}-${tour.id}-${k + 1}.png` });
          if (k < tour.steps.length - 1) await s.page.getByTestId('learn-next').click();
        }
        expect(s.pageErrors).toEqual([]);
      });
    }
  }
});

describe('exercises', () => {
  it('checks a typed answer against core and shows the worked solution after an attempt', async () => {
    await s.page.goto(`${s.url}#/probability`);
    await s.page.reload();
    await s.page.getByTestId('lab-probability').waitFor();
    await s.page.getByTestId('learn-toggle').click();
    const item = s.page.getByTestId('exercise-softmax-by-hand');
    await item.waitFor();
    expect(await s.page.getByTestId('exercise-solution-softmax-by-hand').count()).toBe(0);
    const input = s.page.getByTestId('exercise-input-softmax-by-hand');
    await input.fill('soon');
    await input.press('Enter');
    await expect
      .poll(() => s.page.getByTestId('exercise-verdict-softmax-by-hand').textContent())
      .toMatch(/Type a number/);
    expect(await s.page.getByTestId('exercise-solution-softmax-by-hand').count()).toBe(0);
    await input.fill('0.5');
    await input.press('Enter');
    await expect
      .poll(() => s.page.getByTestId('exercise-verdict-softmax-by-hand').textContent())
      .toMatch(/^Not yet/);
    const solution = s.page.getByTestId('exercise-solution-softmax-by-hand');
    expect(await solution.locator('.katex').count()).toBeGreaterThanOrEqual(3);
    // e²/(e² + e + e^0.1), worked out here, typed with a comma as a person might.
    const p1 = Math.E ** 2 / (Math.E ** 2 + Math.E + Math.E ** 0.1);
    await input.fill(p1.toFixed(3).replace('.', ','));
    await input.press('Enter');
    await expect
      .poll(() => s.page.getByTestId('exercise-verdict-softmax-by-hand').textContent())
      .toBe('Right.');
    await s.page.screenshot({ path: `${SHOTS}/exercise-probability.png` });
    expect(s.pageErrors).toEqual([]);
  });
});
