import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { HISTORY_COLS } from '../../../core/labs/networks/sim';
import { numText } from '../../components/Tex';
import { PALETTE } from '../../components/palette';
import { useChartTextScale } from '../../components/text-scale';
import { netLive } from './live';
import { useThrottledSeq } from './use-throttled';

const MUTED = '#9aa6c0';
/**
 * Points per line at most (the history is thinned evenly, the last row always kept). On software
 * GL the graphics process strokes these lines on the CPU each time a chart updates: 400 points per
 * line made one chart update cost more than all the rest of a training frame.
 */
const MAX_POINTS = 200;
/**
 * Each chart on a compositor layer of its own: its updates re-raster only its own pixels, and the
 * plane, the graph and the run bar updating around it no longer re-raster its lines (on software
 * GL, a training frame took 150–200 ms of the graphics process's CPU with the charts sharing the
 * page's layer, 50–70 ms with a layer each, 20 ms with the charts hidden).
 */
const OWN_LAYER = { willChange: 'transform' } as const;

function font(px: number, k: number) {
  const size = Math.round(px * k);
  return { fontSize: size, style: { fontSize: size } };
}

interface Row {
  epoch: number;
  a: number | null;
  b: number | null;
}

function rowsOf(history: number[], ca: number, cb: number, scale = 1): Row[] {
  const n = history.length / HISTORY_COLS;
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out: Row[] = [];
  const val = (v: number) => (Number.isFinite(v) ? v * scale : null);
  for (let i = 0; i < n; i += stride) {
    const o = i * HISTORY_COLS;
    out.push({ epoch: history[o], a: val(history[o + ca]), b: val(history[o + cb]) });
  }
  if (n > 0 && (n - 1) % stride !== 0) {
    const o = (n - 1) * HISTORY_COLS;
    out.push({ epoch: history[o], a: val(history[o + ca]), b: val(history[o + cb]) });
  }
  return out;
}

const Chart = memo(function Chart({
  rows,
  title,
  unit,
  epoch,
  testId,
}: {
  rows: Row[];
  title: string;
  unit: string;
  epoch: number;
  testId: string;
}) {
  const k = useChartTextScale();
  const last = rows[rows.length - 1];
  return (
    <div
      className="net-chart"
      style={OWN_LAYER}
      data-testid={testId}
      data-last-test={last?.b ?? ''}
      data-points={rows.length}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 6 * k, right: 12 * k, bottom: 14 * k, left: 6 * k }}>
          <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={[0, 'dataMax']}
            stroke={MUTED}
            tick={font(11, k)}
            tickFormatter={(v: number) => numText(v, 3)}
            height={28 * k}
            label={{
              value: 'epoch',
              position: 'insideBottom',
              offset: -8 * k,
              fill: MUTED,
              ...font(12, k),
            }}
          />
          <YAxis
            stroke={MUTED}
            tick={font(11, k)}
            width={46 * k}
            tickFormatter={(v: number) => numText(v, 3)}
            domain={unit === '%' ? [0, 100] : [0, 'auto']}
            label={{
              value: title,
              angle: -90,
              position: 'insideLeft',
              fill: MUTED,
              ...font(12, k),
              style: { textAnchor: 'middle', fontSize: Math.round(12 * k) },
            }}
          />
          <Legend
            verticalAlign="top"
            height={18 * k}
            wrapperStyle={{ fontSize: Math.round(12 * k) }}
          />
          <ReferenceLine x={epoch} stroke="#e6ebf5" strokeDasharray="2 3" />
          <Line
            type="linear"
            dataKey="a"
            name="train"
            stroke={PALETTE[1]}
            dot={rows.length < 4}
            isAnimationActive={false}
            strokeWidth={2}
          />
          <Line
            type="linear"
            dataKey="b"
            name="test"
            stroke={PALETTE[0]}
            dot={rows.length < 4}
            isAnimationActive={false}
            strokeWidth={2}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

/** Train and test loss, and accuracy for classification, against epochs; the current epoch marked. */
export function LossCharts({ classification }: { classification: boolean }) {
  const seq = useThrottledSeq(250);
  const { loss, acc, epoch } = useMemo(() => {
    const h = netLive.history;
    const f = netLive.frame;
    return {
      loss: rowsOf(h, 1, 2),
      acc: rowsOf(h, 3, 4, 100),
      epoch: f ? f.step / f.stepsPerEpoch : 0,
    };
    // The frame counter says when the history grew.
  }, [seq]);
  return (
    <div className={`net-charts ${classification ? 'net-charts-two' : ''}`}>
      <Chart rows={loss} title="loss" unit="" epoch={epoch} testId="net-loss-chart" />
      {classification ? (
        <Chart rows={acc} title="accuracy %" unit="%" epoch={epoch} testId="net-acc-chart" />
      ) : null}
    </div>
  );
}
