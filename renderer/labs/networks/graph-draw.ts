/**
 * Drawing of the network graph: edges whose width grows with |w| (blue positive, orange
 * negative, as on the plane), and on every neuron a small heat map of what it computes over the
 * plane — inputs their feature, hidden neurons their activation, outputs the head's value.
 */
import type { NetOutputId } from '../../../core/ml/net-model';
import { canvas2d } from '../../components/gl-quality';
import { chartTextPx } from '../../components/text-scale';
import { CLASS_COLORS, regionsPaint, shadeClass, shadeSigned } from './colors';
import type { GraphLayout, LayerOffsets } from './graph-layout';
import type { NetHover } from './store';

/**
 * The res×res canvas each neuron's map is painted on before it is scaled onto the graph, kept with
 * its pixels; drawn by the page (canvas2d): a map uploaded to the GPU process and copied back into
 * a page-drawn graph waited for that process, busy compositing on the same CPU, once per neuron.
 */
let tile: { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D; img: ImageData } | null =
  null;

function heat(
  ctx: CanvasRenderingContext2D,
  res: number,
  x: number,
  y: number,
  size: number,
  paint: (img: Uint8ClampedArray) => void,
) {
  if (!tile || tile.img.width !== res) {
    const canvas = document.createElement('canvas');
    canvas.width = res;
    canvas.height = res;
    const t = canvas2d(canvas);
    if (!t) return;
    tile = { canvas, ctx: t, img: t.createImageData(res, res) };
  }
  paint(tile.img.data);
  tile.ctx.putImageData(tile.img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(tile.canvas, x - size / 2, y - size / 2, size, size);
}

export interface GraphData {
  params: Float64Array | null;
  offsets: LayerOffsets[];
  /** Neuron maps per column (column 0: inputs), res² each; null before the first frame. */
  maps: (ArrayLike<number> | null)[][];
  res: number;
  output: NetOutputId;
  outDim: number;
  /** Column titles, a second line per column ('' for none: batch norm, dropout), input names. */
  labels: { columns: string[]; marks: string[]; inputs: string[] };
  hover: NetHover | null;
}

export function graphDraw(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  g: GraphLayout,
  d: GraphData,
): void {
  ctx.clearRect(0, 0, w, h);
  const half = g.size / 2;
  const cols = g.nodes.length;
  for (let c = 0; c + 1 < cols; c++) {
    const a = g.nodes[c];
    const b = g.nodes[c + 1];
    const off = d.offsets[c];
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        const v = d.params ? d.params[off.w + i * b.length + j] : 0;
        const hot =
          d.hover?.kind === 'edge' && d.hover.layer === c && d.hover.from === i && d.hover.to === j;
        ctx.strokeStyle = hot ? '#ffffff' : v >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0];
        ctx.globalAlpha = hot ? 1 : Math.min(0.9, 0.25 + Math.abs(v) * 0.4);
        ctx.lineWidth = hot ? 3 : Math.max(0.5, Math.min(7, Math.abs(v) * 2.2));
        ctx.beginPath();
        ctx.moveTo(a[i].x + half, a[i].y);
        ctx.lineTo(b[j].x - half, b[j].y);
        ctx.stroke();
      }
    }
  }
  ctx.globalAlpha = 1;
  const fs = chartTextPx(11);
  ctx.font = `${fs}px sans-serif`;
  for (let c = 0; c < cols; c++) {
    const last = c === cols - 1;
    g.nodes[c].forEach((n, j) => {
      const map = d.maps[c][j];
      ctx.fillStyle = '#0f1420';
      ctx.fillRect(n.x - half, n.y - half, g.size, g.size);
      if (map) {
        const paint = (img: Uint8ClampedArray) => {
          const cells = d.res * d.res;
          if (last && d.outDim > 1) {
            // One class's probability: that class's colour by how likely it is.
            for (let s = 0; s < cells; s++) shadeClass(img, 4 * s, j, map[s]);
          } else if (last) regionsPaint(map, cells, 1, d.output, img);
          else
            for (let s = 0; s < cells; s++)
              shadeSigned(img, 4 * s, Math.max(-1, Math.min(1, map[s])), 0.85);
        };
        heat(ctx, d.res, n.x, n.y, g.size, paint);
      }
      const hot = d.hover?.kind === 'neuron' && d.hover.layer === c && d.hover.unit === j;
      ctx.strokeStyle = hot
        ? '#ffffff'
        : last && d.outDim > 1
          ? CLASS_COLORS[j % CLASS_COLORS.length]
          : '#5a6788';
      ctx.lineWidth = hot ? 2.5 : 1;
      ctx.strokeRect(n.x - half, n.y - half, g.size, g.size);
      if (c === 0) {
        ctx.fillStyle = '#e6ebf5';
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(d.labels.inputs[j] ?? '', n.x - half - 4, n.y);
      }
    });
    ctx.fillStyle = '#9aa6c0';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const tw = ctx.measureText(d.labels.columns[c]).width;
    ctx.fillText(
      d.labels.columns[c],
      Math.max(tw / 2, Math.min(w - tw / 2 - 2, g.nodes[c][0].x)),
      2,
    );
    const mark = d.labels.marks[c];
    if (mark) {
      ctx.fillStyle = '#e6b85c';
      const mw = ctx.measureText(mark).width;
      ctx.fillText(mark, Math.max(mw / 2, Math.min(w - mw / 2 - 2, g.nodes[c][0].x)), 2 + fs * 1.3);
    }
  }
}
