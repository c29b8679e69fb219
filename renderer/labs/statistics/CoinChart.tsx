import type { LikelihoodModel } from '../../../core/labs/statistics/model-likelihood';
import { ticksLinear } from '../../components/axis-ticks';
import { BV_COLOR, INK } from './colors';
import { SvgBox } from './svg-box';

export const COIN_COLOR = {
  prior: BV_COLOR.noise,
  likelihood: BV_COLOR.variance,
  posterior: BV_COLOR.center,
} as const;

/**
 * The coin's p: the prior, the likelihood (scaled to a density) and the posterior; the MLE, the
 * MAP and the posterior mean marked on the axis.
 */
export function CoinChart({ coin }: { coin: LikelihoodModel['coin'] }) {
  const finite = (a: Float64Array) => Array.from(a).filter(Number.isFinite);
  const yMax = Math.min(
    12,
    1.1 * Math.max(...finite(coin.prior), ...finite(coin.likelihood), ...finite(coin.posterior)),
  );
  return (
    <SvgBox
      label="Prior, likelihood and posterior of the coin's p"
      testId="coin-chart"
      data={{ mle: String(coin.mle), map: String(coin.map), mean: String(coin.mean) }}
    >
      {({ w, h, font }) => {
        const left = font * 2.8;
        const bottom = font * 2.8;
        const top = font * 0.6;
        const right = font;
        const X = (v: number) => left + v * (w - left - right);
        const Y = (v: number) =>
          h - bottom - (Math.min(v, yMax * 1.05) / yMax) * (h - top - bottom);
        const line = (a: Float64Array) => {
          let d = '';
          a.forEach((v, i) => {
            if (Number.isFinite(v))
              d += `${d ? 'L' : 'M'}${X(coin.p[i]).toFixed(1)} ${Y(v).toFixed(1)}`;
          });
          return d;
        };
        const mark = (v: number, color: string, dash?: string) =>
          Number.isFinite(v) && (
            <line
              x1={X(v)}
              x2={X(v)}
              y1={top}
              y2={h - bottom}
              stroke={color}
              strokeWidth={1.6}
              strokeDasharray={dash}
            />
          );
        return (
          <>
            {ticksLinear(0, yMax, 4).map((t) => (
              <g key={t.value}>
                <line x1={left} x2={w - right} y1={Y(t.value)} y2={Y(t.value)} stroke={INK.grid} />
                <text
                  x={left - font * 0.4}
                  y={Y(t.value)}
                  textAnchor="end"
                  dominantBaseline="central"
                  style={{ fontSize: font, fill: INK.axis }}
                >
                  {t.label}
                </text>
              </g>
            ))}
            {ticksLinear(0, 1, 5).map((t) => (
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
            <text
              x={(left + w - right) / 2}
              y={h - font * 0.3}
              textAnchor="middle"
              style={{ fontSize: font, fill: INK.axis }}
            >
              p = chance of heads
            </text>
            <path
              d={line(coin.prior)}
              stroke={COIN_COLOR.prior}
              strokeWidth={2}
              strokeDasharray="5 4"
              fill="none"
            />
            <path
              d={line(coin.likelihood)}
              stroke={COIN_COLOR.likelihood}
              strokeWidth={2}
              fill="none"
            />
            <path
              d={line(coin.posterior)}
              stroke={COIN_COLOR.posterior}
              strokeWidth={2.6}
              fill="none"
            />
            {mark(coin.mle, COIN_COLOR.likelihood, '2 3')}
            {mark(coin.map, COIN_COLOR.posterior)}
            {mark(coin.mean, BV_COLOR.truth, '6 3')}
          </>
        );
      }}
    </SvgBox>
  );
}
