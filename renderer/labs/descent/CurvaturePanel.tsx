import { sym2Eigen } from '../../../core/math/linalg2';
import type { Surface } from '../../../core/ml/surfaces-types';
import { Tex, texNum } from '../../components/Tex';
import { useDescentThrottled } from './use-throttled';

/**
 * Curvature at the selected racer's current iterate: Hessian eigenvalues, condition number and
 * the largest stable gradient-descent step 2/λmax on the local quadratic.
 */
export function CurvaturePanel({ surface }: { surface: Surface | null }) {
  const point = useDescentThrottled((s) => {
    const t = s.trajectories[s.selected];
    if (!t) return null;
    const k = Math.min(s.position, t.count - 1);
    return [t.positions[2 * k], t.positions[2 * k + 1]] as const;
  });
  if (!surface || !point) return null;
  const [x, y] = point;
  const h = surface.hessian(x, y, [0, 0, 0]);
  const { lambda1, lambda2 } = sym2Eigen(h[0], h[1], h[2]);
  const kind =
    lambda2 > 0
      ? 'bowl-shaped (both curvatures up)'
      : lambda1 < 0
        ? 'cap-shaped (both down)'
        : lambda1 > 0 && lambda2 < 0
          ? 'a saddle (up one way, down the other)'
          : 'flat in one direction';
  const kappa =
    lambda2 !== 0 && lambda1 * lambda2 > 0
      ? Math.max(Math.abs(lambda1), Math.abs(lambda2)) /
        Math.min(Math.abs(lambda1), Math.abs(lambda2))
      : Infinity;
  return (
    <div className="panel curvature" data-testid="curvature">
      <h3>Curvature here</h3>
      <p>
        at <Tex tex={`\\theta = (${texNum(x, 3)},\\ ${texNum(y, 3)})`} />
      </p>
      <Tex
        block
        tex={`\\nabla^2 f = \\begin{pmatrix}${texNum(h[0], 3)} & ${texNum(h[1], 3)}\\\\ ${texNum(h[1], 3)} & ${texNum(h[2], 3)}\\end{pmatrix}`}
      />
      <p>
        <Tex tex={`\\lambda_{\\max}=${texNum(lambda1)},\\ \\lambda_{\\min}=${texNum(lambda2)}`} />
      </p>
      <p>
        Locally {kind}.{' '}
        <Tex tex={`\\kappa=${Number.isFinite(kappa) ? texNum(kappa) : '\\infty'}`} />
        {lambda1 > 0 && (
          <>
            {'; '}gradient descent is stable here for{' '}
            <Tex tex={`\\eta < 2/\\lambda_{\\max} = ${texNum(2 / lambda1)}`} />
          </>
        )}
      </p>
    </div>
  );
}
