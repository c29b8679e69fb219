/**
 * Shared pieces of the path charts: colours, the log-λ axis, the current-λ marker, rows. Sizes
 * take the chart text scale k (renderer/components/text-scale): 1 on the desktop, about 1.8 while
 * presenting on a 1080-pixel screen, so axis room grows with its text.
 */
import { ReferenceLine, XAxis } from 'recharts';
import type { RegPathMethod } from '../../../core/sim/regularization-path';
import { OKABE } from './colors';
import { PATH_LAMBDA } from './path-run';
import type { RegPathFrame } from './store';

export const COEF_COLORS = [
  OKABE.orange,
  OKABE.sky,
  OKABE.green,
  OKABE.yellow,
  '#4da3e0',
  OKABE.vermillion,
  OKABE.purple,
  OKABE.grey,
];
export const METHOD_COLORS: Record<RegPathMethod, string> = {
  ridge: OKABE.sky,
  lasso: OKABE.vermillion,
  'elastic-net': OKABE.green,
};
export const METHODS: RegPathMethod[] = ['ridge', 'lasso', 'elastic-net'];
export const X_DOMAIN: [number, number] = [
  Math.log10(PATH_LAMBDA.min),
  Math.log10(PATH_LAMBDA.max),
];
/**
 * A chart text size of `px` desktop pixels at scale k, also inline: presentation mode's type rule
 * would otherwise set every SVG text to the page's size, larger than the room made for it here.
 */
const font = (px: number, k: number) => {
  const size = Math.round(px * k);
  return { fontSize: size, style: { fontSize: size } };
};
/** Axis line colour, tick text, tick marks and the gap to the text: all grow with the text. */
export const axisStyle = (k: number) => ({
  stroke: '#9aa6c0',
  tick: font(11, k),
  tickSize: 6 * k,
  tickMargin: 2 * k,
});
export const fmt = (v: number) => String(+v.toPrecision(3));
const titleStyle = (k: number) => ({ fill: '#9aa6c0', ...font(11, k) });
/** Room around a path chart's plot (its axes have their own). */
export const chartMargin = (k: number, top = 4, right = 10) => ({
  top: top * k,
  right: right * k,
  bottom: 12 * k,
  left: 6 * k,
});

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10^k for an integer k, with a superscript exponent: 10⁻³, 10⁰, 10². */
export function pow10Text(k: number): string {
  const digits = [...String(Math.abs(k))].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return `10${k < 0 ? '⁻' : ''}${digits}`;
}

/** The log-λ axis (values are log₁₀λ, labels 10ᵏ) with its title. */
export function xAxis(k: number, title = 'penalty weight λ (log scale)') {
  const ticks: number[] = [];
  for (let k = Math.ceil(X_DOMAIN[0]); k <= X_DOMAIN[1]; k++) ticks.push(k);
  return (
    <XAxis
      dataKey="x"
      type="number"
      domain={X_DOMAIN}
      ticks={ticks}
      tickFormatter={pow10Text}
      height={30 * k}
      label={{ value: title, position: 'insideBottom', offset: -8 * k, ...titleStyle(k) }}
      {...axisStyle(k)}
    />
  );
}

/** A y-axis title (rotated, centred on the axis). */
export function yTitle(value: string, k: number) {
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    offset: 2 * k,
    fill: '#9aa6c0',
    fontSize: font(11, k).fontSize,
    style: { textAnchor: 'middle' as const, ...font(11, k).style },
  };
}

export function lambdaMarker(logLambda: number | null, k: number) {
  if (logLambda === null) return null;
  return (
    <ReferenceLine
      x={logLambda}
      stroke="#ffffff"
      strokeDasharray="4 3"
      label={{ value: 'λ now', fill: '#ffffff', ...font(11, k), position: 'insideTopRight' }}
    />
  );
}

/** Rows { x: log₁₀λ, …series } for recharts, from one path frame. */
export function rows(frame: RegPathFrame, pick: (k: number) => Record<string, number>) {
  return Array.from(frame.lambdas, (l, k) => ({ x: Math.log10(l), ...pick(k) }));
}

/** log₁₀ of the current λ clamped to the chart, or null when λ is 0 or infinite. */
export function chartLogLambda(lambda: number): number | null {
  return lambda > 0 && Number.isFinite(lambda)
    ? Math.min(X_DOMAIN[1], Math.max(X_DOMAIN[0], Math.log10(lambda)))
    : null;
}
