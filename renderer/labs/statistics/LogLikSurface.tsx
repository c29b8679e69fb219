import type { LikelihoodModel } from '../../../core/labs/statistics/model-likelihood';
import { SURFACE } from '../../../core/labs/statistics/model-likelihood';
import { ticksLinear } from '../../components/axis-ticks';
import { BV_COLOR, INK } from './colors';
import { SvgBox } from './svg-box';

/** Colour of a drop below ℓ_max: bright at the top, dark 12 nats down (viridis-like ramp). */
function shade(drop: number): string {
  const u = Math.max(0, Math.min(1, 1 + drop / 12));
  const r = Math.round(20 + 200 * u ** 2);
  const g = Math.round(30 + 180 * u);
  const b = Math.round(90 + 60 * (1 - u));
  return `rgb(${r},${g},${b})`;
}

/**
 * ℓ(μ, σ) − ℓ_max over a grid around the maximum: each cell coloured by how far below the top it
 * is, the maximum (x̄, σ̂) marked, and the true (μ, σ) the sample came from when it is in view.
 */
export function LogLikSurface({ m, mu, sigma }: { m: LikelihoodModel; mu: number; sigma: number }) {
  const s = m.surface;
  const [m0, m1] = [s.mu[0], s.mu[SURFACE.mu - 1]];
  const [s0, s1] = [s.sigma[0], s.sigma[SURFACE.sigma - 1]];
  return (
    <SvgBox
      label="Log-likelihood over the mean and the standard deviation"
      testId="mle-surface"
      data={{ mean: String(m.mean), sigma: String(m.sigmaMle) }}
    >
      {({ w, h, font }) => {
        const left = font * 3.4;
        const bottom = font * 2.8;
        const top = font * 0.6;
        const right = font * 0.8;
        const X = (v: number) => left + ((v - m0) / (m1 - m0)) * (w - left - right);
        const Y = (v: number) => h - bottom - ((v - s0) / (s1 - s0)) * (h - top - bottom);
        const cw = (w - left - right) / (SURFACE.mu - 1);
        const ch = (h - top - bottom) / (SURFACE.sigma - 1);
        const cells = [];
        for (let j = 0; j < SURFACE.sigma; j++)
          for (let i = 0; i < SURFACE.mu; i++)
            cells.push(
              <rect
                key={j * SURFACE.mu + i}
                x={X(s.mu[i]) - cw / 2}
                y={Y(s.sigma[j]) - ch / 2}
                width={cw + 0.5}
                height={ch + 0.5}
                fill={shade(s.drop[j * SURFACE.mu + i])}
              />,
            );
        const inView = mu >= m0 && mu <= m1 && sigma >= s0 && sigma <= s1;
        return (
          <>
            <defs>
              <clipPath id="mle-clip">
                <rect x={left} y={top} width={w - left - right} height={h - top - bottom} />
              </clipPath>
            </defs>
            <g clipPath="url(#mle-clip)">{cells}</g>
            {ticksLinear(m0, m1, 5).map((t) => (
              <text
                key={t.value}
                x={X(t.value)}
                y={h - bottom + font * 1.1}
                textAnchor="middle"
                style={{ fontSize: font, fill: INK.axis }}
              >
                {t.label}
              </text>
            ))}
            {ticksLinear(s0, s1, 4).map((t) => (
              <text
                key={t.value}
                x={left - font * 0.4}
                y={Y(t.value)}
                textAnchor="end"
                dominantBaseline="central"
                style={{ fontSize: font, fill: INK.axis }}
              >
                {t.label}
              </text>
            ))}
            <text
              x={(left + w - right) / 2}
              y={h - font * 0.3}
              textAnchor="middle"
              style={{ fontSize: font, fill: INK.axis }}
            >
              mean μ
            </text>
            <text
              transform={`translate(${font * 0.9} ${(top + h - bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              dominantBaseline="central"
              style={{ fontSize: font, fill: INK.axis }}
            >
              standard deviation σ
            </text>
            <circle
              cx={X(m.mean)}
              cy={Y(m.sigmaMle)}
              r={font * 0.45}
              fill={BV_COLOR.center}
              stroke="#000"
            />
            {inView && (
              <path
                d={`M${X(mu) - 6} ${Y(sigma) - 6}L${X(mu) + 6} ${Y(sigma) + 6}M${X(mu) - 6} ${Y(sigma) + 6}L${X(mu) + 6} ${Y(sigma) - 6}`}
                stroke={BV_COLOR.truth}
                strokeWidth={2.5}
              />
            )}
          </>
        );
      }}
    </SvgBox>
  );
}
