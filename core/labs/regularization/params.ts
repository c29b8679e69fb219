/**
 * The whole state of the Regularization lab that a scene file or URL carries: the two-feature
 * data, the penalty mix α, the constraint level and the view choices. Validated with zod on the
 * way in; presets are stories.
 *
 * The constraint level is stored as a fraction of P_α(ŵ) (ŵ the least-squares fit), so a preset
 * means the same thing for any data and any α: 1 is the unconstrained fit, 0 is w = 0.
 */
import { z } from 'zod';
import { REG_DATA2_DEFAULTS } from '../../ml/regularization-data';
import { labSeedSchema, type LabPreset } from '../define';

const weight = z.number().finite().min(-2.5).max(2.5);

export const regLabParamsSchema = z.object({
  correlation: z.number().min(-0.95).max(0.95),
  /** Noise standard deviation σ of y. */
  noise: z.number().min(0.05).max(3),
  n: z.number().int().min(10).max(400),
  trueWeights: z.tuple([weight, weight]),
  seed: labSeedSchema,
  /** Penalty mix: 1 = L1 (lasso), 0 = L2 (ridge). */
  alpha: z.number().min(0).max(1),
  /** t / P_α(ŵ): 1 reaches the least-squares fit, above 1 the constraint is slack. */
  tFraction: z.number().min(0).max(1.2),
  /** Which surface the 3D view shows. */
  surface: z.enum(['loss', 'penalty', 'sum']),
  /** Which method's coefficients and errors the path chart shows. */
  pathMethod: z.enum(['ridge', 'lasso', 'elastic-net']),
  /**
   * Which views fill the screen: the geometry (plane, 3D, equations) or the paths and the prior.
   * Scenes saved before this existed open on the geometry.
   */
  view: z.enum(['geometry', 'paths']).default('geometry'),
});
export type RegLabParams = z.infer<typeof regLabParamsSchema>;

export const REG_LAB_DEFAULTS: RegLabParams = {
  correlation: REG_DATA2_DEFAULTS.correlation,
  noise: REG_DATA2_DEFAULTS.noise,
  n: REG_DATA2_DEFAULTS.n,
  trueWeights: [REG_DATA2_DEFAULTS.weights[0], REG_DATA2_DEFAULTS.weights[1]],
  seed: REG_DATA2_DEFAULTS.seed,
  alpha: 1,
  tFraction: 0.35,
  surface: 'sum',
  pathMethod: 'lasso',
  view: 'geometry',
};

export type RegPreset = LabPreset<RegLabParams>;

export const REG_PRESETS: readonly RegPreset[] = [
  {
    id: 'lasso-picks-one',
    title: 'Correlated features: lasso picks one',
    story:
      'With ρ = 0.85 the ellipses are long and tilted. They first touch the small diamond at its corner on the w₁ axis, so w₂ is exactly 0 although its true weight is 0.7.',
    params: {
      correlation: 0.85,
      trueWeights: [1.5, 0.7],
      alpha: 1,
      tFraction: 0.25,
      pathMethod: 'lasso',
    },
  },
  {
    id: 'l2-never-zeroes',
    title: 'L2 shrinks, never zeroes',
    story:
      'The same data with the round L2 ball. The ball has no corners, so the tangent point is off both axes: both weights shrink toward 0 and neither reaches it, however small t gets.',
    params: {
      correlation: 0.85,
      trueWeights: [1.5, 0.7],
      alpha: 0,
      tFraction: 0.1,
      pathMethod: 'ridge',
    },
  },
  {
    id: 'elastic-net-keeps-both',
    title: 'Elastic net keeps both correlated features',
    story:
      'With ρ = 0.9 and α = 0.3 the region has rounded corners. The tangent point sits between the axes, so both features stay in with similar weights. Press L1 lasso and one of them drops to exactly 0.',
    params: {
      correlation: 0.9,
      trueWeights: [1.2, 1],
      alpha: 0.3,
      tFraction: 0.15,
      pathMethod: 'elastic-net',
    },
  },
];

/** What a story leaves as it is: which surface the 3D view shows, and which view is on screen. */
export const REG_PRESET_KEEPS = ['surface', 'view'] as const;
