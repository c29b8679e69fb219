/**
 * How much larger chart text is drawn than on the desktop: 1 normally, about 1.8 on a 1080-pixel
 * screen while presenting (so 11 px ticks become 20 px). The shell sets it; charts read it —
 * SVG charts through `useChartTextScale()` (axis widths grow with their ticks), canvas drawings
 * through `chartTextPx()` when they redraw (they redraw on resize, which entering or leaving
 * presentation mode causes).
 */
import { useSyncExternalStore } from 'react';

let scale = 1;
const listeners = new Set<() => void>();

/** Sets the scale (the shell calls this when presentation mode or the window height changes). */
export function chartTextScaleSet(next: number): void {
  if (!(next > 0) || next === scale) return;
  scale = next;
  for (const l of listeners) l();
}

/** The current scale, for drawing code outside React. */
export function chartTextScale(): number {
  return scale;
}

/** A desktop font size in px, scaled for the current screen (rounded to whole pixels). */
export function chartTextPx(desktopPx: number): number {
  return Math.round(desktopPx * scale);
}

/** The scale, re-rendering the component when it changes. */
export function useChartTextScale(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => scale,
  );
}

/**
 * The scale presentation mode asks for at a given window height: the smallest chart text (11 px
 * on the desktop) becomes 1.86 % of the screen height, i.e. just over 20 px at 1080 pixels, never smaller
 * than on the desktop.
 */
export function chartTextScaleForPresenting(windowHeight: number): number {
  return Math.max(1, (0.0186 * windowHeight) / 11);
}
