/**
 * The frame of the Losses lab's hand-drawn SVG plots (the fit and the classifier's plane): the
 * element's size in CSS pixels (no viewBox scaling, so text is drawn at its real size), a map
 * from data to pixels with room for tick labels sized by the chart text scale, and the axes.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';
import { ticksLinear } from '../../components/axis-ticks';
import type { Box } from '../../../core/labs/losses/model-fit';
import { INK } from './colors';

/** The element's content size in CSS pixels, following resizes. */
export function useElementSize(ref: RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setSize({ w: el.clientWidth, h: el.clientHeight });
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

export interface PlotLayout {
  w: number;
  h: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  px(x: number): number;
  py(y: number): number;
  /** Data coordinates of a pixel. */
  fromPx(X: number, Y: number): [number, number];
}

/** Room for ticks and titles in text of `font` px around a plot of box in w × h pixels. */
export function plotLayout(
  w: number,
  h: number,
  box: Box,
  font: number,
  equal = false,
): PlotLayout {
  let left = 1.2 * font + 4.2 * font * 0.62 + 8;
  let right = w - 0.8 * font;
  let top = 0.7 * font;
  let bottom = h - (2.6 * font + 6);
  if (equal) {
    // The same scale on both axes (the classifier's plane), centred in the room.
    const sx = (right - left) / (box.xMax - box.xMin);
    const sy = (bottom - top) / (box.yMax - box.yMin);
    const s = Math.min(sx, sy);
    const padX = (right - left - s * (box.xMax - box.xMin)) / 2;
    const padY = (bottom - top - s * (box.yMax - box.yMin)) / 2;
    left += padX;
    right -= padX;
    top += padY;
    bottom -= padY;
  }
  const kx = (right - left) / (box.xMax - box.xMin);
  const ky = (bottom - top) / (box.yMax - box.yMin);
  return {
    w,
    h,
    left,
    top,
    right,
    bottom,
    px: (x) => left + (x - box.xMin) * kx,
    py: (y) => bottom - (y - box.yMin) * ky,
    fromPx: (X, Y) => [box.xMin + (X - left) / kx, box.yMin + (bottom - Y) / ky],
  };
}

/** Ticks with labels on both axes, a frame, zero lines and the axis titles. */
export function PlotAxes({
  L,
  box,
  font,
  xTitle,
  yTitle,
}: {
  L: PlotLayout;
  box: Box;
  font: number;
  xTitle: string;
  yTitle: string;
}) {
  const count = (px: number) => Math.max(2, Math.min(8, Math.floor(px / (5 * font))));
  const xs = ticksLinear(box.xMin, box.xMax, count(L.right - L.left));
  const ys = ticksLinear(box.yMin, box.yMax, count(L.bottom - L.top));
  // Inline sizes: presentation mode's type rule must not make the text outgrow its room.
  const text = { fontSize: font, fill: INK.axis };
  const mark = 0.35 * font;
  return (
    <g className="loss-axes">
      <rect
        x={L.left}
        y={L.top}
        width={L.right - L.left}
        height={L.bottom - L.top}
        fill="none"
        stroke={INK.grid}
      />
      {box.yMin < 0 && box.yMax > 0 && (
        <line x1={L.left} x2={L.right} y1={L.py(0)} y2={L.py(0)} stroke={INK.zero} />
      )}
      {box.xMin < 0 && box.xMax > 0 && (
        <line x1={L.px(0)} x2={L.px(0)} y1={L.top} y2={L.bottom} stroke={INK.zero} />
      )}
      {xs.map((t) => (
        <g key={`x${t.value}`}>
          <line
            x1={L.px(t.value)}
            x2={L.px(t.value)}
            y1={L.bottom}
            y2={L.bottom + mark}
            stroke={INK.axis}
          />
          <text
            style={text}
            x={L.px(t.value)}
            y={L.bottom + mark + 0.2 * font}
            dominantBaseline="hanging"
            textAnchor="middle"
          >
            {t.label}
          </text>
        </g>
      ))}
      {ys.map((t) => (
        <g key={`y${t.value}`}>
          <line
            x1={L.left - mark}
            x2={L.left}
            y1={L.py(t.value)}
            y2={L.py(t.value)}
            stroke={INK.axis}
          />
          <text
            style={text}
            x={L.left - mark - 3}
            y={L.py(t.value)}
            dominantBaseline="central"
            textAnchor="end"
          >
            {t.label}
          </text>
        </g>
      ))}
      <text style={text} x={(L.left + L.right) / 2} y={L.bottom + 2.4 * font} textAnchor="middle">
        {xTitle}
      </text>
      <text
        style={text}
        transform={`translate(${Math.max(0.9 * font, L.left - 3.9 * font)} ${(L.top + L.bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
      >
        {yTitle}
      </text>
    </g>
  );
}
