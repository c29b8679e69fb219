import { useMemo } from 'react';
import { ACTIVATIONS } from '../../../core/ml/activations';
import { PALETTE } from '../../components/palette';
import { THUMB_H, THUMB_W, thumbCurve } from '../../components/thumb-svg';

const BOX = { x0: -4, x1: 4, y0: -1.3, y1: 2.2 };
const SHOWN = ['sigmoid', 'tanh', 'relu', 'gelu'] as const;

/** The lab card's picture: four activations (solid) and the sigmoid's derivative (dashed). */
export default function ActivationsThumbnail() {
  const curves = useMemo(
    () => ({
      f: SHOWN.map((id) => thumbCurve(ACTIVATIONS[id].f, BOX)),
      dSigmoid: thumbCurve(ACTIVATIONS.sigmoid.df, BOX),
    }),
    [],
  );
  const [, y0] = [0, THUMB_H - ((0 - BOX.y0) / (BOX.y1 - BOX.y0)) * THUMB_H];
  return (
    <svg viewBox={`0 0 ${THUMB_W} ${THUMB_H}`} role="img" aria-label="Activation functions">
      <path d={`M0 ${y0}H${THUMB_W}M${THUMB_W / 2} 0V${THUMB_H}`} stroke="#3d5a80" />
      {curves.f.map((d, k) => (
        <path key={k} d={d} stroke={PALETTE[k]} strokeWidth={2} fill="none" />
      ))}
      <path
        d={curves.dSigmoid}
        stroke={PALETTE[0]}
        strokeWidth={1.5}
        strokeDasharray="4 3"
        fill="none"
      />
    </svg>
  );
}
