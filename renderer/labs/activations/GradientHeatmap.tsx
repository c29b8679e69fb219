import { useEffect, useRef } from 'react';
import { useChartTextScale } from '../../components/text-scale';
import type { FlowBuffer } from './flow-buffer';
import { heatCellsCreate, heatCellsUpdate, heatmapDraw } from './heatmap-draw';

/**
 * Per-layer gradient norms over training steps (layer × step, log colour scale). Draws on a 2D
 * canvas at most once per animation frame when the buffer changes, outside React's render.
 */
export function GradientHeatmap({ buffer }: { buffer: FlowBuffer }) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // Drawn again when the chart text scale changes (entering or leaving presentation mode).
  const textScale = useChartTextScale();

  useEffect(() => {
    const box = wrap.current;
    const c = canvas.current;
    if (!box || !c) return;
    const cells = heatCellsCreate();
    let raf = 0;
    const draw = () => {
      raf = 0;
      const dpr = window.devicePixelRatio || 1;
      const w = box.clientWidth;
      const h = box.clientHeight;
      if (w < 20 || h < 20) return;
      if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
        c.width = Math.round(w * dpr);
        c.height = Math.round(h * dpr);
      }
      // Drawn by the page's own process (a few ms): it is redrawn for every training frame, and on
      // software GL an accelerated canvas would load the CPU that composites the page.
      const ctx = c.getContext('2d', { willReadFrequently: true });
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      if (buffer.count > 0) heatCellsUpdate(cells, buffer);
      const plot = heatmapDraw(ctx, w, h, buffer, cells);
      // For tests and tools: where the cells are, in canvas pixels, and how many steps are drawn.
      c.dataset.plot = [plot.x, plot.y, plot.w, plot.h].map((v) => Math.round(v * dpr)).join(',');
      c.dataset.steps = String(buffer.count);
      c.dataset.labels = JSON.stringify(plot.labels);
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(draw);
    };
    const unsubscribe = buffer.subscribe(schedule);
    const observer = new ResizeObserver(schedule);
    observer.observe(box);
    schedule();
    return () => {
      unsubscribe();
      observer.disconnect();
      if (raf) cancelAnimationFrame(raf);
    };
  }, [buffer, textScale]);

  return (
    <div ref={wrap} className="act-heatmap" data-testid="flow-heatmap">
      <canvas
        ref={canvas}
        role="img"
        aria-label="Gradient norm of every weight layer at every training step, on a log colour scale"
      />
    </div>
  );
}
