import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
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
   * A vertical marker at this step (the playback position). It moves by itself (a transform of
   * one line over the chart), so the series are drawn only when they change, never per frame.
   */
  playhead?: Playhead;
  yLabel?: string;
  /** Name of the horizontal axis (e.g. "step"), drawn under its ticks. */
  xLabel?: string;
}

/**
 * The playhead, placed by the chart's own x scale and moved without rendering the chart. It is an
 * HTML line over the chart (portalled into `host`) on a compositor layer of its own, moved by a
 * transform: moving a line inside the chart's SVG had the graphics process draw the chart's
 * curves again where it passed, every frame (a third of a frame's cost on software GL).
 */
function PlayheadLine({ source, host }: { source: Playhead; host: HTMLElement }) {
  const x = useXAxisScale();
  const area = usePlotArea();
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!x) return;
    const place = () => {
      const px = x(source.get());
      if (line.current)
        line.current.style.transform = `translateX(${Number.isFinite(px) ? px : -1e4}px)`;
    };
    place();
    return source.subscribe(place);
  }, [x, source]);
  if (!area) return null;
  return createPortal(
    <div
      ref={line}
      className="loss-playhead"
      data-testid="loss-playhead"
      style={{
        position: 'absolute',
        left: -0.5,
        top: area.y,
        width: 1,
        height: area.height,
        // The dash of the chart's other markers: 4 px drawn, 3 px gap.
        background: 'repeating-linear-gradient(to bottom, #ff5c8a 0 4px, transparent 4px 7px)',
        willChange: 'transform',
        pointerEvents: 'none',
      }}
    />,
    host,
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
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const { rows, scale } = useMemo(
    () => rowsBuild(series, maxPoints, offset),
    [series, maxPoints, offset],
  );
  const k = textScale;
  return (
    <div
      ref={setHost}
      data-testid="loss-chart"
      data-points={rows.length}
      data-scale={scale}
      style={{ width: '100%', height: '100%', position: 'relative' }}
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
          {playhead && host && <PlayheadLine source={playhead} host={host} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
