/**
 * Pointer handling of the Bayesian line view's points, on a transparent rect over the plot:
 * press on a point and drag to move it; a press elsewhere that does not move adds a point;
 * shift-press removes the nearest point. Pixel ↔ data through the plot's own X and Y.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { BLR_LIMITS, type BlrParams } from '../../../core/labs/statistics/params';

type Points = BlrParams['points'];
/** How near (px) a press must be to a point to grab it. */
const GRAB_PX = 9;

function usePointDrag(
  points: Points,
  onPoints: (points: Points) => void,
  X: (v: number) => number,
  Y: (v: number) => number,
) {
  const drag = useRef<{ k: number; x: number; y: number; moved: boolean } | null>(null);
  const [hover, setHover] = useState(false);
  const { x: bx, y: by } = BLR_LIMITS;
  // The rect's top-left is at (X(x.min), Y(y.max)); pointer positions are relative to it.
  const at = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { px: e.clientX - r.left + X(bx.min), py: e.clientY - r.top + Y(by.max) };
  };
  const toData = (px: number, py: number): [number, number] => {
    const x = bx.min + ((px - X(bx.min)) / (X(bx.max) - X(bx.min))) * (bx.max - bx.min);
    const y = by.max - ((py - Y(by.max)) / (Y(by.min) - Y(by.max))) * (by.max - by.min);
    const clamp = (v: number, lo: number, hi: number) => +Math.min(hi, Math.max(lo, v)).toFixed(3);
    return [clamp(x, bx.min, bx.max), clamp(y, by.min, by.max)];
  };
  const nearest = (px: number, py: number) => {
    const d = points.map(([a, b]) => Math.hypot(X(a) - px, Y(b) - py));
    const k = d.indexOf(Math.min(...d));
    return { k, d: k < 0 ? Infinity : d[k] };
  };
  return {
    hover,
    handlers: {
      onPointerDown(e: PointerEvent<SVGRectElement>) {
        const { px, py } = at(e);
        const near = nearest(px, py);
        drag.current = {
          k: e.shiftKey || near.d > GRAB_PX ? -1 : near.k,
          x: px,
          y: py,
          moved: false,
        };
        if (drag.current.k >= 0) e.currentTarget.setPointerCapture(e.pointerId);
      },
      onPointerMove(e: PointerEvent<SVGRectElement>) {
        const { px, py } = at(e);
        const d = drag.current;
        if (!d) return setHover(nearest(px, py).d <= GRAB_PX);
        if (Math.hypot(px - d.x, py - d.y) > 2) d.moved = true;
        if (d.k >= 0 && d.moved) onPoints(points.map((p, i) => (i === d.k ? toData(px, py) : p)));
      },
      onPointerCancel() {
        drag.current = null;
      },
      onPointerUp(e: PointerEvent<SVGRectElement>) {
        const d = drag.current;
        drag.current = null;
        if (!d || d.moved || d.k >= 0) return;
        const { px, py } = at(e);
        if (e.shiftKey) {
          if (points.length) onPoints(points.filter((_, i) => i !== nearest(px, py).k));
        } else if (points.length < BLR_LIMITS.points) onPoints([...points, toData(px, py)]);
      },
    },
  };
}

/** The transparent rect over the plot that takes the presses (see the module comment). */
export function PointDragRect({
  points,
  onPoints,
  X,
  Y,
}: {
  points: Points;
  onPoints: (points: Points) => void;
  X: (v: number) => number;
  Y: (v: number) => number;
}) {
  const { hover, handlers } = usePointDrag(points, onPoints, X, Y);
  const { x, y } = BLR_LIMITS;
  return (
    <rect
      x={X(x.min)}
      y={Y(y.max)}
      width={X(x.max) - X(x.min)}
      height={Y(y.min) - Y(y.max)}
      fill="transparent"
      {...handlers}
      data-testid="bayes-click"
      style={{ cursor: hover ? 'grab' : 'crosshair', touchAction: 'none' }}
    />
  );
}
