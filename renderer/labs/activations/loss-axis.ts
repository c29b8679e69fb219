/**
 * The loss chart's y axis, chosen from the losses streamed so far. A loss that spans two decades
 * or more (an exploding run: 10⁻¹ … 10¹⁶⁰) goes on a log axis with decade ticks; otherwise a
 * linear axis from 0, so a loss that wobbles between 0.69 and 0.71 is drawn flat instead of being
 * zoomed into noise. NaN/∞ (and, on a log axis, 0) cannot be drawn: they are counted and named.
 */
import { pow10Label } from './heatmap-draw';

/** Span (max/min of the positive losses) from which the axis is logarithmic. */
export const LOG_SPAN = 100;
/** Most tick labels on the axis. */
const MAX_TICKS = 6;

export interface LossAxis {
  scale: 'log' | 'linear';
  domain: [number, number];
  ticks: number[];
  /** Axis title. */
  title: string;
  /** One sentence saying what the chart shows, with the numbers. */
  note: string;
  /** Tick label for a value on this axis. */
  format(v: number): string;
  /** The value to draw for a loss, or null where this axis cannot show it. */
  plot(v: number): number | null;
}

/** 1, 2, 2.5 or 5 × 10ᵏ: the smallest round step with at most MAX_TICKS − 1 intervals. */
function niceStep(span: number): number {
  const raw = span / (MAX_TICKS - 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * mag;
}

const plain = (v: number) => String(+v.toPrecision(3));
const sci = (v: number) => v.toExponential(1).replace('e+', 'e');
const fmtValue = (v: number) =>
  v !== 0 && (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3) ? sci(v) : plain(v);

function logAxis(lo: number, hi: number, notDrawn: string): LossAxis {
  const e0 = Math.floor(Math.log10(lo));
  let e1 = Math.ceil(Math.log10(hi));
  if (e1 === e0) e1 += 1;
  const every = Math.max(1, Math.ceil((e1 - e0) / (MAX_TICKS - 1)));
  e1 = e0 + every * Math.ceil((e1 - e0) / every);
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e += every) ticks.push(10 ** e);
  return {
    scale: 'log',
    domain: [10 ** e0, 10 ** e1],
    ticks,
    title: 'minibatch loss (log scale)',
    note: `Log scale: the loss spans ${fmtValue(lo)} to ${fmtValue(hi)}, ${Math.round(Math.log10(hi / lo))} decades.${notDrawn}`,
    format: (v) => pow10Label(Math.round(Math.log10(v))),
    plot: (v) => (Number.isFinite(v) && v > 0 ? v : null),
  };
}

function linearAxis(lo: number, hi: number, notDrawn: string): LossAxis {
  // A baseline of 0 (losses are ≥ 0), or the data's own floor when it is negative.
  const from = Math.min(0, lo);
  const to = hi > from ? hi : from + 1;
  const step = niceStep(to - from);
  const d0 = Math.floor(from / step + 1e-9) * step;
  const d1 = Math.ceil(to / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let k = 0; d0 + k * step <= d1 + step * 1e-9; k++) ticks.push(+(d0 + k * step).toFixed(12));
  const range = hi > lo ? `between ${fmtValue(lo)} and ${fmtValue(hi)}` : `at ${fmtValue(lo)}`;
  return {
    scale: 'linear',
    domain: [d0, d1],
    ticks,
    title: 'minibatch loss',
    note: `Linear scale from ${fmtValue(d0)}: the loss stays ${range}.${notDrawn}`,
    format: fmtValue,
    plot: (v) => (Number.isFinite(v) ? v : null),
  };
}

/** The axis for the first `count` losses. */
export function lossAxis(losses: ArrayLike<number>, count: number): LossAxis {
  let lo = Infinity;
  let hi = -Infinity;
  let posLo = Infinity;
  let nonFinite = 0;
  let zeros = 0;
  let firstBad = 0;
  for (let i = 0; i < count; i++) {
    const v = losses[i];
    if (!Number.isFinite(v)) {
      if (nonFinite++ === 0) firstBad = i + 1;
      continue;
    }
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v > 0 && v < posLo) posLo = v;
    if (v === 0) zeros++;
  }
  const bad =
    nonFinite === 0
      ? ''
      : nonFinite === 1
        ? ` The loss at step ${firstBad} is NaN or infinite and is not drawn.`
        : ` ${nonFinite} losses from step ${firstBad} on are NaN or infinite and are not drawn.`;
  if (!(hi >= lo)) {
    const axis = linearAxis(0, 1, bad);
    return { ...axis, note: `No finite loss yet.${bad}` };
  }
  if (lo >= 0 && posLo < Infinity && hi / posLo >= LOG_SPAN) {
    const zeroNote =
      zeros === 0
        ? ''
        : zeros === 1
          ? ' One loss of exactly 0 cannot be drawn on it.'
          : ` ${zeros} losses of exactly 0 cannot be drawn on it.`;
    return logAxis(posLo, hi, bad + zeroNote);
  }
  return linearAxis(lo, hi, bad);
}
