import { useMemo } from 'react';
import { fixedDesignExpectation } from '../../../core/ml/stats-fixed';
import { THUMB_H, THUMB_W, thumbMap, thumbPolyline } from '../../components/thumb-svg';
import { BV_COLOR } from './colors';

const SETUP = { fn: 'sin' as const, sigma: 0.3, n: 15, maxDegree: 13 };

/**
 * The lab card's picture: bias², variance and their sum plus σ² against degree (log scale), from
 * the closed form for 15 evenly spaced points of sin 2πx with σ = 0.3 — the U of the lab.
 */
export default function StatisticsThumbnail() {
  const pic = useMemo(() => {
    const e = fixedDesignExpectation(SETUP);
    const G = e.degrees;
    const box = { x0: -0.3, x1: G - 0.7, y0: -3.2, y1: 0.3 };
    const map = thumbMap(box);
    const series = (a: Float64Array) =>
      thumbPolyline(
        Array.from(a).flatMap((v, d) => [d, Math.log10(Math.max(v, 1e-4))]),
        map,
      );
    return {
      lines: [
        { id: 'bias2', d: series(e.bias2), color: BV_COLOR.bias2 },
        { id: 'variance', d: series(e.variance), color: BV_COLOR.variance },
        { id: 'test', d: series(e.testError), color: BV_COLOR.predicted },
      ],
      dots: Array.from(e.testError, (v, d) => map(d, Math.log10(v))),
    };
  }, []);
  return (
    <svg
      viewBox={`0 0 ${THUMB_W} ${THUMB_H}`}
      role="img"
      aria-label="Bias squared falls and variance rises with degree; their sum is U-shaped"
    >
      {pic.lines.map((l) => (
        <path
          key={l.id}
          d={l.d}
          stroke={l.color}
          strokeWidth={l.id === 'test' ? 3 : 2}
          fill="none"
        />
      ))}
      {pic.dots.map(([x, y], d) => (
        <circle key={d} cx={x.toFixed(1)} cy={y.toFixed(1)} r={3} fill={BV_COLOR.test} />
      ))}
    </svg>
  );
}
