import type { DerivativeModel } from '../../../core/labs/calculus/model-derivative';
import { C, fmt, linePath, pathOf, Plot } from './plot-kit';

/** f near a with the tangent at a and the secant through a and a + h. */
export function SecantPlot({ m, span }: { m: DerivativeModel; span: number }) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of m.ys) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!(hi > lo)) [lo, hi] = [m.fa - 1, m.fa + 1];
  const pad = 0.15 * (hi - lo);
  const x = { min: m.a - span, max: m.a + span, title: 'x' };
  const y = { min: lo - pad, max: hi + pad, title: 'f(x)' };
  const b = m.a + m.h;
  return (
    <Plot
      x={x}
      y={y}
      testId="calc-secant-plot"
      label="The curve with its tangent and secant"
      data={{
        'data-secant-slope': String(m.secantSlope),
        'data-tangent-slope': String(m.slope),
      }}
      overlay={(F) => (
        // The key goes in the top corner the curve leaves empty: left when f rises through a.
        <g
          style={{ fontSize: F.font }}
          transform={m.slope > 0 ? `translate(${F.left + 8} 0)` : `translate(${F.right - 8} 0)`}
          textAnchor={m.slope > 0 ? 'start' : 'end'}
        >
          <text y={F.top + 1.3 * F.font} fill={C.orange}>
            secant, slope {fmt(m.secantSlope, 6)}
          </text>
          <text y={F.top + 2.6 * F.font} fill={C.sky}>
            tangent, slope {fmt(m.slope, 6)}
          </text>
        </g>
      )}
    >
      {(F) => (
        <>
          <path d={pathOf(F, m.xs, m.ys)} stroke={C.ink} strokeWidth={2} fill="none" />
          <path d={linePath(F, x, m.a, m.fa, m.slope)} stroke={C.sky} strokeWidth={2} fill="none" />
          <path
            d={linePath(F, x, m.a, m.fa, m.secantSlope)}
            stroke={C.orange}
            strokeWidth={2}
            strokeDasharray="7 4"
            fill="none"
            data-testid="calc-secant-line"
          />
          <circle cx={F.px(m.a)} cy={F.py(m.fa)} r={5} fill={C.sky} />
          {b <= x.max && (
            <circle
              cx={F.px(b)}
              cy={F.py(m.fah)}
              r={5}
              fill={C.orange}
              stroke="#000"
              strokeWidth={1}
            />
          )}
        </>
      )}
    </Plot>
  );
}
