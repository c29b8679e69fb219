import { dataSurfaceIs } from '../../../core/ml/data-surfaces';
import type { Surface } from '../../../core/ml/surfaces-types';
import { RACER_COLORS } from './colors';
import { useDescentThrottled } from './use-throttled';

const W = 280;
const H = 200;
const PAD = 18;

/**
 * The dataset behind a data-derived surface, with each racer's current model: the fitted line
 * y = w·x + b for regression, the decision boundary w₁x₁ + w₂x₂ = 0 for logistic regression.
 */
export function DataView({ surface }: { surface: Surface | null }) {
  const models = useDescentThrottled((s) =>
    s.trajectories.map((t) => {
      if (!t) return null;
      const k = Math.min(s.position, t.count - 1);
      return [t.positions[2 * k], t.positions[2 * k + 1]] as const;
    }),
  );
  if (!surface || !dataSurfaceIs(surface)) return null;
  let xs: Float64Array;
  let ys: Float64Array;
  let label: Float64Array | null = null;
  if (surface.kind === 'linear-regression') {
    xs = surface.data.x;
    ys = surface.data.y;
  } else {
    xs = surface.data.x1;
    ys = surface.data.x2;
    label = surface.data.label;
  }
  const span = (a: Float64Array) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of a) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const m = 0.1 * (hi - lo || 1);
    return [lo - m, hi + m] as const;
  };
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const px = (x: number) => PAD + ((x - x0) / (x1 - x0)) * (W - 2 * PAD);
  const py = (y: number) => H - PAD - ((y - y0) / (y1 - y0)) * (H - 2 * PAD);
  const modelLine = (m: readonly [number, number]): [number, number, number, number] | null => {
    if (surface.kind === 'linear-regression') return [x0, m[0] * x0 + m[1], x1, m[0] * x1 + m[1]];
    // Boundary w₁x₁ + w₂x₂ = 0 through the origin, direction (−w₂, w₁).
    const n = Math.hypot(m[0], m[1]);
    if (!(n > 0)) return null;
    const r = 4 * Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1));
    return [(-m[1] / n) * r, (m[0] / n) * r, (m[1] / n) * r, (-m[0] / n) * r];
  };
  return (
    <div className="panel data-view" data-testid="data-view">
      <h3>
        {surface.kind === 'linear-regression'
          ? `Data (${xs.length} points) and each racer's line y = wx + b`
          : `Data (${xs.length} points) and each racer's boundary`}
      </h3>
      <svg width={W} height={H} role="img" aria-label="Dataset with the current models">
        <defs>
          <clipPath id="data-view-clip">
            <rect x={PAD} y={PAD} width={W - 2 * PAD} height={H - 2 * PAD} />
          </clipPath>
        </defs>
        <rect
          x={PAD}
          y={PAD}
          width={W - 2 * PAD}
          height={H - 2 * PAD}
          fill="none"
          stroke="#2a3550"
        />
        {Array.from(xs, (x, i) => (
          <circle
            key={i}
            cx={px(x)}
            cy={py(ys[i])}
            r={2.6}
            fill={label ? (label[i] > 0.5 ? '#E69F00' : '#56B4E9') : '#c8d0e0'}
            opacity={0.85}
          />
        ))}
        <g clipPath="url(#data-view-clip)">
          {models.map((m, r) => {
            const l = m && modelLine(m);
            return (
              l && (
                <line
                  key={r}
                  x1={px(l[0])}
                  y1={py(l[1])}
                  x2={px(l[2])}
                  y2={py(l[3])}
                  stroke={RACER_COLORS[r]}
                  strokeWidth={2}
                />
              )
            );
          })}
        </g>
      </svg>
    </div>
  );
}
