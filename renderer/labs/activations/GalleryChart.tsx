import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ActivationId } from '../../../core/ml/activations';
import { useChartTextScale } from '../../components/text-scale';
import { chartFont, tickProps, yTitleFont } from './chart-axis';
import {
  dfKey,
  fKey,
  galleryRows,
  gallerySaturation,
} from '../../../core/labs/activations/gallery';
import { type GalleryEntry } from '../../../core/labs/activations/params';
import { PALETTE } from '../../components/palette';

interface Props {
  selected: readonly GalleryEntry[];
  /** The activation whose saturation is shaded. */
  focus: ActivationId;
  range: number;
  cursor: number;
  onCursor(x: number): void;
}

const noTooltip = () => null;

/** f (solid) and f′ (dashed) of every overlaid activation; the focus's saturation shaded. */
export function GalleryChart({ selected, focus, range, cursor, onCursor }: Props) {
  const k = useChartTextScale();
  const ids = useMemo(() => selected.map((e) => e.id), [selected]);
  const rows = useMemo(() => galleryRows(ids, range), [ids, range]);
  const ticks = useMemo(() => {
    const step = range <= 3 ? 0.5 : range <= 8 ? 1 : range <= 12 ? 2 : 5;
    const out: number[] = [];
    for (let t = -Math.floor(range / step) * step; t <= range + 1e-9; t += step)
      out.push(+t.toFixed(6));
    return out;
  }, [range]);

  const focusEntry = selected.find((e) => e.id === focus);
  const shade = focusEntry ? PALETTE[focusEntry.color] : '#9aa6c0';

  return (
    <div className="act-gallery-chart" data-testid="gallery-chart" data-curves={2 * ids.length}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 10 * k, right: 20 * k, bottom: 18 * k, left: 16 * k }}
          onMouseMove={(state) => {
            const i = Number(state.activeTooltipIndex);
            if (Number.isInteger(i) && rows[i]) onCursor(rows[i].x);
          }}
        >
          <CartesianGrid stroke="#2a3550" strokeDasharray="3 3" />
          {gallerySaturation(focus, range).map(([a, b]) => (
            <ReferenceArea
              key={`${a}:${b}`}
              x1={a}
              x2={b}
              fill={shade}
              fillOpacity={0.16}
              stroke="none"
              ifOverflow="hidden"
            />
          ))}
          <XAxis
            dataKey="x"
            type="number"
            domain={[-range, range]}
            ticks={ticks}
            stroke="#9aa6c0"
            {...tickProps(12, k)}
            height={30 * k}
            allowDataOverflow
            label={{
              value: 'x',
              position: 'insideBottom',
              offset: -12 * k,
              fill: '#9aa6c0',
              ...chartFont(12, k),
            }}
          />
          <YAxis
            domain={['auto', 'auto']}
            stroke="#9aa6c0"
            {...tickProps(12, k)}
            width={44 * k}
            tickFormatter={(v: number) => String(+v.toPrecision(3))}
            label={{
              value: 'f(x) solid, f′(x) dashed',
              angle: -90,
              position: 'insideLeft',
              offset: -6 * k,
              fill: '#9aa6c0',
              ...yTitleFont(12, k),
            }}
          />
          <ReferenceLine x={0} stroke="#56607a" />
          <ReferenceLine y={0} stroke="#56607a" />
          <ReferenceLine x={cursor} stroke="#e6ebf5" strokeDasharray="2 3" />
          <Tooltip content={noTooltip} cursor={false} isAnimationActive={false} />
          {selected.map((e) => (
            <Line
              key={fKey(e.id)}
              dataKey={fKey(e.id)}
              stroke={PALETTE[e.color]}
              strokeWidth={2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
          {selected.map((e) => (
            <Line
              key={dfKey(e.id)}
              dataKey={dfKey(e.id)}
              stroke={PALETTE[e.color]}
              strokeWidth={1.6}
              strokeDasharray="6 4"
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
