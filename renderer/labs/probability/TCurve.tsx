import type { ProbCalibrationModel } from '../../../core/labs/probability/model-calibration';
import { CAL_CURVE_T } from '../../../core/labs/probability/model-calibration';
import { ChartBox, C, fmt, Label, scale, textWidth, ticks, YAxis } from './chart-kit';

const T_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10];

/**
 * What temperature scaling does on the test set: NLL (left axis) and ECE (right axis) against T
 * on a log axis, with the T fitted on the held-out set and the T in use marked.
 */
export function TCurve({ c }: { c: ProbCalibrationModel }) {
  const d = c.data;
  const nllMax = Math.max(...d.nllCurve.filter(Number.isFinite));
  const nllMin = Math.min(...d.nllCurve);
  const eceMax = Math.max(...d.eceCurve) * 1.05;
  return (
    <ChartBox label="Test NLL and ECE against the temperature" testId="prob-t-curve">
      {({ w, h, font }) => {
        const left = textWidth(4, font) + font * 2;
        const right = textWidth(4, font) + font * 2;
        const top = font * 1.4;
        const bottom = font * 3.2;
        const x = scale(-1, 1, left, w - right);
        const yN = scale(Math.max(0, nllMin - 0.05 * (nllMax - nllMin)), nllMax, h - bottom, top);
        const yE = scale(0, eceMax, h - bottom, top);
        const line = (v: Float64Array, y: (u: number) => number) =>
          CAL_CURVE_T.map(
            (t, i) => `${i ? 'L' : 'M'}${x(Math.log10(t)).toFixed(1)} ${y(v[i]).toFixed(1)}`,
          ).join('');
        const mark = (t: number) => x(Math.log10(Math.min(10, Math.max(0.1, t))));
        return (
          <>
            <YAxis
              x={left}
              y={yN}
              ticks={ticks(yN.invert(h - bottom), nllMax, 4)}
              font={font}
              title="test NLL (nats)"
              titleColor={C.sky}
            />
            <g>
              <line x1={w - right} x2={w - right} y1={top} y2={h - bottom} stroke={C.axis} />
              {ticks(0, eceMax, 4).map((t) => (
                <Label
                  key={t.value}
                  x={w - right + font * 0.5}
                  y={yE(t.value)}
                  size={font}
                  anchor="start"
                  fill={C.orange}
                >
                  {t.label}
                </Label>
              ))}
              <text
                transform={`translate(${w - font * 0.8} ${(top + h - bottom) / 2}) rotate(90)`}
                textAnchor="middle"
                dominantBaseline="central"
                style={{ fontSize: font, fill: C.orange }}
              >
                test ECE
              </text>
            </g>
            <line x1={left} x2={w - right} y1={h - bottom} y2={h - bottom} stroke={C.axis} />
            {T_TICKS.map((t) => (
              <Label
                key={t}
                x={x(Math.log10(t))}
                y={h - bottom + font * 0.4}
                size={font}
                baseline="hanging"
                muted
              >
                {fmt(t)}
              </Label>
            ))}
            <Label x={(left + w - right) / 2} y={h - font * 0.6} size={font} muted>
              temperature T (log scale)
            </Label>
            <path d={line(d.nllCurve, yN)} fill="none" stroke={C.sky} strokeWidth={2} />
            <path d={line(d.eceCurve, yE)} fill="none" stroke={C.orange} strokeWidth={2} />
            <line
              x1={mark(d.fit.temperature)}
              x2={mark(d.fit.temperature)}
              y1={top}
              y2={h - bottom}
              stroke={C.green}
              strokeWidth={2}
            />
            <Label
              x={mark(d.fit.temperature) + font * 0.4}
              y={top + font * 0.2}
              size={font}
              anchor="start"
              fill={C.green}
              baseline="hanging"
            >
              {`fitted T = ${fmt(d.fit.temperature)}`}
            </Label>
            {c.temperature !== d.fit.temperature && (
              <line
                x1={mark(c.temperature)}
                x2={mark(c.temperature)}
                y1={top}
                y2={h - bottom}
                stroke="#ffffff"
                strokeDasharray="4 3"
              />
            )}
          </>
        );
      }}
    </ChartBox>
  );
}
