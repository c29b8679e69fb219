/**
 * Drawing of the Descent contour map on a 2D canvas: the heat map and contour lines (built once
 * per surface), every racer's path up to the playback position, the start point, the cursor, and
 * axes with ticks, numbers and names.
 */
import { contourLevels, contourSegments } from '../../../core/math/contours';
import type { Surface } from '../../../core/ml/surfaces-types';
import { ticksLinear } from '../../components/axis-ticks';
import { colormapViridis } from '../../components/colormap';
import { canvas2d } from '../../components/gl-quality';
import { surfaceMappingCreate } from '../../components/surface-mapping';
import { chartTextPx, chartTextScale } from '../../components/text-scale';
import { RACER_COLORS } from './colors';
import type { DescentState } from './store';

/** Paints the heat map once per grid into an offscreen canvas (one pixel per sample). */
function heatmapCanvas(s: DescentState): HTMLCanvasElement | null {
  const grid = s.grid;
  if (!grid) return null;
  const { n, values } = grid;
  const mapping = surfaceMappingCreate(grid, s.params.heightScale);
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  const img = canvas2d(c)!.createImageData(n, n);
  const rgb = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      colormapViridis(mapping.toUnit(values[j * n + i]), rgb);
      const p = 4 * ((n - 1 - j) * n + i); // row 0 of the image is the top: largest y
      img.data[p] = rgb[0] * 255 * 0.85;
      img.data[p + 1] = rgb[1] * 255 * 0.85;
      img.data[p + 2] = rgb[2] * 255 * 0.85;
      img.data[p + 3] = 255;
    }
  }
  canvas2d(c)!.putImageData(img, 0, 0);
  return c;
}

/** What depends only on the sampled surface and the height scale: built once, drawn every frame. */
export interface SurfaceLayers {
  heat: HTMLCanvasElement | null;
  /** Contour segments of every level, in grid coordinates [i1, j1, i2, j2]…. */
  contours: Float64Array[];
  /**
   * The finished still part of the picture (background, heat map, contours, axes, minima) at the
   * canvas's pixel size, and what it was drawn for: playback then only copies it and draws paths.
   */
  still?: { key: string; canvas: HTMLCanvasElement };
}

export function surfaceLayers(s: DescentState): SurfaceLayers {
  const grid = s.grid;
  if (!grid) return { heat: null, contours: [] };
  const levels = contourLevels(grid.values, 12, s.params.heightScale);
  return {
    heat: heatmapCanvas(s),
    contours: levels.map((level) => contourSegments(grid.values, grid.n, level)),
  };
}

/** Where the square map sits in a w × h canvas: room on the left and below for ticks and names. */
export function contourLayout(w: number, h: number) {
  const k = chartTextScale(); // larger type while presenting needs larger margins
  const m = { left: 46 * k, right: 10, top: 10, bottom: 38 * k };
  const size = Math.max(10, Math.min(w - m.left - m.right, h - m.top - m.bottom));
  const ox = m.left + (w - m.left - m.right - size) / 2;
  const oy = m.top + (h - m.top - m.bottom - size) / 2;
  return { size, ox, oy, k };
}

/** Ticks with numbers on the map's left (y) and bottom (x) edges, and the axis names. */
function drawAxes(
  ctx: CanvasRenderingContext2D,
  domain: { xMin: number; xMax: number; yMin: number; yMax: number },
  { size, ox, oy, k }: ReturnType<typeof contourLayout>,
) {
  ctx.strokeStyle = '#6b7894';
  ctx.fillStyle = '#c9d2e6';
  ctx.lineWidth = 1;
  ctx.font = `${chartTextPx(12)}px system-ui, sans-serif`;
  ctx.strokeRect(ox - 0.5, oy - 0.5, size + 1, size + 1);
  ctx.beginPath();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of ticksLinear(domain.xMin, domain.xMax, 5)) {
    const x = ox + t.at * size;
    ctx.moveTo(x, oy + size);
    ctx.lineTo(x, oy + size + 5);
    ctx.fillText(t.label, x, oy + size + 7 * k);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of ticksLinear(domain.yMin, domain.yMax, 5)) {
    const y = oy + (1 - t.at) * size;
    ctx.moveTo(ox, y);
    ctx.lineTo(ox - 5, y);
    ctx.fillText(t.label, ox - 7 * k, y);
  }
  ctx.stroke();
  ctx.font = `italic ${chartTextPx(14)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('x', ox + size / 2, oy + size + 34 * k);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText('y', 4, oy + size / 2);
}

/** Background, heat map, contour lines, axes and minima: what playback does not move. */
function drawStill(
  ctx: CanvasRenderingContext2D,
  s: DescentState,
  layers: SurfaceLayers,
  surface: Surface | null,
  w: number,
  h: number,
) {
  const grid = s.grid!;
  const layout = contourLayout(w, h);
  const { size, ox, oy } = layout;
  const { xMin, xMax, yMin, yMax } = grid.domain;
  const px = (x: number) => ox + ((x - xMin) / (xMax - xMin)) * size;
  const py = (y: number) => oy + (1 - (y - yMin) / (yMax - yMin)) * size;
  ctx.fillStyle = '#0f1420';
  ctx.fillRect(0, 0, w, h);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(layers.heat!, ox, oy, size, size);
  const n = grid.n;
  ctx.strokeStyle = 'rgba(255,255,255,0.4)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const segs of layers.contours) {
    for (let k = 0; k < segs.length; k += 4) {
      ctx.moveTo(ox + (segs[k] / (n - 1)) * size, oy + (1 - segs[k + 1] / (n - 1)) * size);
      ctx.lineTo(ox + (segs[k + 2] / (n - 1)) * size, oy + (1 - segs[k + 3] / (n - 1)) * size);
    }
  }
  ctx.stroke();
  drawAxes(ctx, grid.domain, layout);
  ctx.save();
  ctx.beginPath();
  ctx.rect(ox, oy, size, size);
  ctx.clip();
  for (const m of surface?.minima ?? []) {
    ctx.fillStyle = m.global ? '#ffffff' : '#c8c8c8';
    ctx.beginPath();
    ctx.moveTo(px(m.x), py(m.y) - 6);
    ctx.lineTo(px(m.x) + 5, py(m.y));
    ctx.lineTo(px(m.x), py(m.y) + 6);
    ctx.lineTo(px(m.x) - 5, py(m.y));
    ctx.fill();
  }
  ctx.restore();
}

/** The still part for this canvas size, drawn again only when what it shows changed. */
function stillCanvas(
  layers: SurfaceLayers,
  s: DescentState,
  surface: Surface | null,
  w: number,
  h: number,
  dpr: number,
): HTMLCanvasElement {
  const key = [w, h, dpr, chartTextScale(), s.params.heightScale].join(' ');
  if (layers.still?.key === key) return layers.still.canvas;
  const canvas = layers.still?.canvas ?? document.createElement('canvas');
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const ctx = canvas2d(canvas)!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  drawStill(ctx, s, layers, surface, w, h);
  layers.still = { key, canvas };
  return canvas;
}

export function contourDraw(
  canvas: HTMLCanvasElement,
  s: DescentState,
  layers: SurfaceLayers,
  surface: Surface | null,
) {
  const { heat } = layers;
  const ctx = canvas2d(canvas);
  const grid = s.grid;
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  if (!grid || !heat) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#0f1420';
    ctx.fillRect(0, 0, w, h);
    return;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(stillCanvas(layers, s, surface, w, h, dpr), 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const { size, ox, oy } = contourLayout(w, h);
  canvas.dataset.box = [ox, oy, size].map((v) => Math.round(v)).join(' '); // CSS px, for tests
  const { xMin, xMax, yMin, yMax } = grid.domain;
  const px = (x: number) => ox + ((x - xMin) / (xMax - xMin)) * size;
  const py = (y: number) => oy + (1 - (y - yMin) / (yMax - yMin)) * size;
  ctx.save();
  ctx.beginPath();
  ctx.rect(ox, oy, size, size);
  ctx.clip();
  s.trajectories.forEach((t, r) => {
    if (!t) return;
    const last = Math.min(s.position, t.count - 1);
    ctx.strokeStyle = RACER_COLORS[r];
    ctx.lineWidth = r === s.selected ? 2.5 : 1.6;
    ctx.beginPath();
    for (let k = 0; k <= last; k++) {
      const x = px(t.positions[2 * k]);
      const y = py(t.positions[2 * k + 1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.fillStyle = RACER_COLORS[r];
    ctx.beginPath();
    ctx.arc(px(t.positions[2 * last]), py(t.positions[2 * last + 1]), 5, 0, 2 * Math.PI);
    ctx.fill();
  });
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px(s.params.start[0]), py(s.params.start[1]), 6, 0, 2 * Math.PI);
  ctx.stroke();
  if (s.cursor) {
    ctx.strokeStyle = '#ff5c8a';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(s.cursor[0]), oy);
    ctx.lineTo(px(s.cursor[0]), oy + size);
    ctx.moveTo(ox, py(s.cursor[1]));
    ctx.lineTo(ox + size, py(s.cursor[1]));
    ctx.stroke();
  }
  ctx.restore();
}
