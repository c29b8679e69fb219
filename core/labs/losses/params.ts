/**
 * The whole state of the Losses lab that a scene file or URL carries: the loss shapes (δ, τ, γ, α),
 * what each of the four views shows, the points of the outlier fit and of the classifier, and the
 * training settings. Validated with zod on the way in; the stories are in ./presets.ts.
 */
import { z } from 'zod';
import { MARGIN_LOSS_IDS, type MarginLossId } from '../../ml/losses-classification';
import { REGRESSION_LOSS_IDS, type RegressionLossId } from '../../ml/losses-regression';
import { labSeedSchema } from '../define';

const regressionIds = REGRESSION_LOSS_IDS as [RegressionLossId, ...RegressionLossId[]];
const marginIds = MARGIN_LOSS_IDS as [MarginLossId, ...MarginLossId[]];
export const LOSS_IDS = [...regressionIds, ...marginIds] as const;
export type LossId = RegressionLossId | MarginLossId;

/** The classifier is trained with one of these margin losses (the rest are for comparison). */
export const TRAINED_LOSSES = ['logistic', 'hinge', 'focal'] as const;
export type TrainedLoss = (typeof TRAINED_LOSSES)[number];

/** Bounds of the points' coordinates. */
export const FIT_X = { min: -10, max: 10 };
export const FIT_Y = { min: -200, max: 200 };
export const PLANE = { min: -4, max: 4 };
export const MAX_POINTS = 40;
export const MAX_STEPS = 5000;

const fitX = z.number().finite().min(FIT_X.min).max(FIT_X.max);
const fitY = z.number().finite().min(FIT_Y.min).max(FIT_Y.max);
const planeCoord = z.number().finite().min(PLANE.min).max(PLANE.max);
const logit = z.number().finite().min(-8).max(8);

const shown = <T extends string>(ids: readonly T[]) =>
  z.object(Object.fromEntries(ids.map((id) => [id, z.boolean()])) as Record<T, z.ZodBoolean>);

export const lossesParamsSchema = z.object({
  /** The view on screen; part of the scene so a deck step shows the view it was saved on. */
  view: z.enum(['curves', 'outliers', 'likelihood', 'classify']),
  /** Huber's threshold δ. */
  delta: z.number().min(0.1).max(50),
  /** The quantile level τ of the pinball loss. */
  tau: z.number().min(0.05).max(0.95),
  /** Focal loss: focusing exponent γ, and the class-1 weight α (used when alphaOn). */
  gamma: z.number().min(0).max(5),
  alpha: z.number().min(0).max(1),
  alphaOn: z.boolean(),
  curves: z.object({
    /** Which losses are overlaid (each chart has at most 6). */
    regression: shown(regressionIds),
    classification: shown(marginIds),
    /** The residual chart spans r ∈ [−range, range]. */
    range: z.number().min(1).max(20),
    /** Cursors: a residual r and a margin m (the readouts and the typeset numbers). */
    residual: z.number().min(-20).max(20),
    margin: z.number().min(-6).max(6),
    /** The classification chart's axis: the margin m = y·s, or p of the true class, σ(m). */
    axis: z.enum(['margin', 'probability']),
    /** The loss whose formula is typeset. */
    focus: z.enum(LOSS_IDS),
  }),
  fit: z.object({
    /** The points that follow the trend, and the one that does not (dragged). */
    inliers: z
      .array(z.tuple([fitX, fitY]))
      .min(2)
      .max(MAX_POINTS - 1),
    outlier: z.tuple([fitX, fitY]),
    /** Degree of the fitted polynomial (1: a line). */
    degree: z.number().int().min(0).max(3),
    /** The fit whose residuals and gradient arrows are drawn. */
    focus: z.enum(regressionIds),
  }),
  likelihood: z.object({
    /** Three logits, the true class and label smoothing ε (target 1 − ε on it, ε/2 elsewhere). */
    logits: z.tuple([logit, logit, logit]),
    target: z.number().int().min(0).max(2),
    smoothing: z.number().min(0).max(0.5),
    /** The Bernoulli probability p at the cursor. */
    p: z.number().min(0.01).max(0.99),
  }),
  classify: z.object({
    points: z
      .array(z.tuple([planeCoord, planeCoord, z.union([z.literal(-1), z.literal(1)])]))
      .min(2)
      .max(MAX_POINTS),
    /** The loss whose classifier, point terms and margin chart are shown. */
    loss: z.enum(TRAINED_LOSSES),
    lr: z.number().min(0.001).max(5),
    steps: z.number().int().min(1).max(MAX_STEPS),
    /** L2 penalty λ on the weights (not the bias). */
    l2: z.number().min(0).max(1),
    /** The training step shown (at most `steps`). */
    step: z.number().int().min(0).max(MAX_STEPS),
  }),
  /** Seed of the random point sets the "new points" buttons draw. */
  seed: labSeedSchema,
});
export type LossesParams = z.infer<typeof lossesParamsSchema>;
export type LossesView = LossesParams['view'];

/** The focal shape the params describe. */
export const focalOf = (p: Pick<LossesParams, 'gamma' | 'alpha' | 'alphaOn'>) => ({
  gamma: p.gamma,
  alpha: p.alphaOn ? p.alpha : null,
});

/** The regression shape the params describe. */
export const shapeOf = (p: Pick<LossesParams, 'delta' | 'tau'>) => ({ delta: p.delta, tau: p.tau });

/** Every point of the fit, the outlier last. */
export const fitPoints = (fit: LossesParams['fit']) => [...fit.inliers, fit.outlier];
