import type { BayesModel } from '../../../core/labs/statistics/model-bayes';
import { BLR_LIMITS, type BlrParams } from '../../../core/labs/statistics/params';
import { Axes, frame, pathOf } from './bayes-axes';
import { BV_COLOR } from './colors';
import { PointDragRect } from './PointDrag';
import { SvgBox } from './svg-box';

/**
 * The points, lines drawn from the posterior, and the predictive mean ± 2 sd. A click adds a point,
 * dragging a point moves it (use-point-drag.ts), a shift-click removes the nearest.
 */
export function BayesData({
  m,
  p,
  onPoints,
}: {
  m: BayesModel;
  p: BlrParams;
  onPoints(points: BlrParams['points']): void;
}) {
  const box = [BLR_LIMITS.x.min, BLR_LIMITS.x.max, BLR_LIMITS.y.min, BLR_LIMITS.y.max];
  return (
    <SvgBox
      label="Points, lines drawn from the posterior and the predictive band"
      testId="bayes-data"
      data={{ points: String(p.points.length), width: String(m.high[40] - m.low[40]) }}
    >
      {({ w, h, font }) => {
        const { X, Y } = frame(w, h, font, box);
        const band =
          pathOf(m.x, m.high, X, Y) +
          pathOf(Array.from(m.x).reverse(), Array.from(m.low).reverse(), X, Y).replace('M', 'L') +
          'Z';
        return (
          <>
            <Axes
              h={h}
              font={font}
              box={box}
              X={X}
              Y={Y}
              xTitle="x (click: add a point · drag: move · shift-click: remove)"
              yTitle="y"
            />
            <path d={band} fill={BV_COLOR.center} opacity={0.16} />
            {m.lines.map(([a, b], k) => (
              <line
                key={k}
                x1={X(-1)}
                x2={X(1)}
                y1={Y(a - b)}
                y2={Y(a + b)}
                stroke={BV_COLOR.fit}
                strokeOpacity={0.45}
              />
            ))}
            <path
              d={pathOf(m.x, m.mean, X, Y)}
              stroke={BV_COLOR.center}
              strokeWidth={2.5}
              fill="none"
            />
            {p.points.map(([a, b], i) => (
              <circle key={i} cx={X(a)} cy={Y(b)} r={4} fill={BV_COLOR.truth} stroke="#000" />
            ))}
            <PointDragRect points={p.points} onPoints={onPoints} X={X} Y={Y} />
          </>
        );
      }}
    </SvgBox>
  );
}

/** The (w₀, w₁) plane: the prior's 1- and 2-τ circles, the posterior's 1- and 2-sd ellipses and its mean. */
export function BayesWeights({ m, p }: { m: BayesModel; p: BlrParams }) {
  const r = Math.max(2 * p.tau, 1.5);
  const box = [-r, r, -r, r];
  return (
    <SvgBox
      label="Prior and posterior over the intercept and the slope"
      testId="bayes-weights"
      data={{ mean: m.post.mean.join(',') }}
    >
      {({ w, h, font }) => {
        // One pixel scale on both axes, so a circle is a circle and the ellipses' tilt is true.
        const { left, bottom } = frame(w, h, font, box);
        const unit = Math.min(
          (w - left - font) / (box[1] - box[0]),
          (h - font * 0.6 - bottom) / (box[3] - box[2]),
        );
        const X = (v: number) => left + (v - box[0]) * unit;
        const Y = (v: number) => font * 0.6 + (box[3] - v) * unit;
        const sx = X(1) - X(0);
        const sy = Y(0) - Y(1);
        const [c0, c1] = m.post.mean;
        return (
          <>
            <Axes h={h} font={font} box={box} X={X} Y={Y} xTitle="intercept w₀" yTitle="slope w₁" />
            {[1, 2].map((k) => (
              <ellipse
                key={`p${k}`}
                cx={X(0)}
                cy={Y(0)}
                rx={k * p.tau * sx}
                ry={k * p.tau * sy}
                fill="none"
                stroke={BV_COLOR.noise}
                strokeDasharray="5 4"
              />
            ))}
            {m.ellipses.map((e, k) => (
              <ellipse
                key={`q${k}`}
                cx={X(c0)}
                cy={Y(c1)}
                rx={e.rx * sx}
                ry={e.ry * sy}
                transform={`rotate(${(-e.angle * 180) / Math.PI} ${X(c0)} ${Y(c1)})`}
                fill={BV_COLOR.center}
                fillOpacity={0.12}
                stroke={BV_COLOR.center}
                strokeWidth={1.8}
              />
            ))}
            {m.lines.map(([a, b], k) => (
              <circle key={k} cx={X(a)} cy={Y(b)} r={2.5} fill={BV_COLOR.fit} />
            ))}
            <circle cx={X(c0)} cy={Y(c1)} r={font * 0.4} fill={BV_COLOR.center} stroke="#000" />
          </>
        );
      }}
    </SvgBox>
  );
}
