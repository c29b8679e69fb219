/**
 * Where the network graph puts its neurons, where each layer's weights sit in the flat parameter
 * vector (core/ml/mlp.ts: per layer W row-major fanIn × fanOut, then b, or γ and β with batch
 * norm), and what the pointer is over.
 */
import type { NetHover } from './store';

export interface GraphLayout {
  /** Neuron centres per column (column 0: inputs). */
  nodes: { x: number; y: number }[][];
  /** Side of a neuron's square. */
  size: number;
}

/** Lays out columns in a w×h box starting `left` px in (room for the input labels). */
export function graphLayout(
  widths: readonly number[],
  w: number,
  h: number,
  top: number,
  left = 8,
): GraphLayout {
  const cols = widths.length;
  const most = Math.max(...widths);
  const usableH = h - top - 8;
  const size = Math.max(10, Math.min(84, (usableH / most) * 0.78, ((w - left) / cols) * 0.42));
  const gapX = cols > 1 ? (w - left - size - 8) / (cols - 1) : 0;
  const nodes = widths.map((n, c) => {
    const x = left + size / 2 + c * gapX;
    const step = usableH / most;
    const y0 = top + (usableH - step * (n - 1)) / 2;
    return Array.from({ length: n }, (_, j) => ({ x, y: y0 + j * step }));
  });
  return { nodes, size };
}

export interface LayerOffsets {
  w: number;
  /** Bias (or γ with batch norm) offset; β follows γ. */
  b: number;
  batchNorm: boolean;
}

/** Offsets of each layer's slice; batchNorm[l] says whether hidden layer l has batch norm. */
export function layerOffsets(
  widths: readonly number[],
  batchNorm: readonly boolean[],
): LayerOffsets[] {
  const out: LayerOffsets[] = [];
  let o = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const bn = batchNorm[l] === true && l + 2 < widths.length;
    out.push({ w: o, b: o + widths[l] * widths[l + 1], batchNorm: bn });
    o += widths[l] * widths[l + 1] + (bn ? 2 : 1) * widths[l + 1];
  }
  return out;
}

/**
 * Where hidden layer `layer`'s running mean μ̄ starts in a frame's params (θ, then μ̄ and σ̄² of each
 * batch-norm layer in turn, fanOut each); σ̄² follows μ̄ after `units[layer]` values.
 */
export function runningOffset(
  paramCount: number,
  units: readonly number[],
  batchNorm: readonly boolean[],
  layer: number,
): number {
  let at = paramCount;
  for (let l = 0; l < layer; l++) if (batchNorm[l]) at += 2 * units[l];
  return at;
}

function segmentDistance(
  px: number,
  py: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(
    0,
    Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
}

/** The neuron under (px, py), else the nearest edge within 4 px, else null. */
export function graphHit(g: GraphLayout, px: number, py: number): NetHover | null {
  const half = g.size / 2;
  for (let c = 0; c < g.nodes.length; c++) {
    for (let j = 0; j < g.nodes[c].length; j++) {
      const n = g.nodes[c][j];
      if (Math.abs(px - n.x) <= half && Math.abs(py - n.y) <= half)
        return { kind: 'neuron', layer: c, unit: j };
    }
  }
  let best: NetHover | null = null;
  let bestD = 4;
  for (let c = 0; c + 1 < g.nodes.length; c++) {
    const a = g.nodes[c];
    const b = g.nodes[c + 1];
    if (px < a[0].x + half || px > b[0].x - half) continue;
    for (let i = 0; i < a.length; i++) {
      for (let j = 0; j < b.length; j++) {
        const d = segmentDistance(
          px,
          py,
          { x: a[i].x + half, y: a[i].y },
          { x: b[j].x - half, y: b[j].y },
        );
        if (d < bestD) {
          bestD = d;
          best = { kind: 'edge', layer: c, from: i, to: j };
        }
      }
    }
  }
  return best;
}
