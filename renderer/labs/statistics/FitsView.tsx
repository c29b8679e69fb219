import type { BvCurves } from '../../../core/labs/statistics/model';
import { ticksLinear } from '../../components/axis-ticks';
import { BV_COLOR, INK } from './colors';
import { SvgBox } from './svg-box';

/** y range of the plot: the truth and the first set's points, with room around them. */
function yRange(c: BvCurves): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...c.truth, ...c.points.y]) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const pad = Math.max(0.25, 0.3 * (hi - lo));
  return [lo - pad, hi + pad];
}

/** How many of the drawn fits leave the plot's y range somewhere. */
export function fitsOutside(c: BvCurves): number {
  const [lo, hi] = yRange(c);
  return c.fits.filter((f) => f.some((v) => !(v >= lo && v <= hi))).length;
}

const path = (
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  X: (v: number) => number,
  Y: (v: number) => number,
) => {
  let d = '';
  for (let i = 0; i < xs.length; i++) {
    // Clamp far values so a path stays finite; the clip path hides what is outside.
    const y = Math.max(-1e4, Math.min(1e4, Y(ys[i])));
    d += `${i ? 'L' : 'M'}${X(xs[i]).toFixed(1)} ${y.toFixed(1)}`;
  }
  return d;
};

/**
 * The drawn training sets' fits of the degree looked at (thin), the true function, the mean fit ḡ
 * (or the median where the mean does not exist) and the 10–90 % band of all D fits, with the
 * first set's points.
 */
export function FitsView({ curves, degree }: { curves: BvCurves; degree: number }) {
  const [y0, y1] = yRange(curves);
  return (
    <SvgBox
      label={`Fits of degree ${degree} to the drawn training sets`}
      testId="bv-fits"
      data={{ center: curves.centerIs, outside: String(fitsOutside(curves)) }}
    >
      {({ w, h, font }) => {
        const left = font * 3.4;
        const bottom = font * 2.8;
        const top = font * 0.8;
        const right = font;
        const X = (v: number) => left + v * (w - left - right);
        const Y = (v: number) => top + ((y1 - v) / (y1 - y0)) * (h - top - bottom);
        const band =
          path(curves.x, curves.high, X, Y) +
          path(Array.from(curves.x).reverse(), Array.from(curves.low).reverse(), X, Y).replace(
            'M',
            'L',
          ) +
          'Z';
        return (
          <>
            <defs>
              <clipPath id="bv-fits-clip">
                <rect x={left} y={top} width={w - left - right} height={h - top - bottom} />
              </clipPath>
            </defs>
            {ticksLinear(y0, y1, 5).map((t) => (
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
              x
            </text>
            <text
              transform={`translate(${font * 0.9} ${(top + h - bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              dominantBaseline="central"
              style={{ fontSize: font, fill: INK.axis }}
            >
              y
            </text>
            <g clipPath="url(#bv-fits-clip)">
              <path d={band} fill={BV_COLOR.center} opacity={0.16} />
              {curves.fits.map((f, k) => (
                <path
                  key={k}
                  d={path(curves.x, f, X, Y)}
                  stroke={BV_COLOR.fit}
                  strokeWidth={1}
                  opacity={0.45}
                  fill="none"
                />
              ))}
              <path
                d={path(curves.x, curves.truth, X, Y)}
                stroke={BV_COLOR.truth}
                strokeWidth={2.5}
                fill="none"
              />
              <path
                d={path(curves.x, curves.center, X, Y)}
                stroke={BV_COLOR.center}
                strokeWidth={2.5}
                strokeDasharray="7 4"
                fill="none"
              />
              {Array.from(curves.points.x, (x, i) => (
                <circle
                  key={i}
                  cx={X(x)}
                  cy={Y(curves.points.y[i])}
                  r={3}
                  fill={BV_COLOR.truth}
                  stroke="#000"
                  strokeWidth={0.6}
                />
              ))}
            </g>
            <rect
              x={left}
              y={top}
              width={w - left - right}
              height={h - top - bottom}
              fill="none"
              stroke={INK.axis}
              strokeOpacity={0.5}
            />
          </>
        );
      }}
    </SvgBox>
  );
}
