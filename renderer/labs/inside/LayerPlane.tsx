import { useRef } from 'react';
import type { LayerModel } from '../../../core/labs/inside/model-layer';
import { useChartTextScale } from '../../components/text-scale';
import { useBoxSize } from './use-box-size';

const CLASS = ['#56b4e9', '#e69f00'];
const COL1 = '#009e73';
const COL2 = '#cc79a7';

/**
 * The plane after the layer's stages up to t: the input grid's lines (vertical ones blue, the
 * others grey), the points by class, W's columns as arrows from b (where e₁ and e₂ land), and the
 * real eigenvector directions through b, on axes with numeric ticks.
 */
export function LayerPlane({ m, t }: { m: LayerModel; t: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { w, h } = useBoxSize(ref);
  const font = Math.max(14, Math.round(11 * useChartTextScale()));
  const pad = font * 2.2;
  const side = Math.max(10, Math.min(w, h) - 2 * pad);
  const ox = (w - side) / 2;
  const oy = (h - side) / 2;
  const E = m.extent;
  const X = (x: number) => ox + ((x + E) / (2 * E)) * side;
  const Y = (y: number) => oy + ((E - y) / (2 * E)) * side;
  const path = (line: Float64Array) => {
    let d = '';
    for (let i = 0; i < line.length; i += 2)
      d += `${i ? 'L' : 'M'}${X(line[i]).toFixed(1)} ${Y(line[i + 1]).toFixed(1)}`;
    return d;
  };
  const step = E > 6 ? 2 : E > 3 ? 1 : 0.5;
  const ticks: number[] = [];
  for (let v = Math.ceil(-E / step) * step; v <= E + 1e-9; v += step) ticks.push(+v.toFixed(6));
  // The columns move with the linear stage: from e₁, e₂ at the origin (t = 0) to W's columns at b.
  const s = Math.min(1, t);
  const base: [number, number] = [s * m.b[0], s * m.b[1]];
  const arrow = (col: readonly [number, number], unit: [number, number]) => [
    base[0] + (1 - s) * unit[0] + s * col[0],
    base[1] + (1 - s) * unit[1] + s * col[1],
  ];
  const a1 = arrow(m.col1, [1, 0]);
  const a2 = arrow(m.col2, [0, 1]);
  return (
    <div ref={ref} className="inside-plane" data-testid="layer-plane">
      {w > 0 && (
        <svg width={w} height={h} role="img" aria-label="The plane carried through the layer">
          <defs>
            <clipPath id="inside-plane-clip">
              <rect x={ox} y={oy} width={side} height={side} />
            </clipPath>
            {[COL1, COL2].map((c, i) => (
              <marker
                key={c}
                id={`inside-arrow-${i}`}
                viewBox="0 0 10 10"
                refX="8"
                refY="5"
                markerWidth="6"
                markerHeight="6"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" fill={c} />
              </marker>
            ))}
          </defs>
          <rect x={ox} y={oy} width={side} height={side} fill="#0d111a" stroke="#3a4254" />
          {ticks.map((v) => (
            <g key={v} fontSize={font} fill="#c8cdd8">
              <text x={X(v)} y={oy + side + font * 1.1} textAnchor="middle">
                {String(v).replace('-', '−')}
              </text>
              <text x={ox - 6} y={Y(v) + font * 0.35} textAnchor="end">
                {String(v).replace('-', '−')}
              </text>
            </g>
          ))}
          <line x1={X(-E)} y1={Y(0)} x2={X(E)} y2={Y(0)} stroke="#555e70" />
          <line x1={X(0)} y1={Y(-E)} x2={X(0)} y2={Y(E)} stroke="#555e70" />
          {m.lines.map((line, i) => (
            <path
              key={i}
              d={path(line)}
              fill="none"
              stroke={m.vertical[i] ? '#4a78b0' : '#8a8f99'}
              strokeWidth={1.3}
              opacity={0.85}
            />
          ))}
          {Array.from({ length: m.points.length / 2 }, (_, i) => (
            <circle
              key={i}
              cx={X(m.points[2 * i])}
              cy={Y(m.points[2 * i + 1])}
              r={4}
              fill={CLASS[m.labels[i] > 0.5 ? 1 : 0]}
              stroke="#000"
              strokeWidth={0.8}
            />
          ))}
          <g clipPath="url(#inside-plane-clip)">
            {t >= 1 &&
              m.eigen.real &&
              [m.eigen.v1!, m.eigen.v2!].map((v, i) => (
                <line
                  key={i}
                  x1={X(m.b[0] - v[0] * 2 * E)}
                  y1={Y(m.b[1] - v[1] * 2 * E)}
                  x2={X(m.b[0] + v[0] * 2 * E)}
                  y2={Y(m.b[1] + v[1] * 2 * E)}
                  stroke="#f0e442"
                  strokeDasharray="8 6"
                  strokeWidth={1.6}
                  data-testid={`layer-eigen-${i + 1}`}
                />
              ))}
          </g>
          {[a1, a2].map((a, i) => (
            <line
              key={i}
              x1={X(base[0])}
              y1={Y(base[1])}
              x2={X(a[0])}
              y2={Y(a[1])}
              stroke={i ? COL2 : COL1}
              strokeWidth={3.5}
              markerEnd={`url(#inside-arrow-${i})`}
              opacity={t > 1 ? 0.5 : 1}
            />
          ))}
        </svg>
      )}
    </div>
  );
}
