import { useMemo } from 'react';
import { calcDerivatives1, calcDerivativesAt, calcParse1 } from '../../../core/math/calc-expr1';
import { calcTaylorCoefficients, calcTaylorEval } from '../../../core/math/calc-taylor';
import { THUMB_H, THUMB_W, thumbCurve } from '../../components/thumb-svg';
import { C } from './plot-kit';

const BOX = { x0: -0.95, x1: 2.2, y0: -1.6, y1: 1.6 };

/** The lab card's picture: ln(1 + x) with its Taylor polynomials of orders 2…7 about 0. */
export default function CalculusThumbnail() {
  const pic = useMemo(() => {
    const parsed = calcParse1('ln(1 + x)');
    if (!parsed.ok) return null;
    const d = calcDerivatives1(parsed.expr, 7);
    const c = calcTaylorCoefficients(calcDerivativesAt(d, 0));
    return {
      f: thumbCurve((x) => Math.log1p(x), BOX),
      polys: [2, 3, 5, 7].map((n) => thumbCurve((x) => calcTaylorEval(c, n, 0, x), BOX)),
      radius: ((1 - BOX.x0) / (BOX.x1 - BOX.x0)) * THUMB_W,
    };
  }, []);
  if (!pic) return null;
  return (
    <svg
      viewBox={`0 0 ${THUMB_W} ${THUMB_H}`}
      role="img"
      aria-label="ln(1 + x) and its Taylor polynomials"
    >
      <line
        x1={pic.radius}
        x2={pic.radius}
        y1={0}
        y2={THUMB_H}
        stroke={C.pink}
        strokeDasharray="5 4"
      />
      {pic.polys.map((d, i) => (
        <path
          key={i}
          d={d}
          stroke={C.orange}
          strokeOpacity={0.35 + 0.2 * i}
          strokeWidth={1.8}
          fill="none"
        />
      ))}
      <path d={pic.f} stroke={C.ink} strokeWidth={2.5} fill="none" />
    </svg>
  );
}
