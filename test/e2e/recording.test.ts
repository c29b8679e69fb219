// Lecture toolkit, recording and export: a deterministic WebM (frame count and timing read from the
// file itself, the same frames twice), cancel that saves nothing, PNG at 2× the CSS size. Decoded
// frames and whole-view PNGs are looked at where the formula panels, legends and bottom charts sit:
// the whole view is in the picture, not only its canvases and charts.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionOpen, SHOTS, type Session } from './browser';
import { pixelVariety, pngCrop, pngDecode, webmParse, type DecodedPng } from './media-files';

let s: Session;
const downloads: Download[] = [];

beforeAll(async () => {
  s = await sessionOpen({ width: 1440, height: 900 });
  s.page.on('download', (d) => downloads.push(d));
  await s.page.goto(`${s.url}#/descent`);
  await s.page.getByTestId('lab-descent').waitFor();
  // The race has been computed once the legend shows losses.
  await s.page.waitForFunction(
    () => /f = -?\d/.test(document.querySelector('[data-testid="legend"]')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );
  if ((await s.page.getByTestId('record-open').count()) === 0)
    throw new Error('the export and record controls are not mounted: <ToolkitBar lab={lab} />');
});
afterAll(async () => {
  await s?.close();
});

const bytesOf = async (d: Download) => new Uint8Array(await readFile((await d.path())!));

/** Opens the Export menu unless it is open (the header, and the menu, outlive a lab). */
async function menuOpen() {
  const menu = s.page.getByTestId('export-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
    await menu.locator('summary').click();
}

/** No pointer over the views: hovering draws a cursor marker into them. */
async function pointerAway() {
  await s.page.mouse.move(4, 4);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an element sits in the whole view (CSS pixels from the view's top-left corner). */
async function boxInView(selector: string): Promise<Box> {
  return s.page.evaluate((sel) => {
    const root = document.querySelector('.app-main')!.getBoundingClientRect();
    const el = document.querySelector(sel);
    if (!el) throw new Error(`nothing matches ${sel}`);
    const r = el.getBoundingClientRect();
    return { x: r.left - root.left, y: r.top - root.top, width: r.width, height: r.height };
  }, selector);
}

/** Where the view sits in a recorded frame (the dialog reports it with the result). */
interface Placement {
  x: number;
  y: number;
  scale: number;
  width: number;
  height: number;
}

/** `box` (CSS pixels in the view) in a frame where the view was placed at `p`. */
const inFrame = (p: Placement, box: Box): Box => ({
  x: p.x + box.x * p.scale,
  y: p.y + box.y * p.scale,
  width: box.width * p.scale,
  height: box.height * p.scale,
});

/** Asserts that the region holds drawn text or lines, not an empty background. */
function expectDrawn(picture: DecodedPng, region: Box, what: string) {
  const crop = pngCrop(picture, region);
  // The whole region is in the picture, not cut at an edge.
  expect(crop.width, `${what}: width inside the picture`).toBeGreaterThanOrEqual(
    Math.round(region.width) - 1,
  );
  expect(crop.height, `${what}: height inside the picture`).toBeGreaterThanOrEqual(
    Math.round(region.height) - 1,
  );
  const v = pixelVariety(crop);
  expect(v.nonBackground, `${what}: share of drawn pixels`).toBeGreaterThan(0.03);
  expect(v.distinct, `${what}: distinct colours`).toBeGreaterThan(8);
  return v;
}

/** Opens the dialog, records `seconds` at 10 fps in 720p, and returns the file and checksums. */
async function record(seconds: number) {
  const { page } = s;
  await pointerAway();
  await page.getByTestId('record-open').click();
  await page.getByTestId('record-seconds').fill(String(seconds));
  await page.getByTestId('record-fps').selectOption('10');
  await page.getByTestId('record-resolution').selectOption('720p');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  const t0 = Date.now();
  await page.getByTestId('record-start').click();
  const file = await download;
  const result = page.getByTestId('record-result');
  await result.waitFor();
  const checksums = (await result.getAttribute('data-checksums'))!.split(',');
  const placement = JSON.parse((await result.getAttribute('data-placement'))!) as Placement;
  const composeMs = (await result.getAttribute('data-compose-ms'))!.split(',').map(Number);
  const ms = Date.now() - t0;
  await page.getByRole('button', { name: 'Close' }).click();
  const bytes = await bytesOf(file);
  return { name: file.suggestedFilename(), bytes, checksums, placement, composeMs, ms };
}

/** Decodes every video block in the page (WebCodecs) and returns a PNG of frame `index`. */
async function frameDecode(bytes: Uint8Array, index: number) {
  const webm = webmParse(bytes);
  const video = webm.tracks.find((t) => t.type === 1)!;
  const blocks = webm.blocks
    .filter((b) => b.track === video.number)
    .map((b) => ({ key: b.key, timeMs: b.timeMs, data: Buffer.from(b.data).toString('base64') }));
  return s.page.evaluate(
    async ({ blocks, codec, width, height, index }) => {
      const frames: VideoFrame[] = [];
      const decoder = new VideoDecoder({
        output: (f) => frames.push(f),
        error: (e) => console.error(e),
      });
      decoder.configure({
        codec: codec === 'V_VP9' ? 'vp09.00.10.08' : 'vp8',
        codedWidth: width,
        codedHeight: height,
      });
      for (const b of blocks) {
        const data = Uint8Array.from(atob(b.data), (c) => c.charCodeAt(0));
        decoder.decode(
          new EncodedVideoChunk({
            type: b.key ? 'key' : 'delta',
            timestamp: b.timeMs * 1000,
            data,
          }),
        );
      }
      await decoder.flush();
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')!.drawImage(frames[index], 0, 0);
      frames.forEach((f) => f.close());
      return { decoded: frames.length, png: canvas.toDataURL('image/png') };
    },
    { blocks, codec: video.codec, width: video.width!, height: video.height!, index },
  );
}

describe('Recording and export', () => {
  let first: Awaited<ReturnType<typeof record>>;

  it('a 1 s recording at 10 fps is a WebM with exactly 10 frames, 100 ms apart', async () => {
    first = await record(1);
    expect(first.name).toMatch(/^descent-1s-10fps-720p\.webm$/);
    const webm = webmParse(first.bytes);
    const video = webm.tracks.filter((t) => t.type === 1);
    expect(video).toHaveLength(1);
    expect(video[0]).toMatchObject({ width: 1280, height: 720 });
    expect(video[0].codec).toMatch(/^V_VP[89]$/);
    const blocks = webm.blocks.filter((b) => b.track === video[0].number);
    expect(blocks).toHaveLength(10);
    expect(blocks.map((b) => b.timeMs)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(blocks[0].key).toBe(true);
    expect(first.checksums).toHaveLength(10);
    // Playback moves between frames, so the frames differ.
    expect(new Set(first.checksums).size).toBeGreaterThan(5);
    // The file decodes: every frame comes back, and the last one is saved to look at.
    const { decoded, png } = await frameDecode(first.bytes, 9);
    expect(decoded).toBe(10);
    const image = Buffer.from(png.split(',')[1], 'base64');
    await writeFile(`${SHOTS}/recording-frame-9.png`, image);
    const frame = pngDecode(image);
    const variety = pixelVariety(frame);
    expect(variety.distinct).toBeGreaterThan(50);
    // The frame shows the HTML panels: the update rule (KaTeX), the legend's losses, the
    // curvature readout. A compositor of canvases and charts alone leaves these regions empty.
    const p = first.placement;
    const formula = expectDrawn(
      frame,
      inFrame(p, await boxInView('[data-testid="equation"] .katex')),
      'update-rule formula',
    );
    expectDrawn(frame, inFrame(p, await boxInView('[data-testid="legend"]')), 'legend');
    expectDrawn(frame, inFrame(p, await boxInView('[data-testid="curvature"]')), 'curvature');
    const mean = first.composeMs.reduce((a, b) => a + b, 0) / first.composeMs.length;
    console.info(
      `recording 1: ${first.bytes.length} bytes, ${first.ms} ms, ${video[0].codec}, compose ${mean.toFixed(0)} ms/frame, formula ${JSON.stringify(formula)}, checksums ${first.checksums.join(' ')}`,
    );
  });

  it('recording the same state again gives the same frames', async () => {
    // A message line above the lab (here from a data export) is cleared as recording starts, so
    // it cannot time out mid-video and resize the view.
    const menu = s.page.getByTestId('export-menu').locator('summary');
    await menu.click();
    await s.page.getByTestId('export-data').click();
    await s.page.getByTestId('app-message').waitFor();
    await menu.click();
    const second = await record(1);
    if (second.checksums[0] !== first.checksums[0]) {
      for (const [n, r] of [
        ['a', first],
        ['b', second],
      ] as const) {
        const { png } = await frameDecode(r.bytes, 0);
        await writeFile(
          `${SHOTS}/recording-mismatch-${n}.png`,
          Buffer.from(png.split(',')[1], 'base64'),
        );
      }
    }
    expect(second.checksums).toEqual(first.checksums);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
    console.info(
      `recording 2: ${second.ms} ms; file sha256 ${sha(first.bytes)} vs ${sha(second.bytes)}`,
    );
  });

  it('Esc closes the Record dialog, like every other dialog', async () => {
    const { page } = s;
    await page.getByTestId('record-open').click();
    await page.getByTestId('record-dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('record-dialog').count()).toBe(0);
    // From inside a field too: the focus in the seconds box does not swallow the key.
    await page.getByTestId('record-open').click();
    await page.getByTestId('record-seconds').focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('record-dialog').count()).toBe(0);
  });

  it('cancel stops the recording promptly and saves nothing', async () => {
    const { page } = s;
    const before = downloads.length;
    await page.getByTestId('record-open').click();
    await page.getByTestId('record-seconds').fill('20');
    await page.getByTestId('record-fps').selectOption('10');
    await page.getByTestId('record-resolution').selectOption('720p');
    await page.getByTestId('record-start').click();
    const progress = page.getByTestId('record-progress');
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000 })
      .toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/recording-dialog.png` });
    const t0 = Date.now();
    await page.getByTestId('record-cancel').click();
    await page.getByTestId('record-stopped').waitFor({ timeout: 10_000 });
    const stopMs = Date.now() - t0;
    expect(await page.getByTestId('record-stopped').textContent()).toMatch(
      /cancelled; nothing was saved/,
    );
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Close' }).click();
    expect(downloads.length).toBe(before);
    // One frame in flight is finished first; on this 2-core machine with software GL a frame
    // takes up to about a second under load.
    expect(stopMs).toBeLessThan(5000);
    console.info(`cancel took ${stopMs} ms`);
  });

  it('PNG export at 2× is twice the CSS size and not blank, for the 3D view and the chart', async () => {
    const { page } = s;
    await pointerAway();
    const exported = async (testid: string) => {
      const download = page.waitForEvent('download');
      await page.getByTestId(testid).click();
      const file = await download;
      return { name: file.suggestedFilename(), png: pngDecode(await bytesOf(file)) };
    };
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('export-scale-2').check();
    await page.screenshot({ path: `${SHOTS}/export-menu.png` });
    const css3d = (await page.locator('canvas[data-engine]').boundingBox())!;
    const view = await exported('export-png-3d-0');
    expect(view.name).toBe('descent-3d-0@2x.png');
    expect(view.png.width).toBe(Math.round(css3d.width * 2));
    expect(view.png.height).toBe(Math.round(css3d.height * 2));
    const v3 = pixelVariety(view.png);
    expect(v3.distinct).toBeGreaterThan(100);
    expect(v3.nonBackground).toBeGreaterThan(0.1);

    const cssChart = (await page
      .locator('[data-testid="loss-chart"] svg.recharts-surface')
      .first()
      .boundingBox())!;
    // The loss chart's place among the view's charts (the colour bar of the 3D view comes first).
    const lossIndex = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.app-main svg'))
        .filter((e) => {
          const r = e.getBoundingClientRect();
          const top = !(e as SVGSVGElement).ownerSVGElement && !e.closest('.katex');
          return top && r.width >= 64 && r.height >= 48;
        })
        .indexOf(document.querySelector('[data-testid="loss-chart"] svg.recharts-surface')!),
    );
    expect(lossIndex).toBeGreaterThanOrEqual(0);
    const chart = await exported(`export-png-chart-${lossIndex}`);
    expect(chart.png.width).toBe(Math.round(cssChart.width * 2));
    expect(chart.png.height).toBe(Math.round(cssChart.height * 2));
    const vc = pixelVariety(chart.png);
    expect(vc.distinct).toBeGreaterThan(10);
    expect(vc.nonBackground).toBeGreaterThan(0.005);

    const whole = await exported('export-png-view');
    expect(pixelVariety(whole.png).distinct).toBeGreaterThan(100);
    // The "Saved …" toast shares the menu's corner: the open menu stays on top of it, so the
    // next picture can be chosen at once.
    await page.getByTestId('app-message').waitFor();
    const onTop = await page.evaluate(() => {
      const b = document.querySelector('[data-testid="export-png-view"]')!.getBoundingClientRect();
      return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2)?.closest('button')
        ?.dataset.testid;
    });
    expect(onTop).toBe('export-png-view');
    // The whole view at 2×: its width is the view's, and the text panels are in it.
    const viewWidth = await page.evaluate(() => document.querySelector('.app-main')!.clientWidth);
    expect(whole.png.width).toBe(viewWidth * 2);
    const at2 = (b: Box): Box => ({
      x: b.x * 2,
      y: b.y * 2,
      width: b.width * 2,
      height: b.height * 2,
    });
    expectDrawn(whole.png, at2(await boxInView('[data-testid="equation"] .katex')), 'formula');
    expectDrawn(whole.png, at2(await boxInView('[data-testid="legend"]')), 'legend');
    expectDrawn(whole.png, at2(await boxInView('[data-testid="curvature"]')), 'curvature');
    const raw = async (testid: string, name: string) => {
      const download = page.waitForEvent('download');
      await page.getByTestId(testid).click();
      await writeFile(`${SHOTS}/${name}`, await bytesOf(await download));
    };
    await raw('export-png-3d-0', 'export-3d@2x.png');
    await raw(`export-png-chart-${lossIndex}`, 'export-chart@2x.png');
    await raw('export-png-view', 'export-view@2x.png');
    console.info(
      `3D ${css3d.width}×${css3d.height} CSS → ${view.png.width}×${view.png.height}; chart ${cssChart.width}×${cssChart.height} → ${chart.png.width}×${chart.png.height}; variety 3D ${JSON.stringify(v3)}, chart ${JSON.stringify(vc)}`,
    );
  });

  it('on a short window the whole-view PNG shows a scrolling panel column unrolled', async () => {
    const { page } = s;
    await page.setViewportSize({ width: 1280, height: 640 });
    try {
      // The readouts column scrolls now; its last panel is below the fold.
      await expect
        .poll(() =>
          page.evaluate(() => {
            const info = document.querySelector('.descent-info')!;
            return info.scrollHeight - info.clientHeight;
          }),
        )
        .toBeGreaterThan(40);
      await pointerAway();
      const download = page.waitForEvent('download');
      await page.getByTestId('export-scale-1').check();
      await page.getByTestId('export-png-view').click();
      const bytes = await bytesOf(await download);
      await writeFile(`${SHOTS}/export-view-short-window@1x.png`, bytes);
      const png = pngDecode(bytes);
      const info = await boxInView('.descent-info');
      const full = await page.evaluate(() => document.querySelector('.descent-info')!.scrollHeight);
      // The picture is as tall as the unrolled column, and its last panel is drawn whole.
      expect(png.height).toBeGreaterThanOrEqual(Math.floor(info.y + full));
      const last = await boxInView('.descent-info > :last-child');
      expect(last.y + last.height).toBeGreaterThan(info.y + info.height);
      expectDrawn(png, last, 'last readout panel, below the fold');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it('a box that overflows sideways is pictured as on screen, its last line not cut', async () => {
    // KaTeX displays scroll sideways when a formula is a pixel too wide. On screen (overlay
    // scrollbars) the whole height shows; an SVG image would give the scrollbar room of its own
    // and cut the last line. A probe box of the same kind, its last line a green bar:
    const { page } = s;
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'overflow-probe';
      box.style.cssText = 'width:200px;overflow-x:auto;overflow-y:hidden;background:#000';
      box.innerHTML =
        '<div style="width:400px;height:30px;background:#333"></div>' +
        '<div id="overflow-probe-bar" style="width:200px;height:12px;background:#0f0"></div>';
      document.querySelector('.descent-info')!.prepend(box);
    });
    try {
      const bar = await boxInView('#overflow-probe-bar');
      await pointerAway();
      await menuOpen();
      const download = page.waitForEvent('download');
      await page.getByTestId('export-scale-1').check();
      await page.getByTestId('export-png-view').click();
      const png = pngDecode(await bytesOf(await download));
      const x = Math.round(bar.x + bar.width / 2);
      const y = Math.round(bar.y + bar.height / 2);
      const o = (y * png.width + x) * png.channels;
      expect([png.pixels[o], png.pixels[o + 1], png.pixels[o + 2]]).toEqual([0, 255, 0]);
    } finally {
      await page.evaluate(() => document.getElementById('overflow-probe')?.remove());
    }
  });

  it('the data behind the view exports as CSV and JSON', async () => {
    const { page } = s;
    const got: Download[] = [];
    const onDownload = (d: Download) => got.push(d);
    page.on('download', onDownload);
    await page.getByTestId('export-data').click();
    await expect.poll(() => got.length).toBe(2);
    page.off('download', onDownload);
    const csv = got.find((d) => d.suggestedFilename().endsWith('.csv'))!;
    const text = new TextDecoder().decode(await bytesOf(csv));
    expect(text.split('\n')[0]).toBe('racer,optimizer,step,x,y,loss,grad_x,grad_y');
    expect(text.split('\n').length).toBeGreaterThan(10);
    const json = got.find((d) => d.suggestedFilename().endsWith('.json'))!;
    expect(JSON.parse(new TextDecoder().decode(await bytesOf(json)))).toHaveProperty('seed');
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });

  it('the Activations gallery records too: the cursor sweeps the curves, one frame per step', async () => {
    await s.page.goto(`${s.url}#/activations`);
    await s.page.getByTestId('lab-activations').waitFor();
    await expect.poll(() => s.page.getByTestId('record-open').isEnabled()).toBe(true);
    const take = await record(1);
    expect(take.name).toMatch(/activations.*\.webm$/);
    const webm = webmParse(take.bytes);
    const video = webm.tracks.find((t) => t.type === 1)!;
    expect(webm.blocks.filter((b) => b.track === video.number)).toHaveLength(10);
    // The sweeping cursor changes the picture from frame to frame.
    expect(new Set(take.checksums).size).toBeGreaterThan(5);
  });

  it('the Regularization lab records a sweep of the constraint size', async () => {
    await s.page.goto(`${s.url}#/regularization`);
    await s.page.getByTestId('lab-regularization').waitFor();
    await expect.poll(() => s.page.getByTestId('record-open').isEnabled()).toBe(true);
    const take = await record(1);
    const webm = webmParse(take.bytes);
    const video = webm.tracks.find((t) => t.type === 1)!;
    expect(webm.blocks.filter((b) => b.track === video.number)).toHaveLength(10);
    expect(new Set(take.checksums).size).toBeGreaterThan(5);
    // The frame shows the equations panel (KaTeX) and the readouts in the sidebar.
    const { png } = await frameDecode(take.bytes, 9);
    const image = Buffer.from(png.split(',')[1], 'base64');
    await writeFile(`${SHOTS}/recording-regularization-frame-9.png`, image);
    const frame = pngDecode(image);
    const p = take.placement;
    expectDrawn(frame, inFrame(p, await boxInView('[data-testid="reg-equations"] .katex')), 'KKT');
    expectDrawn(frame, inFrame(p, await boxInView('[data-testid="reg-lambda"]')), 'λ readout');
    expect(s.pageErrors).toEqual([]);
  });

  it('the whole-view PNG of Regularization shows its formulas and readouts', async () => {
    const { page } = s;
    // The controls column is pictured scrolled as on screen: bring the readout into view first
    // (below 1700 px the lab names take a second header line, and it sits below the fold).
    await page.getByTestId('reg-lambda').scrollIntoViewIfNeeded();
    await pointerAway();
    await menuOpen();
    await page.getByTestId('export-scale-1').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-png-view').click();
    const bytes = await bytesOf(await download);
    await page.getByTestId('export-menu').locator('summary').click();
    await writeFile(`${SHOTS}/export-regularization-view@1x.png`, bytes);
    const png = pngDecode(bytes);
    expectDrawn(png, await boxInView('[data-testid="reg-equations"] .katex'), 'KKT formula');
    expectDrawn(png, await boxInView('[data-testid="reg-lambda"]'), 'λ readout');
    expect(s.pageErrors).toEqual([]);
    expect(s.foreignRequests).toEqual([]);
  });
});
