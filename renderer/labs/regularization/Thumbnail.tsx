import { useMemo } from 'react';
import { regRegionBoundary } from '../../../core/ml/regularization-geometry';
import { PALETTE_NAMED } from '../../components/palette';
import { THUMB_H, THUMB_W, thumbMap, thumbPolyline } from '../../components/thumb-svg';

const BOX = { x0: -1.6, x1: 3.2, y0: -1.5, y1: 1.5 };
/** A quadratic loss ½(w − c)ᵀA(w − c) whose ellipses lean across the diamond. */
const C = [2.1, 0.55];
const A = [1.0, 0.55, 1.2];
const loss = (x: number, y: number) => {
  const dx = x - C[0];
  const dy = y - C[1];
  return 0.5 * (A[0] * dx * dx + 2 * A[1] * dx * dy + A[2] * dy * dy);
};

/**
 * The lab card's picture: the L1 diamond and the L2 ball of the same reach, loss ellipses, and
 * the point of the diamond where the loss is least (found on the sampled boundary).
 */
export default function RegularizationThumbnail() {
  const pic = useMemo(() => {
    const map = thumbMap(BOX);
    const diamond = regRegionBoundary(1, 1, 32);
    const ball = regRegionBoundary(0, 0.5, 32);
    let best = 0;
    for (let k = 0; k < diamond.length; k += 2)
      if (loss(diamond[k], diamond[k + 1]) < loss(diamond[best], diamond[best + 1])) best = k;
    const touch = map(diamond[best], diamond[best + 1]);
    const ellipses = [1, 2, 3, 4].map((m) => {
      // The level set through the touching point, then wider ones.
      const level = loss(diamond[best], diamond[best + 1]) * m * m;
      const pts: number[] = [];
      for (let k = 0; k <= 96; k++) {
        const a = (2 * Math.PI * k) / 96;
        const ux = Math.cos(a);
        const uy = Math.sin(a);
        const q = 0.5 * (A[0] * ux * ux + 2 * A[1] * ux * uy + A[2] * uy * uy);
        const r = Math.sqrt(level / q);
        pts.push(C[0] + r * ux, C[1] + r * uy);
      }
      return thumbPolyline(pts, map);
    });
    return {
      axes: (() => {
        const [ox, oy] = map(0, 0);
        return `M0 ${oy}H${THUMB_W}M${ox} 0V${THUMB_H}`;
      })(),
      diamond: thumbPolyline(diamond, map) + 'Z',
      ball: thumbPolyline(ball, map) + 'Z',
      ellipses,
      touch,
    };
  }, []);
  return (
    <svg viewBox={`0 0 ${THUMB_W} ${THUMB_H}`} role="img" aria-label="L1 and L2 constraint regions">
      <path d={pic.axes} stroke="#3d5a80" />
      {pic.ellipses.map((d, k) => (
        <path key={k} d={d} stroke={PALETTE_NAMED.sky} strokeWidth={k === 0 ? 2 : 1} fill="none" />
      ))}
      <path
        d={pic.ball}
        stroke={PALETTE_NAMED.green}
        strokeWidth={1.5}
        fill="none"
        strokeDasharray="4 3"
      />
      <path
        d={pic.diamond}
        stroke={PALETTE_NAMED.orange}
        strokeWidth={2}
        fill="rgba(230,159,0,0.18)"
      />
      <circle cx={pic.touch[0]} cy={pic.touch[1]} r={4} fill={PALETTE_NAMED.vermillion} />
    </svg>
  );
}
