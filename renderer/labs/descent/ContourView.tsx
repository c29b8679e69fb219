import { useEffect, useRef } from 'react';
import type { Surface } from '../../../core/ml/surfaces-types';
import { ticksLinear } from '../../components/axis-ticks';
import { contourDraw, contourLayout, surfaceLayers, type SurfaceLayers } from './contour-draw';
import { useDescentStore } from './store';

/** The surface from above: heat map, contours, every racer's path; hover links, click sets start. */
export function ContourView({ surface }: { surface: Surface | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawn = useRef(0);
  useEffect(() => {
    const canvas = ref.current!;
    let cache: { grid: unknown; scale: string; layers: SurfaceLayers } = {
      grid: null,
      scale: '',
      layers: { heat: null, contours: [] },
    };
    let queued = 0;
    let drawnPaths: unknown = null;
    const redraw = () => {
      queued = 0;
      const s = useDescentStore.getState();
      if (cache.grid !== s.grid || cache.scale !== s.params.heightScale) {
        cache = { grid: s.grid, scale: s.params.heightScale, layers: surfaceLayers(s) };
      }
      contourDraw(canvas, s, cache.layers, surface);
      // A count of the races drawn, like the 3D view's (Scene.tsx, PathsDrawnMark).
      if (s.trajectories !== drawnPaths) {
        drawnPaths = s.trajectories;
        canvas.dataset.pathsDrawn = String(++drawn.current);
      }
    };
    const schedule = () => {
      if (!queued) queued = requestAnimationFrame(redraw);
    };
    redraw();
    const unsub = useDescentStore.subscribe(schedule);
    const ro = new ResizeObserver(schedule);
    ro.observe(canvas);
    return () => {
      unsub();
      ro.disconnect();
      cancelAnimationFrame(queued);
    };
  }, [surface]);

  // The tick labels drawn on the canvas, readable by tests and assistive tools.
  const domain = useDescentStore((st) => st.grid?.domain);
  const xTickText = domain
    ? ticksLinear(domain.xMin, domain.xMax, 5)
        .map((t) => t.label)
        .join(' ')
    : '';
  const yTickText = domain
    ? ticksLinear(domain.yMin, domain.yMax, 5)
        .map((t) => t.label)
        .join(' ')
    : '';
  const toXY = (e: React.MouseEvent<HTMLCanvasElement>): [number, number] | null => {
    const grid = useDescentStore.getState().grid;
    if (!grid) return null;
    const rect = e.currentTarget.getBoundingClientRect();
    const { size, ox, oy } = contourLayout(rect.width, rect.height);
    const u = (e.clientX - rect.left - ox) / size;
    const v = (e.clientY - rect.top - oy) / size;
    if (u < 0 || u > 1 || v < 0 || v > 1) return null;
    const { xMin, xMax, yMin, yMax } = grid.domain;
    return [xMin + u * (xMax - xMin), yMax - v * (yMax - yMin)];
  };
  return (
    <canvas
      ref={ref}
      className="contour-view"
      data-testid="contour-view"
      aria-label="Contour map: click to set the start point"
      data-x-ticks={xTickText}
      data-y-ticks={yTickText}
      onMouseMove={(e) => useDescentStore.setState({ cursor: toXY(e) })}
      onMouseLeave={() => useDescentStore.setState({ cursor: null })}
      onClick={(e) => {
        const p = toXY(e);
        if (p) useDescentStore.getState().setParams({ start: p });
      }}
    />
  );
}
