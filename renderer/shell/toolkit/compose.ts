/**
 * Pictures of a lab's view. The whole view (recording frames, "Whole view" PNG) is rasterised with
 * its HTML by view-raster.ts; single charts are serialised SVG (computed paint inlined, loaded from
 * a data: URL) and single canvases are drawn from their pixels (WebGL ones keep their drawing
 * buffer). `viewParts` lists the canvases and charts, which the export menu and layoutSettle use.
 */
import { boxFit, boxIntersect, type Box } from './frame-math';
import { viewBackground, viewLayout } from './view-layout';
import { viewRasterOpen, type ViewRaster } from './view-raster';

export { VIEW_BACKGROUND, viewBackground } from './view-layout';

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

/** Where a composed view landed: its top-left corner (frame pixels), scale and CSS size. */
export interface ViewPlacement {
  x: number;
  y: number;
  scale: number;
  width: number;
  height: number;
}

/**
 * Composes the whole view under `root` into `ctx` (a `width × height` canvas): the view's
 * background, then the view — panels, formulas, canvases, charts, with scrolling panels unrolled
 * (view-layout.ts) — scaled uniformly to fit and centred on whole pixels. `raster` is reused
 * between frames; without one, a rasteriser is opened for this picture alone. An abort through
 * `signal` is noticed between the copying, decoding and drawing steps.
 */
export async function composeView(
  root: HTMLElement,
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  raster?: ViewRaster,
  signal?: AbortSignal,
): Promise<ViewPlacement> {
  const own = raster ?? (await viewRasterOpen(root));
  try {
    const layout = viewLayout(root);
    const fit = boxFit({ x: 0, y: 0, width: layout.width, height: layout.height }, width, height);
    // Rasterise before touching the canvas, so it never holds a half-drawn frame.
    const image = await own.draw(layout, signal);
    signal?.throwIfAborted();
    ctx.save();
    ctx.fillStyle = viewBackground(root);
    ctx.fillRect(0, 0, width, height);
    const x = Math.round(fit.offsetX);
    const y = Math.round(fit.offsetY);
    ctx.drawImage(image, x, y, layout.width * fit.scale, layout.height * fit.scale);
    ctx.restore();
    return { x, y, scale: fit.scale, width: layout.width, height: layout.height };
  } finally {
    if (!raster) own.close();
  }
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
