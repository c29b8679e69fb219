/**
 * Samples for the activation gallery: f and f′ of each overlaid activation on a uniform grid, and
 * its saturation intervals clipped to the plotted range. The values come from core/ml/activations.
 */
import { ACTIVATIONS, type ActivationId } from '../../ml/activations';

/** Samples per curve across the plotted range (odd, so x = 0 is one of them). */
export const GALLERY_SAMPLES = 241;

/** One chart row: x, and f(x) under fKey(id) and f′(x) under dfKey(id) for each activation. */
export type GalleryRow = { x: number } & Record<string, number>;

export const fKey = (id: ActivationId) => `${id}:f`;
export const dfKey = (id: ActivationId) => `${id}:df`;

/** Rows for x ∈ [−range, range] on GALLERY_SAMPLES uniform points. */
export function galleryRows(ids: readonly ActivationId[], range: number): GalleryRow[] {
  const rows: GalleryRow[] = [];
  for (let i = 0; i < GALLERY_SAMPLES; i++) {
    const x = -range + (2 * range * i) / (GALLERY_SAMPLES - 1);
    const row: GalleryRow = { x };
    for (const id of ids) {
      row[fKey(id)] = ACTIVATIONS[id].f(x);
      row[dfKey(id)] = ACTIVATIONS[id].df(x);
    }
    rows.push(row);
  }
  return rows;
}

/** Saturation intervals (|f′| below the activation's threshold) inside [−range, range]. */
export function gallerySaturation(id: ActivationId, range: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of ACTIVATIONS[id].saturation.intervals) {
    const lo = Math.max(a, -range);
    const hi = Math.min(b, range);
    if (hi > lo) out.push([lo, hi]);
  }
  return out;
}

/** Value of f and f′ at x, and whether x lies in a saturation interval. */
export function galleryAt(id: ActivationId, x: number) {
  const act = ACTIVATIONS[id];
  const df = act.df(x);
  return { f: act.f(x), df, saturated: Math.abs(df) < act.saturation.threshold };
}
