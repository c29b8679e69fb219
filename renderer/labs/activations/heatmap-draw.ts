/**
 * Canvas 2D drawing of the gradient heat map: one cell per (step, weight layer), coloured by
 * log₁₀‖∂L/∂W_l‖ on viridis between the smallest and largest norm seen so far; a norm of exactly 0
 * is black and a NaN/∞ norm vermillion. Input-side layer on top, output layer at the bottom.
 */
import { colormapViridis } from '../../components/colormap';
import type { FlowBuffer } from './flow-buffer';

/** Space around the plot (CSS px) for the layer axis, the step axis and the legend. */
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
  cells.canvas.getContext('2d')?.putImageData(image, 0, 0);
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

/** The text drawn on the heat map's axes and colour bar (for tests and tools). */
export interface HeatLabels {
  layers: string[];
  steps: string[];
  legend: string[];
  titles: string[];
}

/** Draws axes, cells and legend onto `ctx` of a canvas `w`×`h` CSS px; returns the plot rect. */
export function heatmapDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  b: FlowBuffer,
  cells: HeatCells,
): { x: number; y: number; w: number; h: number; labels: HeatLabels } {
  const labels: HeatLabels = { layers: [], steps: [], legend: [], titles: [] };
  const m = HEAT_MARGIN;
  const plot = {
    x: m.left,
    y: m.top,
    w: Math.max(10, w - m.left - m.right),
    h: Math.max(10, h - m.top - m.bottom),
  };
  const extent = heatExtent(b);
  ctx.clearRect(0, 0, w, h);
  ctx.font = '12px system-ui, sans-serif';
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
  const every = Math.max(1, Math.ceil(16 / rowH));
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'right';
  // Every `every`-th layer, and always the output layer (dropping a label that would crowd it).
  for (let l = 0; l < b.layers; l++)
    if (l === b.layers - 1 || (l % every === 0 && b.layers - 1 - l >= every)) {
      ctx.fillText(String(l + 1), plot.x - 6, plot.y + (l + 0.5) * rowH);
      labels.layers.push(String(l + 1));
    }
  ctx.save();
  ctx.translate(14, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillStyle = MUTED;
  ctx.fillText('weight layer (input → output)', 0, 0);
  ctx.restore();
  labels.titles.push('weight layer (input → output)');

  // Step axis.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of stepTicks(extent)) {
    // Step t is the t-th column; its label sits under the column's centre.
    const x = plot.x + ((t - 0.5) / extent) * plot.w;
    ctx.fillStyle = LINE;
    ctx.fillRect(x, plot.y + plot.h, 1, 4);
    ctx.fillStyle = MUTED;
    ctx.fillText(String(t), x, plot.y + plot.h + 6);
    labels.steps.push(String(t));
  }
  ctx.fillText('training step', plot.x + plot.w / 2, plot.y + plot.h + 21);
  labels.titles.push('training step');

  labels.legend = legendDraw(ctx, plot.x + plot.w + 16, plot.y, plot.h, b);
  labels.titles.push(LEGEND_TITLE);
  return { ...plot, labels };
}

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
): string[] {
  const out: string[] = [];
  const text = (t: string, tx: number, ty: number) => {
    ctx.fillText(t, tx, ty);
    out.push(t);
  };
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  ctx.fillText(LEGEND_TITLE, x, y - 13);
  const barH = Math.max(20, h - 44);
  const { logMin: lo, logMax: hi } = b;
  const rgb = [0, 0, 0];
  for (let i = 0; i < barH; i++) {
    colormapViridis(1 - i / (barH - 1), rgb);
    ctx.fillStyle = `rgb(${rgb[0] * 255},${rgb[1] * 255},${rgb[2] * 255})`;
    ctx.fillRect(x, y + i, 12, 1);
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = MUTED;
  if (hi >= lo) {
    const k0 = Math.ceil(lo);
    const k1 = Math.floor(hi);
    const at = (v: number) => y + (hi > lo ? 1 - (v - lo) / (hi - lo) : 0.5) * (barH - 1);
    if (k1 - k0 >= 1) {
      const every = Math.max(1, Math.ceil((k1 - k0 + 1) / 7));
      for (let k = k0; k <= k1; k += every) text(pow10Label(k), x + 16, at(k));
    } else {
      // Less than two decades: label the ends with their values.
      text((10 ** hi).toExponential(1), x + 16, y + 6);
      if (hi > lo) text((10 ** lo).toExponential(1), x + 16, y + barH - 6);
    }
  } else {
    ctx.fillText('no data', x + 16, y + barH / 2);
  }
  const sw = (yy: number, rgbS: readonly number[], label: string) => {
    ctx.fillStyle = `rgb(${rgbS[0]},${rgbS[1]},${rgbS[2]})`;
    ctx.fillRect(x, yy, 12, 12);
    ctx.strokeStyle = LINE;
    ctx.strokeRect(x - 0.5, yy - 0.5, 13, 13);
    ctx.fillStyle = MUTED;
    ctx.fillText(label, x + 16, yy + 6);
  };
  sw(y + barH + 10, ZERO_RGB, '0');
  sw(y + barH + 28, NONFINITE_RGB, 'NaN / ∞');
  return out;
}
