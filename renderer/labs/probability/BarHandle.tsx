import { useRef } from 'react';
import type { ChartSize } from './chart-kit';

export interface BarSeries {
  name: string;
  values: ArrayLike<number>;
  color: string | ((i: number) => string);
  /** Makes the bars draggable (pointer, or arrow keys on a focused bar). */
  onChange?(i: number, v: number): void;
  /** Keyboard step and the resolution a drag snaps to. */
  step?: number;
}

export interface BarGeometry {
  /** Centre of bar j of class i. */
  x(i: number, j?: number): number;
  band: number;
  barWidth: number;
  y(v: number): number;
  size: ChartSize;
}

/**
 * The invisible, focusable column over a draggable bar: pressing sets the value under the
 * pointer, dragging follows it (the pointer is captured, so it may leave the column), and the
 * arrow keys step it (Shift: ten steps). A slider to assistive technology.
 */
export function BarHandle({
  x,
  width,
  top,
  height,
  label,
  domain,
  value,
  step,
  testId,
  valueAt,
  onChange,
}: {
  x: number;
  width: number;
  top: number;
  height: number;
  label: string;
  domain: [number, number];
  value: number;
  step: number;
  testId: string;
  /** The value at a pointer's clientY. */
  valueAt(clientY: number, svg: SVGSVGElement): number;
  onChange(v: number): void;
}) {
  const dragging = useRef(false);
  return (
    <rect
      className="prob-drag"
      x={x}
      width={width}
      y={top}
      height={height}
      fill="transparent"
      tabIndex={0}
      role="slider"
      aria-label={label}
      aria-valuemin={domain[0]}
      aria-valuemax={domain[1]}
      aria-valuenow={value}
      data-testid={testId}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        dragging.current = true;
        onChange(valueAt(e.clientY, e.currentTarget.ownerSVGElement!));
      }}
      onPointerMove={(e) => {
        if (dragging.current) onChange(valueAt(e.clientY, e.currentTarget.ownerSVGElement!));
      }}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
      onKeyDown={(e) => {
        const d = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
        if (!d) return;
        e.preventDefault();
        const by = step * (e.shiftKey ? 10 : 1);
        onChange(+Math.min(domain[1], Math.max(domain[0], value + d * by)).toFixed(6));
      }}
    />
  );
}
