/**
 * Canvas drawing of the (w₁, w₂) plane: loss ellipses, the constraint region, the least-squares
 * fit ŵ, the true weights w°, the constrained optimum w*(t) with its tangent ellipse, −∇L and the region's
 * normal (or cone of normals at a corner). Pure drawing from a RegLabModel; no math of its own
 * beyond mapping plane coordinates to pixels.
 */
import { contourSegments } from '../../../core/math/contours';
import type { RegBox } from '../../../core/ml/regularization-geometry';
import { chartTextScale } from '../../components/text-scale';
import { PLANE_GRID, type RegLabModel } from '../../../core/labs/regularization/model';
import { OKABE } from './colors';
import { W_LS, W_OPT, W_TRUE } from './names';
import { arrow, axes, label, marker, PLANE_BG, type PlaneAxesText } from './plane-glyphs';

/** Room for the axes' text around the plot, in px on the desktop (it grows with the text). */
const MARGIN = { left: 44, right: 10, top: 10, bottom: 34 };

/**
 * Square plot area inside a w×h canvas and the maps between plane and pixel coordinates (the
 * margins follow the chart text scale at the time of the call: drawing and pointer events agree).
 */
export function planeLayout(w: number, h: number, box: RegBox) {
  const k = chartTextScale();
  const [left, right, top, bottom] = [MARGIN.left, MARGIN.right, MARGIN.top, MARGIN.bottom].map(
    (v) => v * k,
  );
  const size = Math.max(10, Math.min(w - left - right, h - top - bottom));
  const ox = left + (w - left - right - size) / 2;
  const oy = top + (h - top - bottom - size) / 2;
  const sx = size / (box.xMax - box.xMin);
  const sy = size / (box.yMax - box.yMin);
  return {
    size,
    ox,
    oy,
    px: (x: number) => ox + (x - box.xMin) * sx,
    py: (y: number) => oy + (box.yMax - y) * sy,
    fromPx: (X: number, Y: number): [number, number] => [
      box.xMin + (X - ox) / sx,
      box.yMax - (Y - oy) / sy,
    ],
  };
}
type Layout = ReturnType<typeof planeLayout>;

function contour(ctx: CanvasRenderingContext2D, L: Layout, values: Float64Array, level: number) {
  const n = PLANE_GRID;
  const segs = contourSegments(values, n, level);
  const f = L.size / (n - 1);
  ctx.beginPath();
  for (let k = 0; k < segs.length; k += 4) {
    ctx.moveTo(L.ox + segs[k] * f, L.oy + L.size - segs[k + 1] * f);
    ctx.lineTo(L.ox + segs[k + 2] * f, L.oy + L.size - segs[k + 3] * f);
  }
  ctx.stroke();
}

/** Draws the whole plane view into a canvas of CSS size w×h; returns the axes' text. */
export function planeDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  m: RegLabModel,
): PlaneAxesText & { points: string[] } {
  const L = planeLayout(w, h, m.box);
  const k = chartTextScale();
  ctx.fillStyle = PLANE_BG;
  ctx.fillRect(0, 0, w, h);
  const axesText = axes(ctx, L, m.box);
  ctx.save();
  ctx.beginPath();
  ctx.rect(L.ox, L.oy, L.size, L.size);
  ctx.clip();
  // Region.
  ctx.beginPath();
  for (let k = 0; k < m.region.length; k += 2) ctx.lineTo(L.px(m.region[k]), L.py(m.region[k + 1]));
  ctx.closePath();
  ctx.fillStyle = 'rgba(230,159,0,0.2)';
  ctx.fill();
  ctx.strokeStyle = OKABE.orange;
  ctx.lineWidth = 2.5 * Math.sqrt(k);
  ctx.stroke();
  // Ellipses, then the one through the optimum.
  ctx.strokeStyle = 'rgba(86,180,233,0.5)';
  ctx.lineWidth = 1.2;
  for (const level of m.lossLevels) contour(ctx, L, m.lossGrid, level);
  const sol = m.solution;
  if (sol.active) {
    ctx.strokeStyle = OKABE.sky;
    ctx.lineWidth = 2.5 * Math.sqrt(k);
    contour(ctx, L, m.lossGrid, m.lossAtOptimum);
  }
  const [ox, oy] = [L.px(sol.w[0]), L.py(sol.w[1])];
  if (sol.active && sol.lambda > 0 && Number.isFinite(sol.lambda)) {
    const e = m.normalEdges;
    const a1 = Math.atan2(-e[1], e[0]);
    const a2 = Math.atan2(-e[3], e[2]);
    const cone = a1 !== a2 && !(sol.zeros[0] && sol.zeros[1]);
    if (cone) {
      // The cone of normals at a corner: the wedge between its two edges (less than 180°).
      let d = a2 - a1;
      if (d > Math.PI) d -= 2 * Math.PI;
      if (d < -Math.PI) d += 2 * Math.PI;
      ctx.fillStyle = 'rgba(204,121,167,0.22)';
      ctx.beginPath();
      ctx.moveTo(ox, oy);
      ctx.arc(ox, oy, 56 * k, a1, a1 + d, d < 0);
      ctx.closePath();
      ctx.fill();
    }
    // −∇L first and longer: off the corners the normal is parallel to it and drawn on top.
    arrow(ctx, ox, oy, -m.gradient[0], m.gradient[1], 84 * k, OKABE.yellow);
    if (cone) {
      arrow(ctx, ox, oy, e[0], -e[1], 56 * k, OKABE.purple);
      arrow(ctx, ox, oy, e[2], -e[3], 56 * k, OKABE.purple);
    } else if (a1 === a2) arrow(ctx, ox, oy, e[0], -e[1], 44 * k, OKABE.purple);
  }
  marker(ctx, 'cross', L.px(m.ols[0]), L.py(m.ols[1]), '#ffffff');
  label(ctx, W_LS, L.px(m.ols[0]) + 9 * k, L.py(m.ols[1]) - 8 * k, '#ffffff');
  const [tx, ty] = m.params.trueWeights;
  marker(ctx, 'diamond', L.px(tx), L.py(ty), OKABE.green);
  label(ctx, W_TRUE, L.px(tx) + 10 * k, L.py(ty) + 16 * k, OKABE.green);
  marker(ctx, 'dot', ox, oy, OKABE.vermillion);
  label(ctx, W_OPT, ox - 46 * k, oy - 10 * k, OKABE.vermillion);
  const zeroText =
    sol.zeros[0] && sol.zeros[1]
      ? 'w = 0 exactly'
      : sol.zeros[0]
        ? 'w₁ = 0 exactly'
        : sol.zeros[1]
          ? 'w₂ = 0 exactly'
          : '';
  if (zeroText && sol.active) {
    ctx.strokeStyle = OKABE.vermillion;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(ox, oy, 11 * k, 0, 2 * Math.PI);
    ctx.stroke();
    label(ctx, zeroText, ox + 14 * k, oy + 22 * k, OKABE.vermillion);
  }
  ctx.restore();
  return { ...axesText, points: [W_LS, W_TRUE, W_OPT] };
}
