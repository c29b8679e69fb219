import { useMemo } from 'react';
import { SEED_EXAMPLE } from '../../../core/labs/losses/data';
import { robustFit } from '../../../core/ml/losses-fit';
import { polyEval } from '../../../core/ml/losses-poly';
import { REGRESSION_LOSSES } from '../../../core/ml/losses-regression';
import { THUMB_H, THUMB_W, thumbCurve, thumbMap } from '../../components/thumb-svg';
import { LOSS_COLOR } from './colors';

const FIT_BOX = { x0: 0.4, x1: 5.6, y0: -30, y1: 110 };
const CURVE_BOX = { x0: -3, x1: 3, y0: -0.3, y1: 5 };
const SHAPE = { delta: 1, tau: 0.5 };

/**
 * The lab card's picture: the seeds' five targets with the MSE, Huber and MAE lines fitted to
 * them (MSE tilts toward the outlier), over the three losses' curves ρ(r).
 */
export default function LossesThumbnail() {
  const pic = useMemo(() => {
    const pts = [...SEED_EXAMPLE.inliers, SEED_EXAMPLE.outlier];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const map = thumbMap(FIT_BOX);
    const lines = (['mae', 'huber', 'mse'] as const).map((id) => {
      const f = robustFit(id, xs, ys, 1, SHAPE);
      const [ax, ay] = map(FIT_BOX.x0, polyEval(f.coef, f.basis, FIT_BOX.x0));
      const [bx, by] = map(FIT_BOX.x1, polyEval(f.coef, f.basis, FIT_BOX.x1));
      return { id, d: `M${ax.toFixed(1)} ${ay.toFixed(1)}L${bx.toFixed(1)} ${by.toFixed(1)}` };
    });
    const curves = (['mse', 'huber', 'mae'] as const).map((id) => ({
      id,
      d: thumbCurve((r) => REGRESSION_LOSSES[id].value(r, SHAPE), CURVE_BOX),
    }));
    return { dots: pts.map(([x, y]) => map(x, y)), lines, curves };
  }, []);
  return (
    <svg
      viewBox={`0 0 ${THUMB_W} ${THUMB_H}`}
      role="img"
      aria-label="Fits under MSE, Huber and MAE with one outlier"
    >
      <g opacity={0.35}>
        {pic.curves.map((c) => (
          <path key={c.id} d={c.d} stroke={LOSS_COLOR[c.id]} strokeWidth={1.5} fill="none" />
        ))}
      </g>
      {pic.lines.map((l) => (
        <path key={l.id} d={l.d} stroke={LOSS_COLOR[l.id]} strokeWidth={2.5} fill="none" />
      ))}
      {pic.dots.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={i === pic.dots.length - 1 ? 5 : 4} fill="#e6ebf5" />
      ))}
    </svg>
  );
}
