/**
 * The likelihood view's numbers: the noise density behind each regression loss (p = e^{−ρ}/Z),
 * the best constant prediction under each loss on the outlier view's targets with each mean loss
 * L(c) scaled to [0, 1] on the plotted range, the Bernoulli likelihood behind BCE, and the
 * categorical one behind cross-entropy from three logits with a hard or smoothed target.
 */
import { crossEntropyLogits } from '../../ml/losses-categorical';
import {
  locationEstimate,
  meanLossAt,
  noiseDensity,
  noiseNormaliser,
  type LocationEstimate,
} from '../../ml/losses-likelihood';
import { REGRESSION_LOSS_IDS, type RegressionLossId } from '../../ml/losses-regression';
import { fitPoints, shapeOf, type LossesParams } from './params';

export const DENSITY_RANGE = 4;
export const DENSITY_SAMPLES = 201;
export const LOCATION_SAMPLES = 241;

export type Row = { x: number } & Record<string, number>;

export interface LikelihoodModel {
  ids: RegressionLossId[];
  /** p(r) for r ∈ [−DENSITY_RANGE, DENSITY_RANGE], keyed by loss id. */
  densityRows: Row[];
  /** Z of each density. */
  normalisers: Record<RegressionLossId, number>;
  targets: number[];
  estimates: LocationEstimate[];
  /** (L(c) − min)/(max − min) over the plotted c range, keyed by loss id. */
  locationRows: Row[];
  locationRange: [number, number];
  bernoulli: {
    p: number;
    /** −log p and −log(1 − p) at the cursor, and the likelihoods p and 1 − p. */
    nll1: number;
    nll0: number;
    rows: Row[];
  };
  categorical: {
    logits: [number, number, number];
    probabilities: number[];
    /** The target distribution: 1 − ε on the true class, ε/2 on each other. */
    target: number[];
    loss: number;
    gradient: number[];
    /** −log p of the true class (the loss of the hard target). */
    hardLoss: number;
  };
}

export function likelihoodModel(params: LossesParams): LikelihoodModel {
  const s = shapeOf(params);
  const ids = REGRESSION_LOSS_IDS.filter((id) => params.curves.regression[id]);
  const shownIds = ids.length > 0 ? ids : REGRESSION_LOSS_IDS;
  const densityRows: Row[] = [];
  for (let k = 0; k < DENSITY_SAMPLES; k++) {
    const r = -DENSITY_RANGE + (2 * DENSITY_RANGE * k) / (DENSITY_SAMPLES - 1);
    const row: Row = { x: r };
    for (const id of shownIds) row[id] = noiseDensity(id, r, s);
    densityRows.push(row);
  }
  const normalisers = Object.fromEntries(
    REGRESSION_LOSS_IDS.map((id) => [id, noiseNormaliser(id, s)]),
  ) as Record<RegressionLossId, number>;

  const targets = fitPoints(params.fit).map((p) => p[1]);
  const estimates = REGRESSION_LOSS_IDS.map((id) => locationEstimate(id, targets, s));
  const lo = Math.min(...targets);
  const hi = Math.max(...targets);
  const pad = Math.max(1, 0.06 * (hi - lo));
  const locationRange: [number, number] = [lo - pad, hi + pad];
  const cs = Array.from(
    { length: LOCATION_SAMPLES },
    (_, k) =>
      locationRange[0] + ((locationRange[1] - locationRange[0]) * k) / (LOCATION_SAMPLES - 1),
  );
  const locationRows: Row[] = cs.map((x) => ({ x }));
  for (const id of shownIds) {
    const L = cs.map((c) => meanLossAt(id, targets, c, s));
    const min = Math.min(...L);
    const span = Math.max(...L) - min || 1;
    L.forEach((v, k) => (locationRows[k][id] = (v - min) / span));
  }

  const p = params.likelihood.p;
  const rows: Row[] = Array.from({ length: 197 }, (_, k) => {
    const q = 0.01 + (0.98 * k) / 196;
    return { x: q, y1: -Math.log(q), y0: -Math.log1p(-q) };
  });

  const { logits, target, smoothing } = params.likelihood;
  const t = [0, 1, 2].map((k) => (k === target ? 1 - smoothing : smoothing / 2));
  const ce = crossEntropyLogits(logits, t);
  const hard = crossEntropyLogits(logits, target);
  return {
    ids: shownIds,
    densityRows,
    normalisers,
    targets,
    estimates,
    locationRows,
    locationRange,
    bernoulli: { p, nll1: -Math.log(p), nll0: -Math.log1p(-p), rows },
    categorical: {
      logits: [logits[0], logits[1], logits[2]],
      probabilities: Array.from(ce.probabilities),
      target: t,
      loss: ce.loss,
      gradient: Array.from(ce.gradient),
      hardLoss: hard.loss,
    },
  };
}
