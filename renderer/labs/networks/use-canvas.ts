/**
 * A canvas that fills its wrapper and redraws when `deps` change or the wrapper is resized. The
 * backing store is resized only when the size changes (reallocating it on every frame was most of
 * a redraw's cost), and one ResizeObserver lives as long as the component. On software GL the
 * page draws it (canvas2d): drawn by the GPU process, its paths queued behind the compositing of
 * the whole window on the same CPU.
 */
import { useEffect, useRef } from 'react';
import { canvas2d } from '../../components/gl-quality';

export function useCanvas(
  draw: (ctx: CanvasRenderingContext2D, w: number, h: number, canvas: HTMLCanvasElement) => void,
  deps: readonly unknown[],
) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const paint = useRef(() => {
    const el = wrap.current;
    const cv = canvas.current;
    if (!el || !cv) return;
    const w = el.clientWidth;
    const h = el.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    const bw = Math.round(w * dpr);
    const bh = Math.round(h * dpr);
    if (cv.width !== bw || cv.height !== bh) {
      cv.width = bw;
      cv.height = bh;
      cv.style.width = `${w}px`;
      cv.style.height = `${h}px`;
    }
    const ctx = canvas2d(cv);
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawRef.current(ctx, w, h, cv);
  });
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => paint.current());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => paint.current(), deps);
  return { wrap, canvas };
}
