/**
 * Keeps a column of readouts on screen while presenting: when its content is taller than the
 * column, the column is zoomed out (CSS `zoom`, so layout and text shrink together) just enough
 * to fit, never below `minZoom`. On the desktop (chart text scale 1) the column scrolls as usual.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { useChartTextScale } from './text-scale';

export function useFitHeight(ref: RefObject<HTMLElement | null>, minZoom = 0.8): void {
  const presenting = useChartTextScale() > 1;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const style = el.style as CSSStyleDeclaration & { zoom: string };
    if (!presenting) {
      style.zoom = '';
      return;
    }
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        style.zoom = '';
        const need = el.scrollHeight;
        const have = el.clientHeight;
        if (need > have + 1) style.zoom = String(Math.max(minZoom, (have / need) * 0.99));
      });
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    const mo = new MutationObserver(fit);
    mo.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      mo.disconnect();
      style.zoom = '';
    };
  }, [ref, presenting, minZoom]);
}
