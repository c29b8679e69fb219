/**
 * Canvas glyphs for the plane view: arrows, axes with ticks, point markers and text labels.
 * Text, markers and their offsets grow with the chart text scale (renderer/components/text-scale)
 * read when drawing: 1 on the desktop, about 1.8 while presenting on a 1080-pixel screen.
 */
import type { RegBox } from '../../../core/ml/regularization-geometry';
import { chartTextScale } from '../../components/text-scale';

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
  const k = chartTextScale();
  const [hl, hw] = [11 * k, 5 * k];
  const head = () => {
    ctx.beginPath();
    ctx.moveTo(ex, ey);
    ctx.lineTo(ex - ux * hl - uy * hw, ey - uy * hl + ux * hw);
    ctx.lineTo(ex - ux * hl + uy * hw, ey - uy * hl - ux * hw);
    ctx.closePath();
  };
  // A dark halo first, so the arrow reads over ellipses and the region.
  for (const [stroke, width] of [
    [PLANE_BG, 5 * k],
    [color, 2.5 * k],
  ] as const) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(ex - ux * 8 * k, ey - uy * 8 * k);
    ctx.stroke();
    head();
    if (stroke === PLANE_BG) ctx.stroke();
  }
  ctx.fillStyle = color;
  ctx.fill();
}

/** A text's box on the canvas in CSS px: [text, left, top, width, height]. */
export type TextBox = [string, number, number, number, number];

/**
 * What axes() wrote (for tests and tools): tick labels of each axis, the two axis titles, the
 * tick text size in px and the box of every piece of axis text.
 */
export interface PlaneAxesText {
  x: string[];
  y: string[];
  titles: string[];
  font: number;
  boxes: TextBox[];
}

/** fillText with the current font and alignment, recording where the text landed. */
function textAt(ctx: CanvasRenderingContext2D, t: string, x: number, y: number, out: TextBox[]) {
  ctx.fillText(t, x, y);
  const m = ctx.measureText(t);
  const r = (v: number) => Math.round(v * 10) / 10;
  out.push([
    t,
    r(x - m.actualBoundingBoxLeft),
    r(y - m.actualBoundingBoxAscent),
    r(m.actualBoundingBoxLeft + m.actualBoundingBoxRight),
    r(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent),
  ]);
}

/** A tick value with a true minus sign. */
export const tickText = (v: number) => (v < 0 ? `−${-v}` : String(v));

/** Grid lines at whole numbers with their values on both axes, and the axis titles w₁, w₂. */
export function axes(
  ctx: CanvasRenderingContext2D,
  L: PlaneAxesLayout,
  box: RegBox,
): PlaneAxesText {
  const k = chartTextScale();
  const font = Math.round(11 * k);
  const text: PlaneAxesText = { x: [], y: [], titles: ['w₁', 'w₂'], font, boxes: [] };
  ctx.strokeStyle = '#222a3d';
  ctx.lineWidth = 1;
  ctx.fillStyle = '#9aa6c0';
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
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
    ctx.lineTo(L.px(v), L.oy + L.size + 4 * k);
    ctx.moveTo(L.ox - 4 * k, L.py(v));
    ctx.lineTo(L.ox, L.py(v));
    ctx.stroke();
    textAt(ctx, tickText(v), L.px(v), L.oy + L.size + 15 * k, text.boxes);
    ctx.textAlign = 'right';
    textAt(ctx, tickText(v), L.ox - 6 * k, L.py(v) + 4 * k, text.boxes);
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
  ctx.font = `italic ${Math.round(13 * k)}px system-ui, sans-serif`;
  textAt(ctx, 'w₁', L.ox + L.size / 2, L.oy + L.size + 28 * k, text.boxes);
  textAt(ctx, 'w₂', L.ox - 34 * k, L.oy + L.size / 2 + 4 * k, text.boxes);
  return text;
}

export function marker(
  ctx: CanvasRenderingContext2D,
  kind: 'cross' | 'diamond' | 'dot',
  x: number,
  y: number,
  color: string,
) {
  const k = chartTextScale();
  ctx.lineWidth = 2 * Math.sqrt(k);
  ctx.strokeStyle = kind === 'cross' ? color : '#ffffff';
  ctx.fillStyle = color;
  ctx.beginPath();
  if (kind === 'cross') {
    const c = 6 * k;
    ctx.moveTo(x - c, y - c);
    ctx.lineTo(x + c, y + c);
    ctx.moveTo(x + c, y - c);
    ctx.lineTo(x - c, y + c);
    ctx.stroke();
    return;
  }
  if (kind === 'diamond') {
    ctx.moveTo(x, y - 8 * k);
    ctx.lineTo(x + 7 * k, y);
    ctx.lineTo(x, y + 8 * k);
    ctx.lineTo(x - 7 * k, y);
    ctx.closePath();
  } else ctx.arc(x, y, 6 * k, 0, 2 * Math.PI);
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
  const k = chartTextScale();
  ctx.font = `${Math.round(12 * k)}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const w = ctx.measureText(text).width;
  ctx.fillStyle = 'rgba(15,20,32,0.8)';
  ctx.fillRect(x - 3 * k, y - 12 * k, w + 6 * k, 16 * k);
  ctx.fillStyle = color;
  ctx.fillText(text, x, y);
}
