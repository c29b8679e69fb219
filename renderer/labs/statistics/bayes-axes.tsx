/** Axes and the data→pixel frame shared by the Bayesian line view's two plots. */
import { ticksLinear } from '../../components/axis-ticks';
import { INK } from './colors';

export const pathOf = (
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  X: (v: number) => number,
  Y: (v: number) => number,
) => Array.from(xs, (x, i) => `${i ? 'L' : 'M'}${X(x).toFixed(1)} ${Y(ys[i]).toFixed(1)}`).join('');

export function Axes({
  h,
  font,
  box,
  X,
  Y,
  xTitle,
  yTitle,
}: {
  h: number;
  font: number;
  box: number[];
  X: (v: number) => number;
  Y: (v: number) => number;
  xTitle: string;
  yTitle: string;
}) {
  const [x0, x1, y0, y1] = box;
  const style = { fontSize: font, fill: INK.axis };
  return (
    <>
      {ticksLinear(y0, y1, 4).map((t) => (
        <g key={`y${t.value}`}>
          <line x1={X(x0)} x2={X(x1)} y1={Y(t.value)} y2={Y(t.value)} stroke={INK.grid} />
          <text
            x={X(x0) - font * 0.4}
            y={Y(t.value)}
            textAnchor="end"
            dominantBaseline="central"
            style={style}
          >
            {t.label}
          </text>
        </g>
      ))}
      {ticksLinear(x0, x1, 4).map((t) => (
        <text
          key={`x${t.value}`}
          x={X(t.value)}
          y={Y(y0) + font * 1.1}
          textAnchor="middle"
          style={style}
        >
          {t.label}
        </text>
      ))}
      <text x={(X(x0) + X(x1)) / 2} y={h - font * 0.3} textAnchor="middle" style={style}>
        {xTitle}
      </text>
      <text
        transform={`translate(${font * 0.9} ${(Y(y0) + Y(y1)) / 2}) rotate(-90)`}
        textAnchor="middle"
        dominantBaseline="central"
        style={style}
      >
        {yTitle}
      </text>
      <rect
        x={X(x0)}
        y={Y(y1)}
        width={X(x1) - X(x0)}
        height={Y(y0) - Y(y1)}
        fill="none"
        stroke={INK.axis}
        strokeOpacity={0.5}
      />
    </>
  );
}

export const frame = (w: number, h: number, font: number, box: number[]) => {
  const [x0, x1, y0, y1] = box;
  const left = font * 3.2;
  const bottom = font * 2.8;
  const X = (v: number) => left + ((v - x0) / (x1 - x0)) * (w - left - font);
  const Y = (v: number) => font * 0.6 + ((y1 - v) / (y1 - y0)) * (h - font * 0.6 - bottom);
  return { X, Y, left, bottom };
};
