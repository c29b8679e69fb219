import { useEffect, useRef } from 'react';
import { chartTextScale, useChartTextScale } from '../../components/text-scale';
import type { RegLabModel } from '../../../core/labs/regularization/model';
import { OKABE } from './colors';
import { W_LS, W_OPT, W_TRUE } from './names';
import { planeDraw, planeLayout } from './plane-draw';
import { useRegStore } from './store';

const LEGEND: [string, string][] = [
  [OKABE.sky, 'loss ellipses L(w)'],
  [OKABE.orange, 'region Pα(w) ≤ t'],
  [OKABE.vermillion, `● ${W_OPT} constrained optimum`],
  [OKABE.yellow, '−∇L'],
  [OKABE.purple, 'normal / cone of normals'],
  ['#ffffff', `× ${W_LS} least-squares fit`],
  [OKABE.green, `◆ ${W_TRUE} true weights (drag)`],
];

const clampWeight = (v: number) => Math.max(-2.5, Math.min(2.5, +v.toFixed(2)));

/**
 * The (w₁, w₂) plane: ellipses of the data loss, the constraint region, the constrained optimum
 * where an ellipse touches the region, −∇L and the region's normal there. Drag the green diamond
 * to move the true weights (the data follow).
 */
export function PlaneView({ model }: { model: RegLabModel }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);
  const latest = useRef(model);
  latest.current = model;
  // Drawn again when the chart text scale changes (entering or leaving presentation mode).
  const textScale = useChartTextScale();

  useEffect(() => {
    const canvas = ref.current!;
    let queued = 0;
    const redraw = () => {
      queued = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
      if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const text = planeDraw(ctx, w, h, latest.current);
      canvas.dataset.axes = JSON.stringify(text);
      // Where the drag handle (w°) and the optimum are drawn, in CSS pixels: for tests and tools.
      const L = planeLayout(w, h, latest.current.box);
      const [tx, ty] = latest.current.params.trueWeights;
      const o = latest.current.solution.w;
      canvas.dataset.handlePx = `${L.px(tx)},${L.py(ty)}`;
      canvas.dataset.optimumPx = `${L.px(o[0])},${L.py(o[1])}`;
    };
    const schedule = () => {
      if (!queued) queued = requestAnimationFrame(redraw);
    };
    redraw();
    const ro = new ResizeObserver(schedule);
    ro.observe(canvas);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(queued);
    };
  }, [model, textScale]);

  const toPlane = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const L = planeLayout(rect.width, rect.height, latest.current.box);
    const X = e.clientX - rect.left;
    const Y = e.clientY - rect.top;
    const [tx, ty] = latest.current.params.trueWeights;
    const near = Math.hypot(X - L.px(tx), Y - L.py(ty)) < 14 * chartTextScale();
    return { w: L.fromPx(X, Y), near };
  };
  const sol = model.solution;
  const zeroList = sol.zeros.map((z, j) => (z ? `w${j + 1}` : '')).filter(Boolean);
  return (
    <figure className="reg-plane">
      <canvas
        ref={ref}
        className="reg-plane-canvas"
        data-testid="reg-plane"
        data-optimum={`${sol.w[0]},${sol.w[1]}`}
        data-lambda={String(sol.lambda)}
        data-zeros={zeroList.join(',')}
        aria-label={`Parameter plane: loss ellipses, the constraint region and the constrained optimum ${W_OPT}. Drag the green diamond to move the true weights ${W_TRUE}.`}
        onPointerDown={(e) => {
          if (!toPlane(e).near) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const { w, near } = toPlane(e);
          e.currentTarget.style.cursor = dragging.current || near ? 'grab' : 'default';
          if (!dragging.current) return;
          useRegStore.getState().setParams({ trueWeights: [clampWeight(w[0]), clampWeight(w[1])] });
        }}
        onPointerUp={(e) => {
          dragging.current = false;
          e.currentTarget.releasePointerCapture(e.pointerId);
        }}
      />
      <figcaption className="reg-legend">
        {LEGEND.map(([color, text]) => (
          <span key={text}>
            <i style={{ background: color }} /> {text}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
