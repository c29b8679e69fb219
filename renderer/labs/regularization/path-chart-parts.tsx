/** Shared pieces of the path charts: colours, the log-λ axis, the current-λ marker, rows. */
import { ReferenceLine, XAxis } from 'recharts';
import type { RegPathMethod } from '../../../core/sim/regularization-path';
import { OKABE } from './params';
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
export const AXIS = { stroke: '#9aa6c0', tick: { fontSize: 11 } };
export const fmt = (v: number) => String(+v.toPrecision(3));
const TITLE = { fill: '#9aa6c0', fontSize: 11 };

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** 10^k for an integer k, with a superscript exponent: 10⁻³, 10⁰, 10². */
export function pow10Text(k: number): string {
  const digits = [...String(Math.abs(k))].map((d) => SUPERSCRIPT[Number(d)]).join('');
  return `10${k < 0 ? '⁻' : ''}${digits}`;
}

/** The log-λ axis (values are log₁₀λ, labels 10ᵏ) with its title. */
export function xAxis(title = 'penalty weight λ (log scale)') {
  const ticks: number[] = [];
  for (let k = Math.ceil(X_DOMAIN[0]); k <= X_DOMAIN[1]; k++) ticks.push(k);
  return (
    <XAxis
      dataKey="x"
      type="number"
      domain={X_DOMAIN}
      ticks={ticks}
      tickFormatter={pow10Text}
      label={{ value: title, position: 'insideBottom', offset: -10, ...TITLE }}
      {...AXIS}
    />
  );
}

/** A y-axis title (rotated, centred on the axis). */
export function yTitle(value: string) {
  return {
    value,
    angle: -90,
    position: 'insideLeft' as const,
    offset: 2,
    style: { textAnchor: 'middle' as const },
    ...TITLE,
  };
}

export function lambdaMarker(logLambda: number | null) {
  if (logLambda === null) return null;
  return (
    <ReferenceLine
      x={logLambda}
      stroke="#ffffff"
      strokeDasharray="4 3"
      label={{ value: 'λ now', fill: '#ffffff', fontSize: 11, position: 'insideTopRight' }}
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
