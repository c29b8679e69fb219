import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface LossSeries {
  id: string;
  label: string;
  color: string;
  losses: Float64Array;
  count: number;
}

interface Props {
  series: readonly LossSeries[];
  /** Points drawn per series at most; longer runs are thinned evenly. */
  maxPoints?: number;
}

/** Loss per step for each run, on a log axis when every loss is positive (linear otherwise). */
export function LossChart({ series, maxPoints = 400 }: Props) {
  const longest = Math.max(0, ...series.map((s) => s.count));
  const stride = Math.max(1, Math.ceil(longest / maxPoints));
  const rows: Record<string, number>[] = [];
  let allPositive = true;
  for (let k = 0; k < longest; k += stride) {
    const row: Record<string, number> = { step: k };
    for (const s of series) {
      if (k < s.count) {
        row[s.id] = s.losses[k];
        if (!(s.losses[k] > 0)) allPositive = false;
      }
    }
    rows.push(row);
  }
  const scale = allPositive ? 'log' : 'linear';
  return (
    <div
      data-testid="loss-chart"
      data-points={rows.length}
      data-scale={scale}
      style={{ width: '100%', height: '100%' }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, 'dataMax']}
            stroke="#9aa6c0"
            tick={{ fontSize: 12 }}
          />
          <YAxis
            scale={scale}
            domain={['auto', 'auto']}
            allowDataOverflow
            stroke="#9aa6c0"
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) =>
              Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2)
                ? v.toExponential(0)
                : String(+v.toPrecision(3))
            }
            width={56}
          />
          <Tooltip contentStyle={{ background: '#171e2e', border: '1px solid #2a3550' }} />
          {series.map((s) => (
            <Line
              key={s.id}
              name={s.label}
              dataKey={s.id}
              stroke={s.color}
              dot={false}
              isAnimationActive={false}
              strokeWidth={2}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
