import { curvatureVerdict, type CurvatureShape } from '../../../core/ml/surfaces-curvature';
import type { Surface } from '../../../core/ml/surfaces-types';
import { Tex, texNum } from '../../components/Tex';
import { useDescentThrottled } from './use-throttled';

/** What each kind of local curvature means for a fixed step, in words. */
const VERDICT: Record<Exclude<CurvatureShape, 'bowl'>, string> = {
  saddle:
    'Locally a saddle (up one way, down the other): the Hessian is indefinite, so no fixed step is stable here — along the downward direction every step moves further away.',
  cap: 'Locally cap-shaped (both curvatures down): not convex here, and gradient descent moves away in every direction whatever the step.',
  flat: 'Flat in one direction (an eigenvalue is zero): not strictly convex here, so curvature sets no step-size bound along that direction.',
};

/**
 * Curvature at the selected racer's current iterate: Hessian eigenvalues, and — only where the
 * Hessian is positive definite — the condition number and the largest stable step 2/λmax.
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
  const v = curvatureVerdict(h);
  return (
    <div className="panel curvature" data-testid="curvature" data-shape={v.shape}>
      <h3>Curvature here</h3>
      <p>
        at <Tex tex={`\\theta = (${texNum(x, 3)},\\ ${texNum(y, 3)})`} />
      </p>
      <Tex
        block
        tex={`\\nabla^2 f = \\begin{pmatrix}${texNum(h[0], 3)} & ${texNum(h[1], 3)}\\\\ ${texNum(h[1], 3)} & ${texNum(h[2], 3)}\\end{pmatrix}`}
      />
      <p>
        <Tex
          tex={`\\lambda_{\\max}=${texNum(v.lambdaMax)},\\ \\lambda_{\\min}=${texNum(v.lambdaMin)}`}
        />
      </p>
      {v.shape === 'bowl' && v.kappa !== null && v.stableStep !== null ? (
        <p>
          Locally bowl-shaped (both curvatures up). <Tex tex={`\\kappa=${texNum(v.kappa)}`} />;
          gradient descent is stable here for{' '}
          <Tex tex={`\\eta < 2/\\lambda_{\\max} = ${texNum(v.stableStep)}`} />
        </p>
      ) : (
        <p>{VERDICT[v.shape as Exclude<CurvatureShape, 'bowl'>]}</p>
      )}
    </div>
  );
}
