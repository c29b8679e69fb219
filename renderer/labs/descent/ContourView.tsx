import { useEffect, useRef } from 'react';
import { contourLevels, contourSegments } from '../../../core/math/contours';
import type { Surface } from '../../../core/ml/surfaces-types';
import { colormapViridis } from '../../components/colormap';
import { surfaceMappingCreate } from '../../components/surface-mapping';
import { RACER_COLORS } from './params';
import { useDescentStore, type DescentState } from './store';

/** Paints the heat map once per grid into an offscreen canvas (one pixel per sample). */
function heatmapCanvas(s: DescentState): HTMLCanvasElement | null {
  const grid = s.grid;
  if (!grid) return null;
  const { n, values } = grid;
  const mapping = surfaceMappingCreate(grid, s.params.heightScale);
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  const img = c.getContext('2d')!.createImageData(n, n);
  const rgb = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      colormapViridis(mapping.toUnit(values[j * n + i]), rgb);
      const p = 4 * ((n - 1 - j) * n + i); // row 0 of the image is the top: largest y
      img.data[p] = rgb[0] * 255 * 0.85;
      img.data[p + 1] = rgb[1] * 255 * 0.85;
      img.data[p + 2] = rgb[2] * 255 * 0.85;
      img.data[p + 3] = 255;
    }
  }
  c.getContext('2d')!.putImageData(img, 0, 0);
  return c;
}

/** What depends only on the sampled surface and the height scale: built once, drawn every frame. */
interface SurfaceLayers {
  heat: HTMLCanvasElement | null;
  /** Contour segments of every level, in grid coordinates [i1, j1, i2, j2]…. */
  contours: Float64Array[];
}

function surfaceLayers(s: DescentState): SurfaceLayers {
  const grid = s.grid;
  if (!grid) return { heat: null, contours: [] };
  const levels = contourLevels(grid.values, 12, s.params.heightScale);
  return {
    heat: heatmapCanvas(s),
    contours: levels.map((level) => contourSegments(grid.values, grid.n, level)),
  };
}

function draw(
  canvas: HTMLCanvasElement,
  s: DescentState,
  layers: SurfaceLayers,
  surface: Surface | null,
) {
  const { heat } = layers;
  const ctx = canvas.getContext('2d');
  const grid = s.grid;
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth;
  const h = canvas.clientHeight;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = '#0f1420';
  ctx.fillRect(0, 0, w, h);
  if (!grid || !heat) return;
  const size = Math.min(w, h) - 8;
  const ox = (w - size) / 2;
  const oy = (h - size) / 2;
  const { xMin, xMax, yMin, yMax } = grid.domain;
  const px = (x: number) => ox + ((x - xMin) / (xMax - xMin)) * size;
  const py = (y: number) => oy + (1 - (y - yMin) / (yMax - yMin)) * size;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(heat, ox, oy, size, size);
  const n = grid.n;
  ctx.strokeStyle = 'rgba(255,255,255,0.4)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const segs of layers.contours) {
    for (let k = 0; k < segs.length; k += 4) {
      ctx.moveTo(ox + (segs[k] / (n - 1)) * size, oy + (1 - segs[k + 1] / (n - 1)) * size);
      ctx.lineTo(ox + (segs[k + 2] / (n - 1)) * size, oy + (1 - segs[k + 3] / (n - 1)) * size);
    }
  }
  ctx.stroke();
  ctx.save();
  ctx.beginPath();
  ctx.rect(ox, oy, size, size);
  ctx.clip();
  for (const m of surface?.minima ?? []) {
    ctx.fillStyle = m.global ? '#ffffff' : '#c8c8c8';
    ctx.beginPath();
    ctx.moveTo(px(m.x), py(m.y) - 6);
    ctx.lineTo(px(m.x) + 5, py(m.y));
    ctx.lineTo(px(m.x), py(m.y) + 6);
    ctx.lineTo(px(m.x) - 5, py(m.y));
    ctx.fill();
  }
  s.trajectories.forEach((t, r) => {
    if (!t) return;
    const last = Math.min(s.position, t.count - 1);
    ctx.strokeStyle = RACER_COLORS[r];
    ctx.lineWidth = r === s.selected ? 2.5 : 1.6;
    ctx.beginPath();
    for (let k = 0; k <= last; k++) {
      const x = px(t.positions[2 * k]);
      const y = py(t.positions[2 * k + 1]);
      if (k === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.stroke();
    ctx.fillStyle = RACER_COLORS[r];
    ctx.beginPath();
    ctx.arc(px(t.positions[2 * last]), py(t.positions[2 * last + 1]), 5, 0, 2 * Math.PI);
    ctx.fill();
  });
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.arc(px(s.params.start[0]), py(s.params.start[1]), 6, 0, 2 * Math.PI);
  ctx.stroke();
  if (s.cursor) {
    ctx.strokeStyle = '#ff5c8a';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(px(s.cursor[0]), oy);
    ctx.lineTo(px(s.cursor[0]), oy + size);
    ctx.moveTo(ox, py(s.cursor[1]));
    ctx.lineTo(ox + size, py(s.cursor[1]));
    ctx.stroke();
  }
  ctx.restore();
}

/** The surface from above: heat map, contours, every racer's path; hover links, click sets start. */
export function ContourView({ surface }: { surface: Surface | null }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current!;
    let cache: { grid: unknown; scale: string; layers: SurfaceLayers } = {
      grid: null,
      scale: '',
      layers: { heat: null, contours: [] },
    };
    let queued = 0;
    const redraw = () => {
      queued = 0;
      const s = useDescentStore.getState();
      if (cache.grid !== s.grid || cache.scale !== s.params.heightScale) {
        cache = { grid: s.grid, scale: s.params.heightScale, layers: surfaceLayers(s) };
      }
      draw(canvas, s, cache.layers, surface);
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

  const toXY = (e: React.MouseEvent<HTMLCanvasElement>): [number, number] | null => {
    const grid = useDescentStore.getState().grid;
    if (!grid) return null;
    const rect = e.currentTarget.getBoundingClientRect();
    const size = Math.min(rect.width, rect.height) - 8;
    const u = (e.clientX - rect.left - (rect.width - size) / 2) / size;
    const v = (e.clientY - rect.top - (rect.height - size) / 2) / size;
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
      onMouseMove={(e) => useDescentStore.setState({ cursor: toXY(e) })}
      onMouseLeave={() => useDescentStore.setState({ cursor: null })}
      onClick={(e) => {
        const p = toXY(e);
        if (p) useDescentStore.getState().setParams({ start: p });
      }}
    />
  );
}
