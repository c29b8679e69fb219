/** Canvas glyphs for the plane view: arrows, axes with ticks, point markers and text labels. */
import type { RegBox } from '../../../core/ml/regularization-geometry';

export const PLANE_BG = '#0f1420';

/** The part of planeLayout the glyphs need. */
export interface PlaneAxesLayout {
  size: number;
  ox: number;
  oy: number;
  px(x: number): number;
  py(y: number): number;
}

/** An arrow from (x, y) in pixel direction (dx, dy) of length len. */
export function arrow(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  dx: number,
  dy: number,
  len: number,
  color: string,
) {
  const norm = Math.hypot(dx, dy);
  if (!(norm > 0)) return;
  const ux = dx / norm;
  const uy = dy / norm;
  const ex = x + ux * len;
  const ey = y + uy * len;
  const head = () => {
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - ux * 11 - uy * 5, ey - uy * 11 + ux * 5);
    ctx.lineTo(ex - ux * 11 + uy * 5, ey - uy * 11 - ux * 5);
    ctx.closePath();
  };
  // A dark halo first, so the arrow reads over ellipses and the region.
  for (const [stroke, width] of [
    [PLANE_BG, 5],
    [color, 2.5],
  ] as const) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(ex - ux * 8, ey - uy * 8);
    ctx.stroke();
    head();
    if (stroke === PLANE_BG) ctx.stroke();
  }
  ctx.fillStyle = color;
  ctx.fill();
}

/** What axes() wrote: tick labels of each axis and the two axis titles (for tests and tools). */
export interface PlaneAxesText {
  x: string[];
  y: string[];
  titles: string[];
}

/** A tick value with a true minus sign. */
export const tickText = (v: number) => (v < 0 ? `−${-v}` : String(v));

/** Grid lines at whole numbers with their values on both axes, and the axis titles w₁, w₂. */
export function axes(
  ctx: CanvasRenderingContext2D,
  L: PlaneAxesLayout,
  box: RegBox,
): PlaneAxesText {
  const text: PlaneAxesText = { x: [], y: [], titles: ['w₁', 'w₂'] };
  ctx.strokeStyle = '#222a3d';
  ctx.lineWidth = 1;
  ctx.fillStyle = '#9aa6c0';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  for (let v = Math.ceil(box.xMin); v <= box.xMax; v++) {
    ctx.beginPath();
    ctx.moveTo(L.px(v), L.oy);
    ctx.lineTo(L.px(v), L.oy + L.size);
    ctx.moveTo(L.ox, L.py(v));
    ctx.lineTo(L.ox + L.size, L.py(v));
    ctx.stroke();
    // Tick marks outside the plot, then the values.
    ctx.beginPath();
    ctx.moveTo(L.px(v), L.oy + L.size);
    ctx.lineTo(L.px(v), L.oy + L.size + 4);
    ctx.moveTo(L.ox - 4, L.py(v));
    ctx.lineTo(L.ox, L.py(v));
    ctx.stroke();
    ctx.fillText(tickText(v), L.px(v), L.oy + L.size + 15);
    ctx.textAlign = 'right';
    ctx.fillText(tickText(v), L.ox - 6, L.py(v) + 4);
    ctx.textAlign = 'center';
    text.x.push(tickText(v));
    text.y.push(tickText(v));
  }
  ctx.strokeStyle = '#6b7794';
  ctx.beginPath();
  ctx.moveTo(L.px(0), L.oy);
  ctx.lineTo(L.px(0), L.oy + L.size);
  ctx.moveTo(L.ox, L.py(0));
  ctx.lineTo(L.ox + L.size, L.py(0));
  ctx.stroke();
  ctx.font = 'italic 13px system-ui, sans-serif';
  ctx.fillText('w₁', L.ox + L.size / 2, L.oy + L.size + 28);
  ctx.fillText('w₂', L.ox - 34, L.oy + L.size / 2 + 4);
  return text;
}

export function marker(
  ctx: CanvasRenderingContext2D,
  kind: 'cross' | 'diamond' | 'dot',
  x: number,
  y: number,
  color: string,
) {
  ctx.lineWidth = 2;
  ctx.strokeStyle = kind === 'cross' ? color : '#ffffff';
  ctx.fillStyle = color;
  ctx.beginPath();
  if (kind === 'cross') {
    ctx.moveTo(x - 6, y - 6);
    ctx.lineTo(x + 6, y + 6);
    ctx.moveTo(x + 6, y - 6);
    ctx.lineTo(x - 6, y + 6);
    ctx.stroke();
    return;
  }
  if (kind === 'diamond') {
    ctx.moveTo(x, y - 8);
    ctx.lineTo(x + 7, y);
    ctx.lineTo(x, y + 8);
    ctx.lineTo(x - 7, y);
    ctx.closePath();
  } else ctx.arc(x, y, 6, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

export function label(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  color: string,
) {
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'left';
  const w = ctx.measureText(text).width;
  ctx.fillStyle = 'rgba(15,20,32,0.8)';
  ctx.fillRect(x - 3, y - 12, w + 6, 16);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}
