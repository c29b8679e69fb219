import { useMemo } from 'react';
import { bpModel } from '../../../core/labs/inside/model-backprop';
import { layerModel } from '../../../core/labs/inside/model-layer';
import { INSIDE_DEFAULTS } from '../../../core/labs/inside/params';
import { THUMB_H, THUMB_W } from '../../components/thumb-svg';

/**
 * The lab card's picture: on the left the default 2-2-1 graph, each edge's width its
 * |upstream × local| from the backward pass (orange where it adds to ∂L/∂(node) positively, blue
 * where negatively); on the right the default layer's bent grid (after tanh).
 */
export default function InsideThumbnail() {
  const pic = useMemo(() => {
    const m = bpModel(INSIDE_DEFAULTS.backprop);
    const g = m.graph;
    const at = new Map(
      g.nodes
        .filter((n) => n.col >= 0)
        .map((n) => [
          n.id,
          [((n.col + 0.5) / g.cols) * THUMB_W * 0.62, ((n.row + 0.5) / g.rows) * THUMB_H],
        ]),
    );
    const big = Math.max(...m.eval.edges.map((e) => Math.abs(e.product)));
    const layer = layerModel(INSIDE_DEFAULTS.layer, INSIDE_DEFAULTS.seed);
    const cx = THUMB_W * 0.82;
    const cy = THUMB_H / 2;
    const k = THUMB_H * 0.42;
    const grid = layer.lines.map((line) => {
      let d = '';
      for (let i = 0; i < line.length; i += 2)
        d += `${i ? 'L' : 'M'}${(cx + line[i] * k * 0.55).toFixed(1)} ${(cy - line[i + 1] * k).toFixed(1)}`;
      return d;
    });
    return { m, at, big, grid };
  }, []);
  const { m, at, big, grid } = pic;
  return (
    <svg
      viewBox={`0 0 ${THUMB_W} ${THUMB_H}`}
      role="img"
      aria-label="A small network's computation graph with its gradients"
    >
      {m.eval.edges.map((e) => {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) return null;
        return (
          <line
            key={`${e.from}-${e.to}`}
            x1={a[0]}
            y1={a[1]}
            x2={b[0]}
            y2={b[1]}
            stroke={e.product >= 0 ? '#e69f00' : '#56b4e9'}
            strokeWidth={1 + (4 * Math.abs(e.product)) / big}
          />
        );
      })}
      {grid.map((d, i) => (
        <path key={i} d={d} fill="none" stroke="#4a78b0" strokeWidth={0.8} />
      ))}
      {[...at.entries()].map(([id, [x, y]]) => (
        <circle key={id} cx={x} cy={y} r={7} fill="#141a26" stroke="#e8e8e8" strokeWidth={1.5} />
      ))}
    </svg>
  );
}
