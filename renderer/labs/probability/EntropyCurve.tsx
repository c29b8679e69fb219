import { T_CURVE, type ProbSoftmaxModel } from '../../../core/labs/probability/model-softmax';
import { TEMPERATURE_RANGE } from '../../../core/labs/probability/params';
import { ChartBox, C, fmt, Label, scale, textWidth, ticks, YAxis } from './chart-kit';

const LOG_T = [Math.log10(TEMPERATURE_RANGE.min), Math.log10(TEMPERATURE_RANGE.max)] as const;
const T_TICKS = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];

/**
 * H(softmax(z/T)) against T on a log axis: 0 bits of surprise at the argmax end, log k at the
 * uniform end (dashed), and the current T marked.
 */
export function EntropyCurve({ m }: { m: ProbSoftmaxModel }) {
  return (
    <ChartBox label="Entropy of softmax against temperature" testId="prob-entropy-curve">
      {({ w, h, font }) => {
        const left = textWidth(4, font) + font * 2;
        const bottom = font * 3.2;
        const top = font * 1.2;
        const right = font * 1.2;
        const x = scale(LOG_T[0], LOG_T[1], left, w - right);
        const hMax = m.entropyMax > 0 ? m.entropyMax : 1;
        const y = scale(0, hMax * 1.08, h - bottom, top);
        let d = '';
        T_CURVE.forEach((t, n) => {
          d += `${n ? 'L' : 'M'}${x(Math.log10(t)).toFixed(1)} ${y(m.entropyCurve[n]).toFixed(1)}`;
        });
        const cx = x(Math.log10(m.temperature));
        // Fewer T ticks when the axis is narrow.
        const every = (w - left - right) / T_TICKS.length < font * 2.6 ? 2 : 1;
        return (
          <>
            <YAxis x={left} y={y} ticks={ticks(0, hMax, 3)} font={font} title="H(s), nats" />
            <line x1={left} x2={w - right} y1={h - bottom} y2={h - bottom} stroke={C.axis} />
            {T_TICKS.filter((_, i) => i % every === 0).map((t) => (
              <g key={t}>
                <line
                  x1={x(Math.log10(t))}
                  x2={x(Math.log10(t))}
                  y1={h - bottom}
                  y2={h - bottom + font * 0.35}
                  stroke={C.axis}
                />
                <Label
                  x={x(Math.log10(t))}
                  y={h - bottom + font * 0.5}
                  size={font}
                  baseline="hanging"
                  muted
                >
                  {fmt(t)}
                </Label>
              </g>
            ))}
            <Label x={(left + w - right) / 2} y={h - font * 0.6} size={font} muted>
              temperature T (log scale)
            </Label>
            <line
              x1={left}
              x2={w - right}
              y1={y(m.entropyMax)}
              y2={y(m.entropyMax)}
              stroke={C.grey}
              strokeDasharray="5 4"
            />
            <Label x={w - right} y={y(m.entropyMax) - font * 0.7} size={font} anchor="end" muted>
              {`log ${m.k} = ${fmt(m.entropyMax)} (uniform)`}
            </Label>
            <path d={d} fill="none" stroke={C.sky} strokeWidth={2} />
            <line x1={cx} x2={cx} y1={top} y2={h - bottom} stroke="#ffffff" strokeDasharray="3 3" />
            <circle cx={cx} cy={y(m.entropy)} r={font * 0.35} fill="#ffffff" />
            <Label
              x={cx + (cx > (left + w) / 2 ? -font * 0.6 : font * 0.6)}
              y={y(m.entropy) + font * 1.1}
              size={font}
              anchor={cx > (left + w) / 2 ? 'end' : 'start'}
            >
              {`H = ${fmt(m.entropy)} at T = ${fmt(m.temperature)}`}
            </Label>
          </>
        );
      }}
    </ChartBox>
  );
}
