/**
 * Canvas 2D drawing of the gradient heat map: one cell per (step, weight layer), coloured by
 * log₁₀‖∂L/∂W_l‖ on viridis between the smallest and largest norm seen so far; a norm of exactly 0
 * is black and a NaN/∞ norm vermillion. Input-side layer on top, output layer at the bottom.
 * Text and the room for it grow with the chart text scale (renderer/components/text-scale),
 * read when drawing: 1 on the desktop, about 1.8 while presenting on a 1080-pixel screen.
 */
import { colormapViridis } from '../../components/colormap';
import { chartTextScale } from '../../components/text-scale';
import type { FlowBuffer } from './flow-buffer';

/** Space around the plot (CSS px on the desktop) for the layer axis, the step axis, the legend. */
export const HEAT_MARGIN = { left: 58, right: 96, top: 24, bottom: 36 } as const;
const ZERO_RGB = [0, 0, 0] as const;
const NONFINITE_RGB = [0xd5, 0x5e, 0x00] as const;
const MUTED = '#9aa6c0';
const LINE = '#2a3550';

/** The cells as an image (width = step extent, height = layers) and what it was painted with. */
export interface HeatCells {
  canvas: HTMLCanvasElement;
  image: ImageData | null;
  painted: number;
  lo: number;
  hi: number;
}

export function heatCellsCreate(): HeatCells {
  return { canvas: document.createElement('canvas'), image: null, painted: 0, lo: 0, hi: 0 };
}

/** Steps the x axis spans: the whole run while it goes, the steps it took once it has ended. */
export function heatExtent(b: FlowBuffer): number {
  return b.ended ? Math.max(1, b.count) : b.capacity;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10^k with a Unicode superscript exponent, e.g. 10⁻¹². */
export function pow10Label(k: number): string {
  const digits = String(Math.abs(k))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
  return `10${k < 0 ? '⁻' : ''}${digits}`;
}

/** Brings the cell image up to date; repaints everything only when the colour range moved. */
export function heatCellsUpdate(cells: HeatCells, b: FlowBuffer): void {
  const width = heatExtent(b);
  const { layers } = b;
  const { logMin: lo, logMax: hi } = b;
  let image = cells.image;
  const full =
    !image ||
    image.width !== width ||
    image.height !== layers ||
    lo !== cells.lo ||
    hi !== cells.hi;
  if (!image || image.width !== width || image.height !== layers) {
    cells.canvas.width = width;
    cells.canvas.height = layers;
    image = new ImageData(width, layers);
    cells.image = image;
  }
  const from = full ? 0 : cells.painted;
  const data = image.data;
  const span = hi > lo ? hi - lo : 1;
  const rgb = [0, 0, 0];
  for (let s = from; s < Math.min(b.count, width); s++) {
    for (let l = 0; l < layers; l++) {
      const v = b.norms[s * layers + l];
      const i = 4 * (l * width + s);
      if (!Number.isFinite(v)) [data[i], data[i + 1], data[i + 2]] = NONFINITE_RGB;
      else if (v <= 0) [data[i], data[i + 1], data[i + 2]] = ZERO_RGB;
      else {
        colormapViridis(hi > lo ? (Math.log10(v) - lo) / span : 0.5, rgb);
        data[i] = rgb[0] * 255;
        data[i + 1] = rgb[1] * 255;
        data[i + 2] = rgb[2] * 255;
      }
      data[i + 3] = 255;
    }
  }
  cells.canvas.getContext('2d', { willReadFrequently: true })?.putImageData(image, 0, 0);
  cells.painted = Math.min(b.count, width);
  cells.lo = lo;
  cells.hi = hi;
}

/** Round step numbers (1-based) to label on an axis of `extent` steps, about `count` of them. */
export function stepTicks(extent: number, count = 8): number[] {
  const raw = extent / count;
  const mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = step; t <= extent; t += step) out.push(t);
  return out;
}

/** A text's box on the canvas in CSS px: [text, left, top, width, height]. */
export type TextBox = [string, number, number, number, number];

/**
 * The text drawn on the heat map's axes and colour bar, its size in px and where each piece
 * landed (for tests and tools).
 */
export interface HeatLabels {
  layers: string[];
  steps: string[];
  legend: string[];
  titles: string[];
  font: number;
  boxes: TextBox[];
}

/** fillText with the current font and alignment, recording its box (turned by `rotated`). */
function textAt(
  ctx: CanvasRenderingContext2D,
  t: string,
  x: number,
  y: number,
  out: TextBox[],
  rotated = false,
) {
  ctx.fillText(t, x, y);
  const m = ctx.measureText(t);
  const r = (v: number) => Math.round(v * 10) / 10;
  const [left, right] = [m.actualBoundingBoxLeft, m.actualBoundingBoxRight];
  const [up, down] = [m.actualBoundingBoxAscent, m.actualBoundingBoxDescent];
  // Turned a quarter anticlockwise about (x, y): the text runs upwards, its top faces left.
  if (rotated) out.push([t, r(x - up), r(y - right), r(up + down), r(left + right)]);
  else out.push([t, r(x - left), r(y - up), r(left + right), r(up + down)]);
}

/** Draws axes, cells and legend onto `ctx` of a canvas `w`×`h` CSS px; returns the plot rect. */
export function heatmapDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  b: FlowBuffer,
  cells: HeatCells,
): { x: number; y: number; w: number; h: number; labels: HeatLabels } {
  const k = chartTextScale();
  const font = Math.round(12 * k);
  const labels: HeatLabels = { layers: [], steps: [], legend: [], titles: [], font, boxes: [] };
  const { boxes } = labels;
  const m = HEAT_MARGIN;
  const plot = {
    x: m.left * k,
    y: m.top * k,
    w: Math.max(10, w - (m.left + m.right) * k),
    h: Math.max(10, h - (m.top + m.bottom) * k),
  };
  const extent = heatExtent(b);
  ctx.clearRect(0, 0, w, h);
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  if (b.count > 0 && cells.image) {
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells.canvas, 0, 0, extent, b.layers, plot.x, plot.y, plot.w, plot.h);
  } else {
    ctx.fillStyle = MUTED;
    ctx.textAlign = 'center';
    ctx.fillText('Waiting for the first step…', plot.x + plot.w / 2, plot.y + plot.h / 2);
  }
  ctx.strokeStyle = LINE;
  ctx.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);

  // Layer axis: 1 (input side) at the top … depth + 1 (output layer) at the bottom.
  const rowH = plot.h / b.layers;
  const every = Math.max(1, Math.ceil((16 * k) / rowH));
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'right';
  // Every `every`-th layer, and always the output layer (dropping a label that would crowd it).
  for (let l = 0; l < b.layers; l++)
    if (l === b.layers - 1 || (l % every === 0 && b.layers - 1 - l >= every)) {
      textAt(ctx, String(l + 1), plot.x - 6 * k, plot.y + (l + 0.5) * rowH, boxes);
      labels.layers.push(String(l + 1));
    }
  // The longest title that fits the canvas's height, centred on the plot where it can be.
  const title = LAYER_TITLES.find((t) => ctx.measureText(t).width <= h - 4) ?? LAYER_TITLES.at(-1)!;
  const half = ctx.measureText(title).width / 2;
  const cy = Math.min(Math.max(plot.y + plot.h / 2, half + 2), h - half - 2);
  ctx.save();
  ctx.translate(14 * k, cy);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillStyle = MUTED;
  const turned: TextBox[] = [];
  textAt(ctx, title, 0, 0, turned, true);
  ctx.restore();
  for (const [t, x, y, bw, bh] of turned) boxes.push([t, x + 14 * k, y + cy, bw, bh]);
  labels.titles.push(title);

  // Step axis.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of stepTicks(extent)) {
    // Step t is the t-th column; its label sits under the column's centre.
    const x = plot.x + ((t - 0.5) / extent) * plot.w;
    ctx.fillStyle = LINE;
    ctx.fillRect(x, plot.y + plot.h, 1, 4 * k);
    ctx.fillStyle = MUTED;
    textAt(ctx, String(t), x, plot.y + plot.h + 6 * k, boxes);
    labels.steps.push(String(t));
  }
  textAt(ctx, 'training step', plot.x + plot.w / 2, plot.y + plot.h + 21 * k, boxes);
  labels.titles.push('training step');

  labels.legend = legendDraw(ctx, plot.x + plot.w + 16 * k, plot.y, plot.h, b, boxes);
  labels.titles.push(LEGEND_TITLE);
  return { ...plot, labels };
}

/** The layer axis's title, shorter where the heat map is too low for the full one. */
const LAYER_TITLES = ['weight layer (input → output)', 'weight layer', 'layer'];

/** The colour bar's title: what its colours stand for. */
const LEGEND_TITLE = '‖∂L/∂W‖';

/**
 * The colour bar (log₁₀ norm) with decade ticks under its title, and swatches for 0 and NaN/∞.
 * Returns the tick labels it drew.
 */
function legendDraw(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  h: number,
  b: FlowBuffer,
  boxes: TextBox[],
): string[] {
  const k = chartTextScale();
  const out: string[] = [];
  const text = (t: string, tx: number, ty: number) => {
    textAt(ctx, t, tx, ty, boxes);
    out.push(t);
  };
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  textAt(ctx, LEGEND_TITLE, x, y - 13 * k, boxes);
  const barH = Math.max(20, h - 44 * k);
  const [bar, gap] = [12 * k, 16 * k];
  const { logMin: lo, logMax: hi } = b;
  const rgb = [0, 0, 0];
  for (let i = 0; i < barH; i++) {
    colormapViridis(1 - i / (barH - 1), rgb);
    ctx.fillStyle = `rgb(${rgb[0] * 255},${rgb[1] * 255},${rgb[2] * 255})`;
    ctx.fillRect(x, y + i, bar, 1);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  if (hi >= lo) {
    const k0 = Math.ceil(lo);
    const k1 = Math.floor(hi);
    const at = (v: number) => y + (hi > lo ? 1 - (v - lo) / (hi - lo) : 0.5) * (barH - 1);
    if (k1 - k0 >= 1) {
      // At most 7 labels, and no closer than 1.4 lines of text.
      const fit = Math.max(1, Math.floor(barH / (1.4 * 12 * k)));
      const every = Math.max(1, Math.ceil((k1 - k0 + 1) / Math.min(7, fit)));
      for (let d = k0; d <= k1; d += every) text(pow10Label(d), x + gap, at(d));
    } else {
      // Less than two decades: label the ends with their values.
      text((10 ** hi).toExponential(1), x + gap, y + 6 * k);
      if (hi > lo) text((10 ** lo).toExponential(1), x + gap, y + barH - 6 * k);
    }
  } else {
    textAt(ctx, 'no data', x + gap, y + barH / 2, boxes);
  }
  const sw = (yy: number, rgbS: readonly number[], label: string) => {
    ctx.fillStyle = `rgb(${rgbS[0]},${rgbS[1]},${rgbS[2]})`;
    ctx.fillRect(x, yy, bar, bar);
    ctx.strokeStyle = LINE;
    ctx.strokeRect(x - 0.5, yy - 0.5, bar + 1, bar + 1);
    ctx.fillStyle = MUTED;
    textAt(ctx, label, x + gap, yy + bar / 2, boxes);
  };
  sw(y + barH + 10 * k, ZERO_RGB, '0');
  sw(y + barH + 28 * k, NONFINITE_RGB, 'NaN / ∞');
  return out;
}
