import { useRef, useState } from 'react';
import { EASY_MARGIN, type ClassifyModel } from '../../../core/labs/losses/model-classify';
import {
  PLANE,
  TRAINED_LOSSES,
  type LossesParams,
  type TrainedLoss,
} from '../../../core/labs/losses/params';
import type { Theta } from '../../../core/ml/losses-classify';
import { useChartTextScale } from '../../components/text-scale';
import { CLASS_COLOR, INK, LOSS_COLOR, LOSS_NAME } from './colors';
import { useLossesStore } from './store';
import { Arrow } from './svg-arrow';
import { PlotAxes, plotLayout, useElementSize, type PlotLayout } from './svg-plot';

const BOX = { xMin: PLANE.min, xMax: PLANE.max, yMin: PLANE.min, yMax: PLANE.max };
const r2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number) => Math.max(PLANE.min, Math.min(PLANE.max, r2(v)));

/** The segment of w·x + b = level inside the box, in pixels, or null. */
function levelLine(theta: Theta, level: number, L: PlotLayout): string | null {
  const [w1, w2, b] = theta;
  if (Math.hypot(w1, w2) < 1e-9) return null;
  const pts: [number, number][] = [];
  const { xMin, xMax, yMin, yMax } = BOX;
  if (Math.abs(w2) > 1e-12)
    for (const x of [xMin, xMax]) {
      const y = (level - b - w1 * x) / w2;
      if (y >= yMin && y <= yMax) pts.push([x, y]);
    }
  if (Math.abs(w1) > 1e-12)
    for (const y of [yMin, yMax]) {
      const x = (level - b - w2 * y) / w1;
      if (x >= xMin && x <= xMax) pts.push([x, y]);
    }
  if (pts.length < 2) return null;
  const [a, c] = [pts[0], pts[pts.length - 1]];
  return `M${L.px(a[0])} ${L.py(a[1])}L${L.px(c[0])} ${L.py(c[1])}`;
}

/**
 * The classifier's plane: the points of both classes (draggable), the boundary s = 0 of each
 * trained loss at the step shown (the chosen one thick, with its margins s = ±1 dashed), and each
 * point's pull under the chosen loss as an arrow along the boundary's normal toward its own side
 * (length ∝ |ℓ′(m)|). A red ring marks a misclassified point; easy points (p ≥ 0.9) are faded.
 */
export function ClassifyPlane({ params, model }: { params: LossesParams; model: ClassifyModel }) {
  const ref = useRef<HTMLDivElement>(null);
  const { w, h } = useElementSize(ref);
  const k = useChartTextScale();
  const font = Math.round(11 * k);
  const L = plotLayout(w, h, BOX, font, true);
  const [drag, setDrag] = useState<number | null>(null);
  const points = params.classify.points;
  const chosen: TrainedLoss = params.classify.loss;
  const theta = model.theta[chosen];
  const norm = theta ? Math.hypot(theta[0], theta[1]) : 0;
  const maxPull = Math.max(1e-300, ...model.pulls);
  const arrowPx = 0.09 * (L.right - L.left);

  const at = (e: React.PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };
  const nearest = (X: number, Y: number) => {
    let best = -1;
    let dist = 16 * k;
    points.forEach((p, i) => {
      const d = Math.hypot(L.px(p[0]) - X, L.py(p[1]) - Y);
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    return best;
  };
  return (
    <div ref={ref} className="loss-svg-box">
      {w > 0 && h > 0 && (
        <svg
          width={w}
          height={h}
          data-testid="classify-plane"
          data-point-px={points.map((p) => `${L.px(p[0])},${L.py(p[1])}`).join(' ')}
          data-margins={model.terms.map((t) => t.margin).join(',')}
          data-pulls={model.pulls.join(',')}
          aria-label="The classifier’s plane: drag the points; arrows show each point’s pull."
          onPointerDown={(e) => {
            const i = nearest(...at(e));
            if (i < 0) return;
            setDrag(i);
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const [X, Y] = at(e);
            e.currentTarget.style.cursor = drag !== null || nearest(X, Y) >= 0 ? 'grab' : 'default';
            if (drag === null) return;
            const [x, y] = L.fromPx(X, Y);
            useLossesStore.getState().setParams((s: LossesParams) => ({
              ...s,
              classify: {
                ...s.classify,
                points: s.classify.points.map((p, j) =>
                  j === drag ? [clamp(x), clamp(y), p[2]] : p,
                ),
              },
            }));
          }}
          onPointerUp={(e) => {
            setDrag(null);
            e.currentTarget.releasePointerCapture(e.pointerId);
          }}
        >
          <PlotAxes L={L} box={BOX} font={font} xTitle="x₁" yTitle="x₂" />
          {TRAINED_LOSSES.filter((l) => l !== chosen).map((l) => {
            const th = model.theta[l];
            const d = th && levelLine(th, 0, L);
            return d ? (
              <path
                key={l}
                d={d}
                stroke={LOSS_COLOR[l]}
                strokeWidth={1.5}
                strokeDasharray="2 4"
                fill="none"
              >
                <title>{`${LOSS_NAME[l]} boundary`}</title>
              </path>
            ) : null;
          })}
          {theta &&
            [-1, 1].map((lv) => {
              const d = levelLine(theta, lv, L);
              return d ? (
                <path
                  key={lv}
                  d={d}
                  stroke={LOSS_COLOR[chosen]}
                  strokeWidth={1.5}
                  strokeDasharray="8 5"
                  fill="none"
                />
              ) : null;
            })}
          {theta && (
            <path
              d={levelLine(theta, 0, L) ?? ''}
              stroke={LOSS_COLOR[chosen]}
              strokeWidth={3.2}
              fill="none"
            />
          )}
          {theta &&
            norm > 1e-9 &&
            points.map((p, i) => {
              const len = (model.pulls[i] / maxPull) * arrowPx;
              // Toward the point's own side: along y·w/|w| (the screen's y axis points down).
              const ux = (p[2] * theta[0]) / norm;
              const uy = (p[2] * theta[1]) / norm;
              return (
                <Arrow
                  key={`a${i}`}
                  x0={L.px(p[0])}
                  y0={L.py(p[1])}
                  x1={L.px(p[0]) + ux * len}
                  y1={L.py(p[1]) - uy * len}
                  color={INK.text}
                  width={1.8}
                  head={0.55 * font}
                />
              );
            })}
          {points.map((p, i) => (
            <circle
              key={`p${i}`}
              cx={L.px(p[0])}
              cy={L.py(p[1])}
              r={5 * Math.min(k, 1.5)}
              fill={p[2] > 0 ? CLASS_COLOR.pos : CLASS_COLOR.neg}
              fillOpacity={(model.terms[i]?.margin ?? 0) >= EASY_MARGIN ? 0.45 : 1}
              stroke={model.terms[i]?.misclassified ? LOSS_COLOR.mse : INK.grid}
              strokeWidth={model.terms[i]?.misclassified ? 3 : 1}
            />
          ))}
        </svg>
      )}
    </div>
  );
}
