import { bvFormat as f } from '../../../core/labs/statistics/model';
import { REG_LAB_DEFAULTS } from '../../../core/labs/regularization/params';
import { regDefaultStats, regTFractionFor } from '../../../core/ml/stats-reg-link';
import { SCENE_FORMAT, SCENE_VERSION, type SceneFile } from '../../../core/scene/scene';
import { sceneUrlEncode } from '../../../core/scene/scene-url';

/** The Regularization lab on its default data at this penalty mix and constraint level. */
function regScene(alpha: 0 | 1, tFraction: number): SceneFile {
  const { seed, ...params } = {
    ...REG_LAB_DEFAULTS,
    alpha,
    tFraction,
    pathMethod: alpha === 0 ? ('ridge' as const) : ('lasso' as const),
    view: 'geometry' as const,
  };
  return {
    format: SCENE_FORMAT,
    version: SCENE_VERSION,
    lab: 'regularization',
    params,
    seed,
    title: alpha === 0 ? 'Ridge from a Gaussian prior' : 'Lasso from a Laplace prior',
  };
}

/**
 * A scene link that opens the Regularization lab on its own data at the constraint level whose
 * multiplier is λ (ridge for α = 0, lasso for α = 1); the shell applies a followed scene link.
 */
export function RegLink({
  lambda,
  alpha,
  testId,
}: {
  lambda: number;
  alpha: 0 | 1;
  testId: string;
}) {
  const r = regTFractionFor(regDefaultStats(), alpha, lambda);
  const enc = sceneUrlEncode(regScene(alpha, r.tFraction));
  const name = alpha === 0 ? 'ridge' : 'lasso';
  return (
    <a
      href={enc.ok ? `#/regularization?scene=${enc.text}` : '#/regularization'}
      data-testid={testId}
      data-lambda={String(r.lambdaBack)}
      data-tfraction={String(r.tFraction)}
    >
      {r.capped
        ? `${name} at t = 0 (λ = ${f(lambda)} is past λ_max = ${f(r.lambdaBack)} for that lab’s data, so both weights are 0)`
        : `${name} at λ = ${f(r.lambdaBack)} (t = ${f(r.tFraction)} of the least-squares penalty)`}
    </a>
  );
}
