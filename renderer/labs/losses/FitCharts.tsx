import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { FitModel } from '../../../core/labs/losses/model-fit';
import type { RegressionLossId } from '../../../core/ml/losses-regression';
import { useChartTextScale } from '../../components/text-scale';
import { axisProps, chartMargin, niceTicks, tickFmt, xTitle, yTitle } from './chart-parts';
import { INK, LOSS_COLOR } from './colors';
import { useLossesStore } from './store';

/**
 * The influence of one point, from compute: where each loss's fit passes at the outlier's x as the
 * outlier's y sweeps its range (everything else fixed). The dotted diagonal is the outlier itself:
 * a fit on it would follow the point wherever it goes.
 */
export function InfluenceChart({ model, ids }: { model: FitModel; ids: RegressionLossId[] }) {
  const k = useChartTextScale();
  const influence = useLossesStore((s) => s.influence);
  const status = useLossesStore((s) => s.influenceStatus);
  const rows = influence
    ? Array.from(influence.ys, (y, i) => {
        const row: Record<string, number> = { x: y, self: y };
        for (const id of ids) row[id] = influence.fitted[id][i];
        return row;
      })
    : [];
  const { yMin, yMax } = model.sweep;
  const outlierY = model.ys[model.outlier];
  return (
    <div
      className="loss-chart"
      data-testid="influence-chart"
      data-status={status}
      style={{ opacity: status === 'computing' ? 0.55 : 1 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={chartMargin(k)}>
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[yMin, yMax]}
            ticks={niceTicks(yMin, yMax, 6)}
            tickFormatter={tickFmt}
            height={30 * k}
            label={xTitle('the outlier’s y', k)}
            {...axisProps(k)}
          />
          <YAxis
            type="number"
            domain={[yMin, yMax]}
            ticks={niceTicks(yMin, yMax, 5)}
            tickFormatter={tickFmt}
            allowDataOverflow
            width={46 * k}
            label={yTitle('fit at the outlier’s x', k)}
            {...axisProps(k)}
          />
          <ReferenceLine x={outlierY} stroke={INK.text} strokeDasharray="3 3" />
          <Line
            dataKey="self"
            stroke={INK.axis}
            strokeDasharray="1 4"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
          />
          {ids.map((id) => (
            <Line
              key={id}
              dataKey={id}
              stroke={LOSS_COLOR[id]}
              strokeWidth={2.2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** How the focused fit's residuals spread, with Huber's ±δ or the quantile's 0 marked. */
export function ResidualHistogram({
  model,
  focus,
  delta,
}: {
  model: FitModel;
  focus: RegressionLossId;
  delta: number;
}) {
  const k = useChartTextScale();
  const { edges, counts } = model.histogram;
  const rows = counts.map((c, i) => ({ x: (edges[i] + edges[i + 1]) / 2, count: c }));
  const lo = edges[0];
  const hi = edges[edges.length - 1];
  const width = (hi - lo) / counts.length;
  return (
    <div className="loss-chart" data-testid="residual-histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={chartMargin(k)} barCategoryGap={1}>
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={[lo - width / 2, hi + width / 2]}
            ticks={niceTicks(lo, hi, 6)}
            tickFormatter={tickFmt}
            height={30 * k}
            label={xTitle('residual r = y − ŷ', k)}
            {...axisProps(k)}
          />
          <YAxis
            allowDecimals={false}
            width={40 * k}
            label={yTitle('points', k)}
            {...axisProps(k)}
          />
          {focus === 'huber' &&
            [-delta, delta]
              .filter((d) => d > lo && d < hi)
              .map((d) => (
                <ReferenceLine key={d} x={d} stroke={LOSS_COLOR.huber} strokeDasharray="4 3" />
              ))}
          <ReferenceLine x={0} stroke={INK.zero} />
          <Bar dataKey="count" fill={LOSS_COLOR[focus]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
