/**
 * PNG export of a lab's 3D view, of each chart, or of the whole composed view, at 1×, 2× or 4×
 * the element's CSS size. Charts are SVG, so they are rasterised sharp at any scale. A three.js
 * view drawn by react-three-fiber is rendered once more at the requested pixel ratio (same scene
 * and camera, outside the frame loop; post-processing passes would be skipped). Any other canvas,
 * is enlarged from its on-screen pixels with smoothing. The whole view is rasterised with its HTML
 * (formulas, legends, readouts) at the requested scale, scrolling panels unrolled.
 */
import { canvasIsWebgl, svgImage, svgIsChart, viewBackground, VIEW_BACKGROUND } from './compose';
import { viewLayout } from './view-layout';
import { viewRasterOpen } from './view-raster';

export type PngScale = 1 | 2 | 4;
export const PNG_SCALES: readonly PngScale[] = [1, 2, 4];

/** Something a person can export as a picture. */
export interface PngTarget {
  /** Stable within a view: `view`, `3d-0`, `map-0`, `chart-0`, … */
  id: string;
  label: string;
  el: HTMLElement | SVGSVGElement;
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** A short name from the nearest aria-label ("Contour map: click to …" → "Contour map"). */
function nameOf(el: Element, fallback: string): string {
  const named = el.closest('[aria-label]')?.getAttribute('aria-label')?.split(':')[0].trim();
  return named && named.length <= 40 ? named : fallback;
}

/** The whole view, each WebGL canvas, each other canvas and each chart SVG under `root`. */
export function pngTargets(root: HTMLElement): PngTarget[] {
  const targets: PngTarget[] = [{ id: 'view', label: 'Whole view', el: root }];
  const canvases = Array.from(root.querySelectorAll('canvas')).filter(visible);
  canvases.filter(canvasIsWebgl).forEach((el, i) => {
    targets.push({ id: `3d-${i}`, label: i === 0 ? '3D view' : `3D view ${i + 1}`, el });
  });
  canvases
    .filter((c) => !canvasIsWebgl(c))
    .forEach((el, i) => targets.push({ id: `map-${i}`, label: nameOf(el, `Map ${i + 1}`), el }));
  Array.from(root.querySelectorAll('svg'))
    .filter(svgIsChart)
    .forEach((el, i) => targets.push({ id: `chart-${i}`, label: `Chart ${i + 1}`, el }));
  return targets;
}

/**
 * Renders the react-three-fiber scene on `canvas` at `width × height` pixels into a new canvas,
 * then restores the renderer's own pixel ratio. Null when the canvas is not an R3F root or its
 * buffer already has at least that many pixels. Loaded on demand: fiber lives in the labs' chunk.
 */
async function webglRender(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): Promise<HTMLCanvasElement | null> {
  const { _roots } = await import('@react-three/fiber');
  const state = _roots.get(canvas)?.store.getState();
  if (!state) return null;
  const { gl, scene, camera, size } = state;
  const ratio = width / size.width;
  const own = gl.getPixelRatio();
  if (ratio <= own * 1.01) return null;
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  try {
    gl.setPixelRatio(ratio);
    gl.setSize(size.width, size.height, false);
    gl.render(scene, camera);
    out.getContext('2d')!.drawImage(canvas, 0, 0, width, height);
  } finally {
    gl.setPixelRatio(own);
    gl.setSize(size.width, size.height, false);
    gl.render(scene, camera);
  }
  return out;
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

/** The whole view under `root` (view-layout.ts) at `scale` device pixels per CSS pixel. */
async function wholeViewRender(root: HTMLElement, scale: PngScale): Promise<HTMLCanvasElement> {
  const raster = await viewRasterOpen(root);
  try {
    const layout = viewLayout(root);
    const image = await raster.draw(layout);
    const out = document.createElement('canvas');
    out.width = Math.round(layout.width * scale);
    out.height = Math.round(layout.height * scale);
    // Software raster: the same picture every time (GPU raster varied at fractional edges).
    const ctx = out.getContext('2d', { alpha: false, willReadFrequently: true })!;
    ctx.fillStyle = viewBackground(root);
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(image, 0, 0, out.width, out.height);
    return out;
  } finally {
    raster.close();
  }
}

/**
 * Renders `el` at CSS size × `scale` pixels into a PNG: a canvas or chart on the view's dark
 * background; any other element as the whole view under it, panels and formulas included.
 */
export async function exportPng(el: HTMLElement | SVGSVGElement, scale: PngScale): Promise<Blob> {
  if (!(el instanceof HTMLCanvasElement || el instanceof SVGSVGElement))
    return canvasToPng(await wholeViewRender(el, scale));
  const rect = el.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width * scale));
  const height = Math.max(1, Math.round(rect.height * scale));
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d', { alpha: false })!;
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = VIEW_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  if (el instanceof HTMLCanvasElement) {
    const sharp = canvasIsWebgl(el) ? await webglRender(el, width, height) : null;
    ctx.drawImage(sharp ?? el, 0, 0, width, height);
  } else {
    const box = { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    ctx.drawImage(await svgImage(el, box), 0, 0, width, height);
  }
  return canvasToPng(out);
}
