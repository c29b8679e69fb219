/**
 * The 1D interpolation L((1 − t)θ₀ + tθ*): t = 0 the initial weights, t = 1 the trained ones,
 * with a little of the line beyond each end.
 */
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { LandscapeResult } from '../../../core/labs/inside/sim-landscape';
import { numLabel } from '../../../core/math/num-format';
import { lineShapeStill } from '../../components/line-shape';
import { useChartTextScale } from '../../components/text-scale';

const INK = { axis: '#9aa6c0', grid: '#2a3550' } as const;

export function LandscapeLine({ result }: { result: LandscapeResult }) {
  const k = useChartTextScale();
  const rows = Array.from(result.interpT, (t, i) => ({ t, loss: result.interpLoss[i] }));
  const font = { fontSize: Math.round(14 * k), fill: INK.axis };
  return (
    <div className="inside-landscape-line" data-testid="landscape-line">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 24 * k, right: 16 * k, bottom: 16 * k, left: 8 * k }}>
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[-0.5, 1.5]}
            ticks={[-0.5, 0, 0.5, 1, 1.5]}
            tick={font}
            stroke={INK.axis}
            label={{ value: 't', position: 'insideBottomRight', offset: -6, ...font }}
          />
          <YAxis
            type="number"
            scale="log"
            domain={['auto', 'auto']}
            allowDataOverflow
            tickFormatter={(v: number) => numLabel(v)}
            tick={font}
            stroke={INK.axis}
            width={60 * k}
          />
          <ReferenceLine
            x={0}
            stroke="#e69f00"
            strokeDasharray="4 3"
            label={{ value: 'θ₀', position: 'top', ...font }}
          />
          <ReferenceLine
            x={1}
            stroke="#ffffff"
            strokeDasharray="4 3"
            label={{ value: 'θ*', position: 'top', ...font }}
          />
          <Line
            dataKey="loss"
            stroke="#56b4e9"
            strokeWidth={2.4}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            shape={lineShapeStill}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
