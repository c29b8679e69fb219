import type { DerivativeModel } from '../../../core/labs/calculus/model-derivative';
import type { CalcDiffKind } from '../../../core/math/calc-diff';
import { C, fmt, pathOf, Plot } from './plot-kit';

export const DIFF_COLOR: Record<CalcDiffKind, string> = {
  forward: C.orange,
  central: C.sky,
  complex: C.green,
};
export const DIFF_NAME: Record<CalcDiffKind, string> = {
  forward: 'forward',
  central: 'central',
  complex: 'complex step',
};

/** The lowest error drawn: exact agreement (error 0) sits on this floor. */
const FLOOR = -18;

const log10 = (v: number) => (v > 0 ? Math.log10(v) : v === 0 ? FLOOR : NaN);

/** The chart's key, as HTML above it: each formula's colour and the best step found on it. */
export function ErrorLegend({ m }: { m: DerivativeModel }) {
  return (
    <p className="calc-legend" data-testid="calc-error-legend">
      {m.curves.map((c) => (
        <span key={c.kind}>
          <i style={{ background: DIFF_COLOR[c.kind] }} />
          {DIFF_NAME[c.kind]}
          {c.kind !== 'complex' && ` (best h ≈ ${fmt(c.bestH, 2)})`}
        </span>
      ))}
      <span>dashed: error model · bottom edge: exactly 0</span>
    </p>
  );
}

/**
 * |D(h) − f′(a)| against h on log–log axes for the three formulas, the dashed error models of the
 * forward and central differences, the best step found on each curve and the current h.
 */
export function ErrorChart({ m }: { m: DerivativeModel }) {
  const lh = Array.from(m.steps, Math.log10);
  let top = -6;
  for (const c of m.curves)
    for (const e of c.errors) if (e > 0 && Number.isFinite(e)) top = Math.max(top, Math.log10(e));
  const x = { min: -16, max: 0, title: 'step h', decades: true };
  const y = { min: FLOOR, max: Math.ceil(top + 0.5), title: '|estimate − f′(a)|', decades: true };
  const theory = (kind: 'forward' | 'central') => lh.map((v) => log10(m.theory[kind](10 ** v)));
  return (
    <Plot
      x={x}
      y={y}
      testId="calc-error-chart"
      label="Error of three difference formulas against the step h"
      data={{
        'data-best-forward': String(m.curves[0].bestH),
        'data-best-central': String(m.curves[1].bestH),
        'data-h': String(m.h),
      }}
    >
      {(F) => (
        <>
          {(['forward', 'central'] as const).map((kind) => (
            <path
              key={kind}
              d={pathOf(F, lh, theory(kind))}
              stroke={DIFF_COLOR[kind]}
              strokeOpacity={0.6}
              strokeDasharray="5 5"
              strokeWidth={1.5}
              fill="none"
            />
          ))}
          {m.curves.map((c) => (
            <path
              key={c.kind}
              d={pathOf(F, lh, Array.from(c.errors, log10))}
              stroke={DIFF_COLOR[c.kind]}
              strokeWidth={2}
              fill="none"
              data-testid={`calc-error-${c.kind}`}
            />
          ))}
          {m.curves
            .filter((c) => c.kind !== 'complex' && c.bestIndex >= 0)
            .map((c) => (
              <circle
                key={c.kind}
                cx={F.px(Math.log10(c.bestH))}
                cy={F.py(log10(c.bestError))}
                r={6}
                fill="none"
                stroke={DIFF_COLOR[c.kind]}
                strokeWidth={2.5}
              />
            ))}
          <line
            x1={F.px(Math.log10(m.h))}
            x2={F.px(Math.log10(m.h))}
            y1={F.top}
            y2={F.bottom}
            stroke={C.ink}
            strokeDasharray="3 3"
          />
        </>
      )}
    </Plot>
  );
}
