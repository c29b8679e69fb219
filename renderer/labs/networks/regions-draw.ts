/**
 * Drawing of the output plane: the head's output on the 100×100 grid behind the points (train
 * points filled, test points as rings), with ticks on x₁ and x₂. Pure canvas code, sized by the
 * chart text scale.
 */
import type { NetPoints } from '../../../core/ml/net-data';
import type { NetOutputId } from '../../../core/ml/net-model';
import { canvas2d } from '../../components/gl-quality';
import { chartTextPx } from '../../components/text-scale';
import { CLASS_COLORS, regionsPaint, signedOf } from './colors';

export interface PlaneBox {
  left: number;
  top: number;
  size: number;
}

/** The square plot inside a w×h canvas, leaving room for ticks on the left and bottom. */
export function planeBox(w: number, h: number): PlaneBox {
  const pad = chartTextPx(11) * 2.4;
  const size = Math.max(10, Math.min(w - pad - 6, h - pad - 6));
  return { left: pad, top: 6, size };
}

/** Plane coordinates (−6 … 6) of a pixel, or null outside the plot. */
export function planeAt(box: PlaneBox, px: number, py: number): [number, number] | null {
  const u = (px - box.left) / box.size;
  const v = (py - box.top) / box.size;
  if (u < 0 || u > 1 || v < 0 || v > 1) return null;
  return [-6 + 12 * u, 6 - 12 * v];
}

/** The 100×100 output image (drawn by the page, not the GPU process: see canvas2d). */
let scratch: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; img: ImageData } | null =
  null;

function gridImage(grid: RegionGrid): HTMLCanvasElement | null {
  if (!scratch || scratch.img.width !== grid.res) {
    const canvas = document.createElement('canvas');
    canvas.width = grid.res;
    canvas.height = grid.res;
    const ctx = canvas2d(canvas);
    if (!ctx) return null;
    scratch = { canvas, ctx, img: ctx.createImageData(grid.res, grid.res) };
  }
  regionsPaint(grid.values, grid.res * grid.res, grid.outDim, grid.output, scratch.img.data);
  scratch.ctx.putImageData(scratch.img, 0, 0);
  return scratch.canvas;
}

/**
 * The points, the frame, ticks and axis names: they change with the data and the size, not while
 * training, so they are drawn once onto a layer of their own and copied onto every new picture
 * (500 points were 1,000 path fills and strokes per redraw).
 */
let layer: { canvas: HTMLCanvasElement; key: unknown[] } | null = null;

function pointsLayer(
  w: number,
  h: number,
  box: PlaneBox,
  points: NetPoints,
  test: Set<number>,
): HTMLCanvasElement | null {
  const dpr = window.devicePixelRatio || 1;
  const key = [w, h, dpr, points, test, chartTextPx(11)];
  if (layer && layer.key.every((v, i) => v === key[i])) return layer.canvas;
  const canvas = layer?.canvas ?? document.createElement('canvas');
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  const ctx = canvas2d(canvas);
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  pointsDraw(ctx, box, points, test);
  layer = { canvas, key };
  return canvas;
}

function pointsDraw(
  ctx: CanvasRenderingContext2D,
  box: PlaneBox,
  points: NetPoints,
  test: Set<number>,
): void {
  const X = (a: number) => box.left + ((a + 6) / 12) * box.size;
  const Y = (b: number) => box.top + ((6 - b) / 12) * box.size;
  const r = Math.max(2.5, box.size / 110);
  for (let i = 0; i < points.n; i++) {
    const v = points.y[i];
    const color =
      points.task === 'classification'
        ? CLASS_COLORS[v % CLASS_COLORS.length]
        : signedOf('linear', v) < 0
          ? CLASS_COLORS[0]
          : CLASS_COLORS[1];
    ctx.beginPath();
    ctx.arc(X(points.x[2 * i]), Y(points.x[2 * i + 1]), r, 0, 2 * Math.PI);
    if (test.has(i)) {
      ctx.lineWidth = 1.8;
      ctx.strokeStyle = color;
      ctx.stroke();
    } else {
      ctx.fillStyle = color;
      ctx.fill();
      ctx.lineWidth = 1;
      ctx.strokeStyle = '#f4f6fb';
      ctx.stroke();
    }
  }
  const fs = chartTextPx(11);
  ctx.strokeStyle = '#2a3550';
  ctx.lineWidth = 1;
  ctx.strokeRect(box.left, box.top, box.size, box.size);
  ctx.fillStyle = '#9aa6c0';
  ctx.font = `${fs}px sans-serif`;
  for (const t of [-6, -3, 0, 3, 6]) {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.fillText(String(t), X(t), box.top + box.size + 3);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(t), box.left - 4, Y(t));
  }
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('x₁', box.left + box.size - fs, box.top + box.size + 3 + fs);
  ctx.textBaseline = 'middle';
  ctx.fillText('x₂', 2, box.top + fs / 2);
}

export interface RegionGrid {
  values: ArrayLike<number>;
  res: number;
  outDim: number;
  output: NetOutputId;
}

export function regionsDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  grid: RegionGrid | null,
  points: NetPoints,
  test: Set<number>,
): PlaneBox {
  const box = planeBox(w, h);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#0f1420';
  ctx.fillRect(box.left, box.top, box.size, box.size);
  const image = grid ? gridImage(grid) : null;
  if (image) {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, box.left, box.top, box.size, box.size);
  }
  const top = pointsLayer(w, h, box, points, test);
  if (top) ctx.drawImage(top, 0, 0, w, h);
  else pointsDraw(ctx, box, points, test);
  return box;
}
