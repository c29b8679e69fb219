import { useMemo } from 'react';
import { PROB_DEFAULTS } from '../../../core/labs/probability/params';
import { softmax } from '../../../core/ml/probability-softmax';
import { THUMB_H, THUMB_W } from '../../components/thumb-svg';
import { CLASS_COLORS } from './colors';

/**
 * The lab card's picture: the three-class simplex with the path softmax(z/T) takes as T goes
 * from 0.05 to 20 (corner to centre) and the point at T = 1, beside the probabilities at T = 1
 * as bars, for the default logits (2, 0.5, −1).
 */
export default function ProbabilityThumbnail() {
  const pic = useMemo(() => {
    const z = PROB_DEFAULTS.softmax.logits;
    const side = 118;
    const V = [
      [10, 132],
      [10 + side, 132],
      [10 + side / 2, 132 - (side * Math.sqrt(3)) / 2],
    ];
    const at = (s: ArrayLike<number>) =>
      [0, 1].map((c) => s[0] * V[0][c] + s[1] * V[1][c] + s[2] * V[2][c]);
    let path = '';
    for (let n = 0; n <= 60; n++) {
      const T = Math.exp(Math.log(0.05) + (Math.log(400) * n) / 60);
      const [x, y] = at(softmax(z, T));
      path += `${n ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    }
    const s1 = softmax(z, 1);
    return { V, path, point: at(s1), probs: Array.from(s1) };
  }, []);
  const { V } = pic;
  return (
    <svg
      viewBox={`0 0 ${THUMB_W} ${THUMB_H}`}
      role="img"
      aria-label="Softmax on the probability simplex"
    >
      <path d={`M${V[0]}L${V[1]}L${V[2]}Z`} fill="rgba(86,180,233,0.08)" stroke="#6b7794" />
      <path d={pic.path} fill="none" stroke="#BBBBBB" strokeWidth={1.5} strokeDasharray="4 3" />
      {V.map((v, i) => (
        <circle key={i} cx={v[0]} cy={v[1]} r={4} fill={CLASS_COLORS[i]} />
      ))}
      <circle cx={pic.point[0]} cy={pic.point[1]} r={5} fill="#ffffff" stroke="#000" />
      <line x1={146} x2={232} y1={132} y2={132} stroke="#6b7794" />
      {pic.probs.map((p, i) => (
        <rect
          key={i}
          x={152 + i * 27}
          width={20}
          y={132 - 110 * p}
          height={110 * p}
          fill={CLASS_COLORS[i]}
        />
      ))}
    </svg>
  );
}
