/**
 * A box that takes the room its parent gives and draws an SVG of exactly that many pixels, with
 * the chart text scale (renderer/components/text-scale.ts) so text grows while presenting.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useChartTextScale } from '../../components/text-scale';

export interface BoxSize {
  w: number;
  h: number;
  /** Tick text size in px. */
  font: number;
}

export function SvgBox({
  label,
  testId,
  data,
  children,
}: {
  label: string;
  testId: string;
  data?: Record<string, string>;
  children(size: BoxSize): ReactNode;
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
  return (
    <div className="stats-svg-box" ref={ref}>
      {room.w > 20 && room.h > 20 && (
        <svg
          width={room.w}
          height={room.h}
          role="img"
          aria-label={label}
          data-testid={testId}
          {...Object.fromEntries(Object.entries(data ?? {}).map(([key, v]) => [`data-${key}`, v]))}
        >
          {children({ w: room.w, h: room.h, font: Math.round(12 * k) })}
        </svg>
      )}
    </div>
  );
}
