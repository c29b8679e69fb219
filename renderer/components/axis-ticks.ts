/**
 * Tick values and labels for plot axes: round numbers (1, 2 or 5 × 10ᵏ steps) on a linear axis,
 * and for the height axis and colour scale the f values at their drawn heights, which on the
 * log(1 + f − min f) scale are spread by that warp (0, 1, 10, 100, … above the minimum).
 */
import type { SurfaceMapping } from './surface-mapping';

export interface Tick {
  value: number;
  /** Position along the axis in [0, 1]. */
  at: number;
  label: string;
}

/** A round step (1, 2 or 5 × 10ᵏ) giving about `count` intervals over `span`. */
export function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/** A number as a tick label: up to 4 significant digits, exponent form when very large or small. */
export function tickText(v: number): string {
  if (v === 0 || Math.abs(v) < 1e-12) return '0';
  const a = Math.abs(v);
  const s =
    a >= 1e4 || a < 1e-3
      ? v.toExponential(1).replace('.0e', 'e').replace('e+', 'e')
      : String(+v.toPrecision(4));
  return s.replace('-', '−');
}

/** Round values in [min, max] about `count` apart, with their positions (min → 0, max → 1). */
export function ticksLinear(min: number, max: number, count = 5): Tick[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  const step = tickStep(max - min, count);
  const out: Tick[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    const value = Math.abs(k * step) < step * 1e-9 ? 0 : k * step;
    out.push({ value, at: (value - min) / (max - min), label: tickText(value) });
  }
  return out;
}

/** Roundness rank of a value: 0 for 0 and ±10ᵏ, 1 for ±5·10ᵏ, 2 for ±2·10ᵏ, 3 otherwise. */
function roundness(v: number): number {
  if (v === 0) return 0;
  const m = Math.abs(v) / 10 ** Math.floor(Math.log10(Math.abs(v)) + 1e-12);
  const near = (x: number) => Math.abs(m - x) < 1e-9;
  return near(1) || near(10) ? 0 : near(5) ? 1 : near(2) ? 2 : 3;
}

/**
 * Ticks for a surface's height (the 3D f axis and the colour scale): real f values at the heights
 * the mapping draws them, linear or log. At least `gap` apart along the axis, at most `max` ticks.
 */
export function ticksHeight(mapping: SurfaceMapping, gap = 0.085, max = 7): Tick[] {
  const { min, max: top } = mapping;
  if (!(top > min)) return [{ value: min, at: 0, label: tickText(min) }];
  if (mapping.scale === 'linear') return ticksLinear(min, top, Math.min(5, Math.round(0.5 / gap)));
  const candidates = new Map<number, number>(); // value → rank
  for (const t of ticksLinear(min, top, 5))
    candidates.set(t.value, Math.max(1, roundness(t.value)));
  const big = Math.floor(Math.log10(Math.max(Math.abs(min), Math.abs(top)))) + 1;
  for (let k = big - 8; k <= big; k++)
    for (const m of [1, 2, 5])
      for (const s of [1, -1]) {
        const v = s * m * 10 ** k;
        if (v >= min && v <= top) candidates.set(+v.toPrecision(12), roundness(v));
      }
  if (min <= 0 && top >= 0) candidates.set(0, 0);
  const ordered = [...candidates.entries()]
    .map(([value, rank]) => ({ value, rank, at: mapping.toUnit(value) }))
    // Roundest first; among equals the larger first, so 1, 10, 100 win over 0.001 near the floor.
    .sort((a, b) => a.rank - b.rank || b.at - a.at);
  // The floor of the scale first when it is itself a round value (0, say).
  const chosen: { value: number; at: number }[] = candidates.has(min)
    ? [{ value: min, at: 0 }]
    : [];
  for (const c of ordered) {
    if (chosen.length >= max) break;
    if (chosen.every((t) => Math.abs(t.at - c.at) >= gap)) chosen.push(c);
  }
  // The floor of the scale is labelled with the lowest f itself when no round value lands there.
  if (chosen.every((t) => t.at >= gap)) chosen.push({ value: min, at: 0 });
  else if (!chosen.some((t) => t.at === 0) && chosen.every((t) => t.at >= gap / 2))
    chosen.push({ value: min, at: 0 });
  return chosen
    .sort((a, b) => a.at - b.at)
    .map((t) => ({
      value: t.value,
      at: t.at,
      // A floor that is not round is labelled with three significant digits.
      label: tickText(candidates.has(t.value) ? t.value : +t.value.toPrecision(3)),
    }));
}
