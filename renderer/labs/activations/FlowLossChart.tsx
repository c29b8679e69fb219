import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { lineShapeStill } from '../../components/line-shape';
import { useChartTextScale } from '../../components/text-scale';
import { chartFont, tickProps, yTitleFont } from './chart-axis';
import type { FlowBuffer } from './flow-buffer';
import { heatExtent, stepTicks } from './heatmap-draw';
import { lossAxis } from './loss-axis';
import { PALETTE } from '../../components/palette';

interface Props {
  buffer: FlowBuffer;
  /** Steps received so far (re-renders the chart as the run streams). */
  shown: number;
  /** Binary cross-entropy: ln 2 is the loss of always predicting ½, drawn as a reference. */
  classification: boolean;
  /** Points drawn at most; longer runs are thinned evenly (the last step is always drawn). */
  maxPoints?: number;
}

const MUTED = '#9aa6c0';
const LN2 = Math.LN2;

/** Minibatch loss per training step on the axis lossAxis chooses, with what it shows in words. */
export function FlowLossChart({ buffer, shown, classification, maxPoints = 400 }: Props) {
  const k = useChartTextScale();
  const axis = useMemo(() => lossAxis(buffer.losses, shown), [buffer, shown]);
  const rows = useMemo(() => {
    const stride = Math.max(1, Math.ceil(shown / maxPoints));
    const out: { step: number; loss: number | null }[] = [];
    for (let k = 0; k < shown; k += stride)
      out.push({ step: k + 1, loss: axis.plot(buffer.losses[k]) });
    if (shown > 0 && (shown - 1) % stride !== 0)
      out.push({ step: shown, loss: axis.plot(buffer.losses[shown - 1]) });
    return out;
  }, [buffer, shown, axis, maxPoints]);
  const extent = heatExtent(buffer);
  const showLn2 = classification && LN2 >= axis.domain[0] && LN2 <= axis.domain[1];
  return (
    <div className="act-loss-wrap">
      <div
        className="act-loss"
        data-testid="loss-chart"
        data-scale={axis.scale}
        data-domain={axis.domain.join(',')}
        data-points={rows.length}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            margin={{ top: 8 * k, right: 16 * k, bottom: 16 * k, left: 14 * k }}
          >
            <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
            <XAxis
              dataKey="step"
              type="number"
              domain={[1, extent]}
              ticks={stepTicks(extent, 4)}
              allowDataOverflow
              stroke={MUTED}
              {...tickProps(11, k)}
              height={30 * k}
              label={{
                value: 'training step',
                position: 'insideBottom',
                offset: -10 * k,
                fill: MUTED,
                ...chartFont(12, k),
              }}
            />
            <YAxis
              scale={axis.scale}
              domain={axis.domain}
              ticks={axis.ticks}
              interval={0}
              allowDataOverflow
              stroke={MUTED}
              {...tickProps(11, k)}
              tickFormatter={axis.format}
              width={52 * k}
              label={{
                value: axis.title,
                angle: -90,
                position: 'insideLeft',
                offset: -6 * k,
                fill: MUTED,
                ...yTitleFont(12, k),
              }}
            />
            <Tooltip
              contentStyle={{ background: '#171e2e', border: '1px solid #2a3550' }}
              labelFormatter={(s) => `step ${s}`}
              formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))}
            />
            {showLn2 && <ReferenceLine y={LN2} stroke={MUTED} strokeDasharray="4 4" />}
            <Line
              dataKey="loss"
              name="minibatch loss"
              stroke={PALETTE[0]}
              dot={rows.length < 20}
              isAnimationActive={false}
              strokeWidth={2}
              shape={lineShapeStill}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="act-loss-note" data-testid="loss-note">
        {axis.note}
        {showLn2 && ` Dashed: ln 2 = ${LN2.toFixed(3)}, the loss of always predicting ½.`}
      </p>
    </div>
  );
}
