/**
 * Drawing of the output plane: the head's output on the 100×100 grid behind the points (train
 * points filled, test points as rings), with ticks on x₁ and x₂. Pure canvas code, sized by the
 * chart text scale.
 */
import type { NetPoints } from '../../../core/ml/net-data';
import type { NetOutputId } from '../../../core/ml/net-model';
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

let scratch: HTMLCanvasElement | null = null;

export function regionsDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  grid: { values: ArrayLike<number>; res: number; outDim: number; output: NetOutputId } | null,
  points: NetPoints,
  test: Set<number>,
): PlaneBox {
  const box = planeBox(w, h);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = '#0f1420';
  ctx.fillRect(box.left, box.top, box.size, box.size);
  if (grid) {
    scratch ??= document.createElement('canvas');
    scratch.width = grid.res;
    scratch.height = grid.res;
    const sctx = scratch.getContext('2d');
    if (sctx) {
      const img = sctx.createImageData(grid.res, grid.res);
      regionsPaint(grid.values, grid.res * grid.res, grid.outDim, grid.output, img.data);
      sctx.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(scratch, box.left, box.top, box.size, box.size);
    }
  }
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
  return box;
}
