/**
 * Draws what a lab shows into one 2D canvas: every visible <canvas> (WebGL ones keep their
 * drawing buffer, so drawImage reads the last rendered frame) and every chart <svg> (serialised
 * with its computed paint inlined, then loaded as an image from a data: URL). Text in HTML
 * (KaTeX, readouts) is not drawn. Layout comes from the elements' bounding rectangles.
 */
import { boxFit, boxIntersect, boxUnion, type Box } from './frame-math';

export const VIEW_BACKGROUND = '#0f1420';

/** One drawable element of a view and where it sits on screen (CSS pixels). */
export interface ViewPart {
  el: HTMLCanvasElement | SVGSVGElement;
  box: Box;
}

/** Smaller SVGs are icons (legend swatches, buttons), not charts. */
const MIN_CHART = { width: 64, height: 48 };

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

function shown(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0;
}

/** True for a canvas drawn by three.js (it marks its canvas with `data-engine`). */
export function canvasIsWebgl(el: Element): el is HTMLCanvasElement {
  return el instanceof HTMLCanvasElement && (el.dataset.engine ?? '').startsWith('three.js');
}

/** A chart SVG: not nested in another SVG, not part of a formula, large enough to be a chart. */
export function svgIsChart(el: Element): el is SVGSVGElement {
  if (!(el instanceof SVGSVGElement) || el.ownerSVGElement || el.closest('.katex')) return false;
  const r = el.getBoundingClientRect();
  return r.width >= MIN_CHART.width && r.height >= MIN_CHART.height;
}

/** Visible canvases and chart SVGs under `root`, in document (painting) order. */
export function viewParts(root: Element): ViewPart[] {
  const clip = boxOf(root);
  const parts: ViewPart[] = [];
  for (const el of Array.from(root.querySelectorAll('canvas, svg'))) {
    const drawable =
      (el instanceof HTMLCanvasElement && el.width > 0 && el.height > 0) || svgIsChart(el);
    if (!drawable || !shown(el)) continue;
    const box = boxOf(el);
    if (!boxIntersect(box, clip)) continue;
    parts.push({ el: el as HTMLCanvasElement | SVGSVGElement, box });
  }
  return parts;
}

const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The SVG as standalone markup: computed paint inlined (stylesheets do not travel with it). */
export function svgSerialize(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const to = [clone, ...Array.from(clone.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const style = getComputedStyle(el);
    const target = to[i] as SVGElement;
    for (const name of PAINT) target.style.setProperty(name, style.getPropertyValue(name));
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

/** Loads an SVG as an image that canvases can draw (a data: URL: no network, no taint). */
export async function svgImage(svg: SVGSVGElement, box: Box): Promise<HTMLImageElement> {
  const markup = svgSerialize(svg, box.width, box.height);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await img.decode();
  return img;
}

/** The box (CSS pixels) that the drawable parts under `root` occupy together, clipped to root. */
export function viewBounds(root: HTMLElement, parts = viewParts(root)): Box | null {
  const content = boxUnion(parts.map((p) => p.box));
  return content && boxIntersect(content, boxOf(root));
}

/**
 * Composes the view under `root` into `ctx` (a `width × height` canvas): dark background, then
 * the bounding box of every drawable part (clipped to root), scaled uniformly and centred.
 * Parts with only HTML around them (control panels) therefore cost no space.
 */
export async function composeView(
  root: HTMLElement,
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
): Promise<void> {
  const parts = viewParts(root);
  // Load every SVG before drawing anything, so the canvas never holds a half-drawn frame.
  const images = await Promise.all(
    parts.map((p) => (p.el instanceof SVGSVGElement ? svgImage(p.el, p.box) : null)),
  );
  ctx.save();
  ctx.fillStyle = VIEW_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  const bounds = viewBounds(root, parts);
  if (bounds) {
    const fit = boxFit(bounds, width, height);
    ctx.beginPath();
    ctx.rect(fit.offsetX, fit.offsetY, bounds.width * fit.scale, bounds.height * fit.scale);
    ctx.clip();
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    parts.forEach((p, i) => {
      const x = fit.offsetX + (p.box.x - bounds.x) * fit.scale;
      const y = fit.offsetY + (p.box.y - bounds.y) * fit.scale;
      const source = images[i] ?? (p.el as HTMLCanvasElement);
      ctx.drawImage(source, x, y, p.box.width * fit.scale, p.box.height * fit.scale);
    });
  }
  ctx.restore();
}

/**
 * Resolves once the view's layout has stopped changing: the boxes and pixel sizes of its parts are
 * the same on two looks 2 frames + 50 ms apart (at most `limitMs`). A layout change just before a
 * recording (a dialog opening, a message line going away) reaches canvases a few frames later.
 */
export async function layoutSettle(root: HTMLElement, limitMs = 3000): Promise<void> {
  const look = () =>
    JSON.stringify(
      viewParts(root).map((p) => [
        p.box,
        p.el instanceof HTMLCanvasElement ? [p.el.width, p.el.height] : null,
      ]),
    );
  const deadline = performance.now() + limitMs;
  let before = look();
  while (performance.now() < deadline) {
    await framesWait(2);
    await new Promise((r) => setTimeout(r, 50));
    const now = look();
    if (now === before) return;
    before = now;
  }
}

/** Resolves after `n` animation frames: state set before this has been rendered by then. */
export function framesWait(n = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) =>
      left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(n);
  });
}
