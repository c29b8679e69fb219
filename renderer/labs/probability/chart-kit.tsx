/**
 * Small SVG chart pieces shared by the lab's views. Every chart is drawn in the pixels of its box
 * (measured), with text sized by the chart text scale (renderer/components/text-scale.ts), so it
 * grows with presentation mode and its axes make room for the larger ticks.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ticksLinear, type Tick } from '../../components/axis-ticks';
import { useChartTextScale } from '../../components/text-scale';

export const C = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  pink: '#CC79A7',
  vermillion: '#D55E00',
  blue: '#0072B2',
  grey: '#BBBBBB',
  axis: '#6b7794',
  grid: '#2a3550',
} as const;

/** Text colours that follow the theme (presentation mode makes them brighter). */
export const TEXT = { fill: 'var(--text)' } as const;
export const MUTED = { fill: 'var(--muted)' } as const;

/** A number for a label: 3 significant digits, exponent form when tiny or huge, − for minus, ∞, NaN. */
export function fmt(v: number, digits = 3): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s =
    a >= 1e5 || a < 1e-3
      ? v.toExponential(Math.max(0, digits - 1)).replace('e+', 'e')
      : String(+v.toPrecision(digits));
  return s.replace(/-/g, '−');
}

/** Linear map from [d0, d1] to [r0, r1], with its inverse. */
export function scale(d0: number, d1: number, r0: number, r1: number) {
  const f = (v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
  f.invert = (r: number) => d0 + ((r - r0) / (r1 - r0)) * (d1 - d0);
  return f;
}

export interface ChartSize {
  w: number;
  h: number;
  /** Tick text size in px; titles use the same. */
  font: number;
  k: number;
}

/**
 * A box that takes the room its parent gives and draws an SVG of exactly that many pixels.
 * `children` gets the size and the font for this screen.
 */
export function ChartBox({
  label,
  testId,
  className,
  data,
  children,
}: {
  label: string;
  testId?: string;
  className?: string;
  data?: Record<string, string>;
  children(size: ChartSize): ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current!;
    const measure = () => setRoom({ w: el.clientWidth, h: el.clientHeight });
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const k = useChartTextScale();
  const font = Math.round(12 * k);
  return (
    <div className={`prob-chart ${className ?? ''}`} ref={ref}>
      {room.w > 20 && room.h > 20 && (
        <svg
          width={room.w}
          height={room.h}
          role="img"
          aria-label={label}
          data-testid={testId}
          {...Object.fromEntries(Object.entries(data ?? {}).map(([key, v]) => [`data-${key}`, v]))}
        >
          {children({ w: room.w, h: room.h, font, k })}
        </svg>
      )}
    </div>
  );
}

/** Text at a given size (inline, so no page rule can change it). */
export function Label({
  x,
  y,
  size,
  anchor = 'middle',
  baseline = 'central',
  muted = false,
  fill,
  weight,
  className,
  children,
}: {
  x: number;
  y: number;
  size: number;
  className?: string;
  anchor?: 'start' | 'middle' | 'end';
  baseline?: 'central' | 'hanging' | 'auto';
  muted?: boolean;
  fill?: string;
  weight?: number;
  children: ReactNode;
}) {
  return (
    <text
      className={className}
      x={x}
      y={y}
      textAnchor={anchor}
      dominantBaseline={baseline}
      style={{ fontSize: size, ...(fill ? { fill } : muted ? MUTED : TEXT), fontWeight: weight }}
    >
      {children}
    </text>
  );
}

/** A vertical axis at x with ticks (label on the left), from a linear scale. */
export function YAxis({
  x,
  y,
  ticks,
  font,
  title,
  titleX,
  titleColor,
}: {
  x: number;
  y: (v: number) => number;
  ticks: Tick[] | number[];
  font: number;
  title?: string;
  titleX?: number;
  titleColor?: string;
}) {
  const list = ticks.map((t) => (typeof t === 'number' ? { value: t, label: fmt(t) } : t));
  const ys = list.map((t) => y(t.value));
  return (
    <g>
      <line x1={x} x2={x} y1={Math.min(...ys)} y2={Math.max(...ys)} stroke={C.axis} />
      {list.map((t) => (
        <g key={t.value}>
          <line x1={x - font * 0.35} x2={x} y1={y(t.value)} y2={y(t.value)} stroke={C.axis} />
          <Label x={x - font * 0.5} y={y(t.value)} size={font} anchor="end" muted>
            {t.label}
          </Label>
        </g>
      ))}
      {title && (
        <text
          transform={`translate(${titleX ?? font * 0.8} ${(Math.min(...ys) + Math.max(...ys)) / 2}) rotate(-90)`}
          textAnchor="middle"
          dominantBaseline="central"
          style={{ fontSize: font, ...(titleColor ? { fill: titleColor } : MUTED) }}
        >
          {title}
        </text>
      )}
    </g>
  );
}

/** Round ticks over [min, max]. */
export function ticks(min: number, max: number, count = 5): Tick[] {
  return ticksLinear(min, max, count).map((t) => ({ ...t, label: fmt(t.value) }));
}

/** Approximate width in px of a label of n characters at font size f (for padding). */
export const textWidth = (n: number, f: number) => n * f * 0.6;
