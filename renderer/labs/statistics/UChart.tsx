import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { BvModel, BvRow } from '../../../core/labs/statistics/model';
import { lineShapeStill } from '../../components/line-shape';
import { useChartTextScale } from '../../components/text-scale';
import { BV_COLOR, INK } from './colors';

const shown = (w: BvRow) => w.regime === 'settled' || w.regime === 'slow';
/** A value for the log axis: positive and finite, else a gap. */
const pos = (v: number | undefined) => (v !== undefined && v > 0 && Number.isFinite(v) ? v : null);

/** The rows as the chart reads them: mean-based numbers only where the mean is finite. */
export function uChartRows(m: BvModel) {
  return m.rows.map((w) => ({
    degree: w.degree,
    bias2: shown(w) ? pos(w.bias2) : null,
    variance: shown(w) ? pos(w.variance) : null,
    noise: w.noise,
    predicted: shown(w) ? pos(w.predicted) : null,
    test: shown(w) ? pos(w.testError) : null,
    train: pos(w.trainError),
    median: pos(w.median),
    band: [pos(w.q10), pos(w.q90)],
    exBias2: pos(w.exact?.bias2),
    exVariance: pos(w.exact?.variance),
  }));
}

/** Decades the log axis spans at most: below that, lines leave the chart at the bottom. */
const DECADES = 10;

/**
 * The log axis: up to the larger of 1000 × the largest value at the settled degrees and 3 × the
 * largest median (a heavy-tailed degree's mean and 90 % quantile may go far higher and are cut),
 * down at most DECADES below the top.
 */
function logDomain(m: BvModel, rows: ReturnType<typeof uChartRows>): [number, number] {
  const positive = (vs: (number | null | undefined)[]) =>
    vs.filter((v): v is number => typeof v === 'number' && v > 0 && Number.isFinite(v));
  const settled = positive(
    m.rows
      .filter((w) => w.regime === 'settled')
      .flatMap((w) => [w.bias2, w.variance, w.testError, w.trainError, w.q90]),
  );
  const medians = positive(rows.map((r) => r.median));
  const all = positive(
    rows.flatMap((r) => [r.bias2, r.variance, r.noise, r.test, r.train, r.median, r.exBias2]),
  );
  const top = Math.max(
    settled.length ? Math.max(...settled) * 1e3 : 0,
    medians.length ? Math.max(...medians) * 3 : 0,
    rows[0]?.noise ?? 1,
  );
  const hi = 10 ** Math.ceil(Math.log10(top));
  const lo = Math.max(10 ** Math.floor(Math.log10(Math.min(...all))), hi / 10 ** DECADES);
  return [lo, hi];
}

const font = (px: number, k: number) => ({
  fontSize: Math.round(px * k),
  style: { fontSize: Math.round(px * k) },
});

/**
 * The U-shaped test error against degree, on a log axis: bias², variance and noise σ², their sum,
 * the test error measured on fresh data (dots), the training error, and the median test MSE of the
 * sets with its 10–90 % band. Where random x makes the variance infinite the mean-based lines stop
 * and the region is shaded; under a fixed design the closed form is drawn dashed.
 */
export function UChart({ model, degree }: { model: BvModel; degree: number }) {
  const k = useChartTextScale();
  const rows = uChartRows(model);
  const [lo, hi] = logDomain(model, rows);
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil(Math.log10(hi / lo) / 6));
  for (let e = Math.log10(lo); e <= Math.log10(hi) + 1e-9; e += step) ticks.push(10 ** e);
  const wild = model.rows.find((w) => !shown(w));
  const G = rows.length;
  const line = (key: string, color: string, extra: Record<string, unknown> = {}) => (
    <Line
      dataKey={key}
      stroke={color}
      strokeWidth={2.2}
      dot={false}
      activeDot={false}
      isAnimationActive={false}
      shape={lineShapeStill}
      {...extra}
    />
  );
  return (
    <div className="stats-chart" data-testid="bv-u-chart" data-wild-from={wild?.degree ?? ''}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={{ top: 8 * k, right: 14 * k, bottom: 14 * k, left: 8 * k }}
        >
          <CartesianGrid stroke={INK.grid} strokeDasharray="3 3" />
          {wild && (
            <ReferenceArea
              x1={wild.degree - 0.5}
              x2={G - 0.5}
              fill="#D55E00"
              fillOpacity={0.09}
              ifOverflow="hidden"
            />
          )}
          <XAxis
            dataKey="degree"
            type="number"
            domain={[-0.5, G - 0.5]}
            ticks={rows.map((r) => r.degree)}
            height={30 * k}
            stroke={INK.axis}
            tick={font(11, k)}
            label={{
              value: 'polynomial degree',
              position: 'insideBottom',
              offset: -10 * k,
              fill: INK.axis,
              ...font(11, k),
            }}
          />
          <YAxis
            scale="log"
            type="number"
            domain={[lo, hi]}
            ticks={ticks}
            allowDataOverflow
            tickFormatter={(v: number) => `1e${Math.round(Math.log10(v))}`.replace('-', '−')}
            width={48 * k}
            stroke={INK.axis}
            tick={font(11, k)}
            label={{
              value: 'mean squared error',
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              fill: INK.axis,
              fontSize: Math.round(11 * k),
              style: { textAnchor: 'middle', fontSize: Math.round(11 * k) },
            }}
          />
          <Area
            dataKey="band"
            stroke="none"
            fill={BV_COLOR.median}
            fillOpacity={0.18}
            isAnimationActive={false}
            activeDot={false}
            connectNulls={false}
          />
          <ReferenceLine x={degree} stroke={INK.text} strokeDasharray="4 3" />
          {line('noise', BV_COLOR.noise, { strokeDasharray: '2 4' })}
          {line('median', BV_COLOR.median, { strokeDasharray: '6 3', strokeWidth: 1.6 })}
          {line('train', BV_COLOR.train)}
          {line('bias2', BV_COLOR.bias2)}
          {line('variance', BV_COLOR.variance)}
          {line('predicted', BV_COLOR.predicted)}
          {line('exBias2', BV_COLOR.bias2, { strokeDasharray: '3 3', strokeWidth: 1.4 })}
          {line('exVariance', BV_COLOR.variance, { strokeDasharray: '3 3', strokeWidth: 1.4 })}
          {line('test', BV_COLOR.test, {
            strokeWidth: 0,
            dot: { r: 3.5 * k, fill: BV_COLOR.test, stroke: 'none' },
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
