// End-to-end harness: serves dist/web on 127.0.0.1, drives Debian's Chromium with playwright-core
// (WebGL through SwiftShader), and records page errors and every request the page makes.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper without types
import { staticServe } from '../../scripts/static-server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
/** The web build under test: dist/web, or WEB_DIST (a helper building elsewhere in parallel). */
const WEB = path.resolve(
  process.env.WEB_DIST ?? path.resolve(import.meta.dirname, '../../dist/web'),
);

export interface Session {
  url: string;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  foreignRequests: string[];
  requests: string[];
  close(): Promise<void>;
}

export async function sessionOpen(viewport = { width: 1280, height: 800 }): Promise<Session> {
  if (!existsSync(path.join(WEB, 'index.html')))
    throw new Error('dist/web is missing: run npm run build:web');
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  const server = (await staticServe(WEB)) as { url: string; close(): Promise<void> };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--disable-quic',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const s: Session = {
    url: server.url,
    browser,
    page,
    pageErrors: [],
    consoleErrors: [],
    foreignRequests: [],
    requests: [],
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
  page.on('pageerror', (err) => s.pageErrors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') s.consoleErrors.push(msg.text());
  });
  context.on('request', (req) => {
    const u = req.url();
    s.requests.push(u);
    if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'))
      s.foreignRequests.push(u);
  });
  return s;
}

/** Reads back a WebGL canvas (the app uses preserveDrawingBuffer) and summarises its pixels. */
export async function canvasStats(page: Page, selector = 'canvas') {
  return page.evaluate((sel) => {
    const c = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!c || c.width === 0) return { width: 0, height: 0, distinct: 0, nonBackground: 0 };
    const off = document.createElement('canvas');
    off.width = c.width;
    off.height = c.height;
    const ctx = off.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const bg = [data[0], data[1], data[2]];
    const colours = new Set<number>();
    let nonBackground = 0;
    for (let i = 0; i < data.length; i += 16) {
      const d =
        Math.abs(data[i] - bg[0]) + Math.abs(data[i + 1] - bg[1]) + Math.abs(data[i + 2] - bg[2]);
      if (d > 24) nonBackground++;
      colours.add((data[i] >> 3) * 1024 + (data[i + 1] >> 3) * 32 + (data[i + 2] >> 3));
    }
    return {
      width: c.width,
      height: c.height,
      distinct: colours.size,
      nonBackground: nonBackground / (data.length / 16),
    };
  }, selector);
}

/**
 * The lab ids a person can open, read from the lab list on the home page (so tests that visit
 * every lab follow the registry without naming its labs).
 */
export async function labIdsListed(s: Session): Promise<string[]> {
  await s.page.goto(s.url);
  const links = s.page.locator('[data-testid^=lab-link-]');
  await links.first().waitFor();
  const ids = await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
  return ids.map((t) => t.replace('lab-link-', ''));
}
