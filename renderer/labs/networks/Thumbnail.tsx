import { useMemo } from 'react';
import { netDatasetCreate } from '../../../core/ml/net-data';
import { netCreate } from '../../../core/ml/net-model';
import { THUMB_H, THUMB_W } from '../../components/thumb-svg';
import { CLASS_COLORS } from './colors';

/** The lab card's picture: the spiral's points, and a 2-4-4-1 network with its initial weights as edges. */
export default function NetworksThumbnail() {
  const pic = useMemo(() => {
    const pts = netDatasetCreate('spiral', 160, 0.05, 1);
    const dots = Array.from({ length: pts.n }, (_, i) => ({
      x: 75 + pts.x[2 * i] * 11.5,
      y: 75 - pts.x[2 * i + 1] * 11.5,
      c: CLASS_COLORS[pts.y[i]],
    }));
    const widths = [2, 4, 4, 1];
    const net = netCreate({
      inputs: 2,
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 4, activation: 'tanh' },
      ],
      output: 'tanh',
      outputs: 1,
      init: 'xavier',
      l1: 0,
      l2: 0,
      seed: 3,
    });
    const pos = widths.map((n, c) =>
      Array.from({ length: n }, (_, j) => ({ x: 162 + c * 24, y: 75 + (j - (n - 1) / 2) * 28 })),
    );
    const edges = net.mlp.layers.flatMap((layer, l) =>
      Array.from(layer.w, (w, k) => {
        const i = Math.floor(k / layer.fanOut);
        const j = k % layer.fanOut;
        return { a: pos[l][i], b: pos[l + 1][j], w };
      }),
    );
    return { dots, pos, edges };
  }, []);
  return (
    <svg viewBox={`0 0 ${THUMB_W} ${THUMB_H}`} width={THUMB_W} height={THUMB_H} aria-hidden="true">
      <rect x={5} y={5} width={140} height={140} fill="#0f1420" stroke="#2a3550" />
      {pic.dots.map((d, i) => (
        <circle key={i} cx={d.x} cy={d.y} r={2.2} fill={d.c} />
      ))}
      {pic.edges.map((e, i) => (
        <line
          key={i}
          x1={e.a.x}
          y1={e.a.y}
          x2={e.b.x}
          y2={e.b.y}
          stroke={e.w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]}
          strokeWidth={0.6 + Math.abs(e.w) * 2}
          opacity={0.8}
        />
      ))}
      {pic.pos.flat().map((n, i) => (
        <rect
          key={i}
          x={n.x - 6}
          y={n.y - 6}
          width={12}
          height={12}
          fill="#171e2e"
          stroke="#9aa6c0"
        />
      ))}
    </svg>
  );
}
