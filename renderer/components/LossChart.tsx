import { memo, useEffect, useMemo, useRef } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
} from 'recharts';
import { lineShapeStill } from './line-shape';
import { useChartTextScale } from './text-scale';

export interface LossSeries {
  id: string;
  label: string;
  color: string;
  losses: Float64Array;
  count: number;
}

/** A value that moves often (the playback step), read and followed outside React. */
export interface Playhead {
  get(): number;
  /** Calls `fn` after every change that may move it; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void;
}

interface Props {
  series: readonly LossSeries[];
  /** Points drawn per series at most; longer runs are thinned evenly. */
  maxPoints?: number;
  /** Subtracted from every loss (e.g. the known minimum f*), so the log axis shows the gap. */
  offset?: number;
  /**
   * A vertical marker at this step (the playback position). It moves by itself, one attribute
   * of one SVG line, so the series are drawn only when they change, never per playback frame.
   */
  playhead?: Playhead;
  yLabel?: string;
  /** Name of the horizontal axis (e.g. "step"), drawn under its ticks. */
  xLabel?: string;
}

/** The playhead line, placed by the chart's own x scale and moved without rendering the chart. */
function PlayheadLine({ source }: { source: Playhead }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  const line = useRef<SVGLineElement>(null);
  useEffect(() => {
    if (!x) return;
    const place = () => {
      const px = x(source.get());
      line.current?.setAttribute('transform', `translate(${Number.isFinite(px) ? px : -1e4} 0)`);
    };
    place();
    return source.subscribe(place);
  }, [x, source]);
  if (!area) return null;
  return (
    <line
      ref={line}
      className="loss-playhead"
      data-testid="loss-playhead"
      x1={0}
      x2={0}
      y1={area.y}
      y2={area.y + area.height}
      stroke="#ff5c8a"
      strokeDasharray="4 3"
      pointerEvents="none"
    />
  );
}

function rowsBuild(series: readonly LossSeries[], maxPoints: number, offset?: number) {
  const longest = Math.max(0, ...series.map((s) => s.count));
  const stride = Math.max(1, Math.ceil(longest / maxPoints));
  const rows: Record<string, number>[] = [];
  let allPositive = true;
  for (let k = 0; k < longest; k += stride) {
    const row: Record<string, number> = { step: k };
    for (const s of series) {
      if (k < s.count) {
        const v = s.losses[k] - (offset ?? 0);
        // At the minimum itself the gap is 0; floor it so the log axis can still show the point.
        row[s.id] = offset !== undefined ? Math.max(v, 1e-16) : v;
        if (!(row[s.id] > 0)) allPositive = false;
      }
    }
    rows.push(row);
  }
  return { rows, scale: allPositive ? ('log' as const) : ('linear' as const) };
}

/**
 * Loss per step for each run, on a log axis when every loss is positive (linear otherwise).
 * Memoised: it renders when its series, axes or text scale change, not when its parent does.
 */
export const LossChart = memo(function LossChart({
  series,
  maxPoints = 400,
  offset,
  playhead,
  yLabel,
  xLabel,
}: Props) {
  const textScale = useChartTextScale();
  const { rows, scale } = useMemo(
    () => rowsBuild(series, maxPoints, offset),
    [series, maxPoints, offset],
  );
  const k = textScale;
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
            tick={{ fontSize: 12 * k }}
            height={(xLabel ? 44 : 30) * k}
            label={
              xLabel
                ? { value: xLabel, position: 'insideBottom', fill: '#9aa6c0', fontSize: 12 * k }
                : undefined
            }
          />
          <YAxis
            scale={scale}
            domain={['auto', 'auto']}
            allowDataOverflow
            stroke="#9aa6c0"
            tick={{ fontSize: 12 * k }}
            tickFormatter={(v: number) =>
              Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-2)
                ? v.toExponential(0)
                : String(+v.toPrecision(3))
            }
            width={64 * k}
            label={
              yLabel
                ? {
                    value: yLabel,
                    angle: -90,
                    position: 'insideLeft',
                    fill: '#9aa6c0',
                    fontSize: 12 * k,
                  }
                : undefined
            }
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
              shape={lineShapeStill}
            />
          ))}
          {playhead && <PlayheadLine source={playhead} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
