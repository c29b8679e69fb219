import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import { useChartTextScale } from '../../components/text-scale';
import { axisProps, chartMargin, niceTicks, tickFmt, xTitle, yTitle } from './chart-parts';
import { INK } from './colors';

export interface CurveSeries {
  key: string;
  color: string;
  dashed?: boolean;
  width?: number;
}

interface Props {
  rows: ({ x: number } & Record<string, number>)[];
  series: CurveSeries[];
  xDomain: [number, number];
  /** A fixed y range (curves beyond it are clipped), or the data's own. */
  yDomain?: [number, number];
  xLabel: string;
  yLabel: string;
  cursor?: number;
  /** Vertical dotted lines (kinks, minimisers) with their colours. */
  marks?: { at: number; color: string }[];
  onCursor?(x: number): void;
  /** Points drawn as dots (e.g. the data a curve is about), with their colour. */
  dots?: { points: { x: number; y: number }[]; color: string };
  testId: string;
}

const noTooltip = () => null;

/** Curves of x on a shared axis: solid lines, dashed ones, a cursor, marks and dots. */
export function CurveChart(props: Props) {
  const k = useChartTextScale();
  const { rows, series, xDomain, yDomain } = props;
  return (
    <div
      className="loss-chart"
      data-testid={props.testId}
      data-series={series.map((s) => s.key).join(',')}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={chartMargin(k)}
          onMouseMove={(state) => {
            const i = Number(state.activeTooltipIndex);
            if (props.onCursor && Number.isInteger(i) && rows[i]) props.onCursor(rows[i].x);
          }}
        >
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={xDomain}
            ticks={niceTicks(xDomain[0], xDomain[1], 8)}
            tickFormatter={tickFmt}
            allowDataOverflow
            height={30 * k}
            label={xTitle(props.xLabel, k)}
            {...axisProps(k)}
          />
          <YAxis
            type="number"
            domain={yDomain ?? ['auto', 'auto']}
            ticks={yDomain ? niceTicks(yDomain[0], yDomain[1], 6) : undefined}
            tickFormatter={tickFmt}
            allowDataOverflow={!!yDomain}
            width={46 * k}
            label={yTitle(props.yLabel, k)}
            {...axisProps(k)}
          />
          <ReferenceLine y={0} stroke={INK.zero} />
          {xDomain[0] < 0 && xDomain[1] > 0 && <ReferenceLine x={0} stroke={INK.zero} />}
          {(props.marks ?? []).map((m, i) => (
            <ReferenceLine key={i} x={m.at} stroke={m.color} strokeDasharray="2 4" />
          ))}
          {props.cursor !== undefined && (
            <ReferenceLine x={props.cursor} stroke={INK.text} strokeDasharray="3 3" />
          )}
          <Tooltip content={noTooltip} cursor={false} isAnimationActive={false} />
          {series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              stroke={s.color}
              strokeWidth={s.width ?? (s.dashed ? 1.6 : 2.2)}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
          {props.dots && <ZAxis range={[70 * k * k, 70 * k * k]} />}
          {props.dots && (
            <Scatter
              data={props.dots.points}
              dataKey="y"
              fill={props.dots.color}
              isAnimationActive={false}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
