import { useRef, useState } from 'react';
import type { Box, FitModel } from '../../../core/labs/losses/model-fit';
import { FIT_X, FIT_Y, type LossesParams } from '../../../core/labs/losses/params';
import type { RegressionLossId } from '../../../core/ml/losses-regression';
import { useChartTextScale } from '../../components/text-scale';
import { INK, LOSS_COLOR, LOSS_NAME } from './colors';
import { useLossesStore } from './store';
import { Arrow } from './svg-arrow';
import { PlotAxes, plotLayout, useElementSize } from './svg-plot';

interface Props {
  model: FitModel;
  /** The whole picture (the outlier is dragged here) or the close-up of the other points. */
  which: 'box' | 'zoom';
  ids: RegressionLossId[];
  focus: RegressionLossId;
}

const r2 = (v: number) => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * The points with the polynomial fitted under each shown loss; the focused fit drawn thick with
 * each point's pull on it as an arrow from the fit (length ∝ ψ(rᵢ), up when the point is above).
 * Any point can be dragged; the outlier (ringed) is the one to drag in the whole picture.
 */
export function FitPlot({ model, which, ids, focus }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const { w, h } = useElementSize(ref);
  const k = useChartTextScale();
  const font = Math.round(11 * k);
  const box: Box = which === 'box' ? model.box : model.zoom;
  const L = plotLayout(w, h, box, font);
  const [drag, setDrag] = useState<number | null>(null);
  const clip = `loss-fit-clip-${which}`;

  const toData = (e: React.PointerEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { X: e.clientX - r.left, Y: e.clientY - r.top };
  };
  const nearest = (X: number, Y: number) => {
    let best = -1;
    let dist = 16 * k;
    model.xs.forEach((x, i) => {
      const d = Math.hypot(L.px(x) - X, L.py(model.ys[i]) - Y);
      if (d < dist) {
        dist = d;
        best = i;
      }
    });
    return best;
  };
  const move = (i: number, X: number, Y: number) => {
    const [x, y] = L.fromPx(X, Y);
    const p = [
      r2(clamp(x, Math.max(FIT_X.min, box.xMin), Math.min(FIT_X.max, box.xMax))),
      r2(clamp(y, Math.max(FIT_Y.min, box.yMin), Math.min(FIT_Y.max, box.yMax))),
    ] as [number, number];
    useLossesStore.getState().setParams((s: LossesParams) => {
      const fit = s.fit;
      if (i === fit.inliers.length) return { ...s, fit: { ...fit, outlier: p } };
      return { ...s, fit: { ...fit, inliers: fit.inliers.map((q, j) => (j === i ? p : q)) } };
    });
  };

  const maxPull = Math.max(1e-300, ...Array.from(model.pulls, Math.abs));
  const arrowPx = 0.16 * (L.bottom - L.top);
  const line = (xy: Float64Array) => {
    let d = '';
    for (let q = 0; q < xy.length; q += 2) {
      const y = clamp(L.py(xy[q + 1]), -1e4, 1e4);
      d += `${q ? 'L' : 'M'}${L.px(xy[q]).toFixed(1)} ${y.toFixed(1)}`;
    }
    return d;
  };
  const fitAt = (i: number) => model.fits[focus].predictions[i];
  const o = model.outlier;

  return (
    <div ref={ref} className="loss-svg-box">
      {w > 0 && h > 0 && (
        <svg
          width={w}
          height={h}
          className="loss-fit-svg"
          data-testid={`fit-plot-${which}`}
          data-outlier={`${model.xs[o]},${model.ys[o]}`}
          data-outlier-px={`${L.px(model.xs[o])},${L.py(model.ys[o])}`}
          data-point-px={model.xs.map((x, i) => `${L.px(x)},${L.py(model.ys[i])}`).join(' ')}
          aria-label={
            which === 'box'
              ? 'The points and the fit under each loss. Drag the ringed outlier.'
              : 'Close-up of the points that follow the trend, with each point’s pull on the focused fit.'
          }
          onPointerDown={(e) => {
            const { X, Y } = toData(e);
            const i = nearest(X, Y);
            if (i < 0) return;
            setDrag(i);
            e.currentTarget.setPointerCapture(e.pointerId);
          }}
          onPointerMove={(e) => {
            const { X, Y } = toData(e);
            e.currentTarget.style.cursor = drag !== null || nearest(X, Y) >= 0 ? 'grab' : 'default';
            if (drag !== null) move(drag, X, Y);
          }}
          onPointerUp={(e) => {
            setDrag(null);
            e.currentTarget.releasePointerCapture(e.pointerId);
          }}
        >
          <defs>
            <clipPath id={clip}>
              <rect x={L.left} y={L.top} width={L.right - L.left} height={L.bottom - L.top} />
            </clipPath>
          </defs>
          <PlotAxes L={L} box={box} font={font} xTitle="x" yTitle="y" />
          <g clipPath={`url(#${clip})`}>
            {ids.map((id) => (
              <path
                key={id}
                d={line(model.curves[id])}
                stroke={LOSS_COLOR[id]}
                strokeWidth={id === focus ? 3.2 : 1.6}
                strokeDasharray={id === focus ? undefined : '7 4'}
                fill="none"
              >
                <title>{`${LOSS_NAME[id]} fit`}</title>
              </path>
            ))}
            {model.xs.map((x, i) => {
              const pull = model.pulls[i];
              const y0 = L.py(fitAt(i));
              return (
                <Arrow
                  key={`a${i}`}
                  x0={L.px(x)}
                  y0={y0}
                  x1={L.px(x)}
                  y1={y0 - (pull / maxPull) * arrowPx}
                  color={LOSS_COLOR[focus]}
                  width={2}
                  head={0.6 * font}
                />
              );
            })}
            {model.xs.map((x, i) => (
              <g key={`p${i}`}>
                <circle
                  cx={L.px(x)}
                  cy={L.py(model.ys[i])}
                  r={4.5 * Math.min(k, 1.5)}
                  fill={INK.text}
                />
                {i === o && (
                  <circle
                    cx={L.px(x)}
                    cy={L.py(model.ys[i])}
                    r={9 * Math.min(k, 1.5)}
                    fill="none"
                    stroke={INK.text}
                    strokeWidth={2}
                  />
                )}
              </g>
            ))}
          </g>
        </svg>
      )}
    </div>
  );
}
