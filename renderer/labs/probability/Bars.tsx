import type { ReactNode } from 'react';
import { BarHandle, type BarGeometry, type BarSeries } from './BarHandle';
import { ChartBox, C, fmt, Label, scale, textWidth, ticks, YAxis } from './chart-kit';

/**
 * Bars per class, one per series side by side, with each value written at the bar's end. A
 * series with onChange can be dragged: the pointer's height becomes the value (clamped to the
 * axis and snapped to `step`); a focused bar moves by `step` with the arrow keys.
 */
export function Bars({
  label,
  testId,
  series,
  domain,
  yTitle,
  classLabel,
  overlay,
  footer,
  data,
}: {
  label: string;
  testId: string;
  series: BarSeries[];
  domain: [number, number];
  yTitle: string;
  classLabel(i: number): string;
  overlay?(g: BarGeometry): ReactNode;
  /** A second row of labels under the class names (e.g. each class's gradient), in a colour. */
  footer?: { text(i: number): string; color: string; title: string };
  data?: Record<string, string>;
}) {
  const k = series[0].values.length;
  return (
    <ChartBox label={label} testId={testId} data={data}>
      {(size) => {
        const { w, h, font } = size;
        const left = textWidth(5, font) + font * 2;
        const right = font * 0.8;
        const band = (w - left - right) / k;
        const group = band * 0.72;
        const barWidth = group / series.length;
        // Values written on the bars: in one row when they fit between neighbours, staggered in
        // two rows when not, left out (the readouts have them) when even that is too tight.
        const widest = Math.max(
          ...series.flatMap((s) => Array.from(s.values, (v) => textWidth(fmt(v).length, font))),
        );
        const stagger = widest > (series.length > 1 ? barWidth : band) * 0.95;
        const showValues = widest <= (series.length > 1 ? band : 2 * band) * 0.95;
        const top = font * (stagger ? 3 : 1.8);
        // The footer row follows the same rule: one row, two staggered rows, or none.
        const footWidest = footer
          ? Math.max(...Array.from({ length: k }, (_, i) => textWidth(footer.text(i).length, font)))
          : 0;
        const footStagger = footWidest > band * 0.95;
        const footShow = footWidest <= 2 * band * 0.95;
        const bottom = font * (footer ? (footStagger ? 4.9 : 3.7) : 2.2);
        const y = scale(domain[0], domain[1], h - bottom, top);
        const x = (i: number, j = 0) => left + band * i + (band - group) / 2 + barWidth * (j + 0.5);
        const valueAt = (s: BarSeries, clientY: number, svg: SVGSVGElement) => {
          const r = svg.getBoundingClientRect();
          const step = s.step ?? 0.01;
          const v = Math.round(y.invert(clientY - r.top) / step) * step;
          return +Math.min(domain[1], Math.max(domain[0], v)).toFixed(6);
        };
        const base = y(Math.max(domain[0], Math.min(domain[1], 0)));
        return (
          <>
            <YAxis
              x={left}
              y={y}
              ticks={ticks(
                domain[0],
                domain[1],
                Math.min(6, Math.max(2, Math.floor((h - top - bottom) / (font * 3)))),
              )}
              font={font}
              title={yTitle}
            />
            <line x1={left} x2={w - right} y1={base} y2={base} stroke={C.axis} />
            {Array.from({ length: k }, (_, i) => (
              <Label
                key={i}
                x={x(i, (series.length - 1) / 2)}
                y={h - bottom + font * 0.5}
                size={font}
                baseline="hanging"
                muted
              >
                {classLabel(i)}
              </Label>
            ))}
            {footer && (
              <>
                <Label
                  x={left - font * 0.5}
                  y={h - font * (footStagger ? 1.5 : 0.9)}
                  size={font}
                  anchor="end"
                  fill={footer.color}
                >
                  {footer.title}
                </Label>
                {footShow &&
                  Array.from({ length: k }, (_, i) => (
                    <Label
                      key={i}
                      x={x(i, (series.length - 1) / 2)}
                      y={h - font * (footStagger && i % 2 === 0 ? 2.1 : 0.9)}
                      size={font}
                      fill={footer.color}
                    >
                      {footer.text(i)}
                    </Label>
                  ))}
              </>
            )}
            {series.map((s, j) =>
              Array.from({ length: k }, (_, i) => {
                const v = s.values[i];
                const yv = y(Math.max(domain[0], Math.min(domain[1], v)));
                const color = typeof s.color === 'function' ? s.color(i) : s.color;
                const above = v >= 0;
                return (
                  <g key={`${j}-${i}`}>
                    <rect
                      x={x(i, j) - barWidth * 0.45}
                      width={barWidth * 0.9}
                      y={Math.min(yv, base)}
                      height={Math.max(1, Math.abs(base - yv))}
                      fill={color}
                    />
                    {/* At the bar's top: its end when positive, the zero line when negative. */}
                    {showValues && (
                      <Label
                        x={x(i, j)}
                        y={
                          (above ? yv : base) -
                          font * 0.25 -
                          (stagger && (i * series.length + j) % 2 === 1 ? font * 1.15 : 0)
                        }
                        size={font}
                        baseline="auto"
                        className="prob-value"
                      >
                        {fmt(v)}
                      </Label>
                    )}
                    {s.onChange && (
                      <BarHandle
                        x={x(i, j) - barWidth / 2}
                        width={barWidth}
                        top={top}
                        height={h - top - bottom}
                        label={`${s.name} ${classLabel(i)}`}
                        domain={domain}
                        value={v}
                        step={s.step ?? 0.01}
                        testId={`${testId}-${s.name}-${i}`}
                        valueAt={(clientY, svg) => valueAt(s, clientY, svg)}
                        onChange={(nv) => s.onChange!(i, nv)}
                      />
                    )}
                  </g>
                );
              }),
            )}
            {overlay?.({ x, band, barWidth, y, size })}
          </>
        );
      }}
    </ChartBox>
  );
}
