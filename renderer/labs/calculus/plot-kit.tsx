/**
 * The Calculus lab's SVG plots: drawn in the measured pixels of their box (no viewBox scaling, so
 * text keeps its size), ticks and titles sized by the chart text scale, linear or decade axes
 * (values already in log₁₀, labelled 10ᵏ), a clip to the plot area and pointer input in data units.
 */
import { useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useChartTextScale } from '../../components/text-scale';
import { axisTicks, C, frameOf, type Axis, type Frame } from './plot-frame';

export { C, fmt, linePath, pathOf, type Axis, type Frame } from './plot-frame';

let clipCount = 0;

/**
 * A plot filling its box: axes, ticks, titles, and `children(frame)` drawn clipped to the plot.
 * `onPointer` gets data coordinates while the pointer is pressed (down and drag).
 */
export function Plot({
  x,
  y,
  testId,
  equal,
  label,
  data,
  onPointer,
  overlay,
  children,
}: {
  x: Axis;
  y: Axis;
  testId: string;
  /** The same scale on both axes. */
  equal?: boolean;
  label: string;
  data?: Record<string, string>;
  onPointer?(x: number, y: number): void;
  /** Drawn after the clipped content, not clipped (labels near the edges). */
  overlay?(F: Frame): ReactNode;
  children(F: Frame): ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const [clipId] = useState(() => `calc-clip-${++clipCount}`);
  const k = useChartTextScale();
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const font = Math.round(12 * k);
  const ok = size.w > 60 && size.h > 60;
  const F = frameOf(size.w, size.h, font, x, y, clipId, equal);
  const pointer = (e: PointerEvent<SVGSVGElement>) => {
    if (!onPointer || (e.type === 'pointermove' && e.buttons === 0)) return;
    if (e.type === 'pointerdown') e.currentTarget.setPointerCapture(e.pointerId);
    const r = e.currentTarget.getBoundingClientRect();
    const [dx, dy] = F.toData(e.clientX - r.left, e.clientY - r.top);
    onPointer(dx, dy);
  };
  const text = { fontSize: font, fill: C.axis };
  const mark = 0.35 * font;
  const xt = ok ? axisTicks(x, F.right - F.left, font) : [];
  const yt = ok ? axisTicks(y, F.bottom - F.top, 1.6 * font) : [];
  return (
    <div className="calc-plot" ref={ref} data-testid={testId} {...data}>
      {ok && (
        <svg
          width={size.w}
          height={size.h}
          role="img"
          aria-label={label}
          onPointerDown={pointer}
          onPointerMove={pointer}
          style={{ touchAction: onPointer ? 'none' : undefined }}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={F.left} y={F.top} width={F.right - F.left} height={F.bottom - F.top} />
            </clipPath>
          </defs>
          <rect
            x={F.left}
            y={F.top}
            width={F.right - F.left}
            height={F.bottom - F.top}
            fill="none"
            stroke={C.grid}
          />
          {xt.map((t) => (
            <g key={`x${t.value}`}>
              <line
                x1={F.px(t.value)}
                x2={F.px(t.value)}
                y1={F.top}
                y2={F.bottom}
                stroke={C.grid}
                strokeDasharray="2 4"
              />
              <line
                x1={F.px(t.value)}
                x2={F.px(t.value)}
                y1={F.bottom}
                y2={F.bottom + mark}
                stroke={C.axis}
              />
              <text
                style={text}
                x={F.px(t.value)}
                y={F.bottom + mark + 1.05 * font}
                textAnchor="middle"
              >
                {t.label}
              </text>
            </g>
          ))}
          {yt.map((t) => (
            <g key={`y${t.value}`}>
              <line
                x1={F.left}
                x2={F.right}
                y1={F.py(t.value)}
                y2={F.py(t.value)}
                stroke={C.grid}
                strokeDasharray="2 4"
              />
              <text
                style={text}
                x={F.left - mark - 3}
                y={F.py(t.value) + 0.35 * font}
                textAnchor="end"
              >
                {t.label}
              </text>
            </g>
          ))}
          <text
            style={text}
            x={(F.left + F.right) / 2}
            y={F.bottom + 2.5 * font}
            textAnchor="middle"
          >
            {x.title}
          </text>
          <text
            style={text}
            transform={`translate(${0.9 * font} ${(F.top + F.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {y.title}
          </text>
          <g clipPath={`url(#${clipId})`}>{children(F)}</g>
          {overlay?.(F)}
        </svg>
      )}
    </div>
  );
}
