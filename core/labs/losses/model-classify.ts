/**
 * The classifier view's numbers, from the params and the trajectories compute trained
 * (core/labs/losses/sim.ts, "losses-train"): the weights of each trained loss at the step shown,
 * each point's margin, loss and pull under the chosen loss, and the counts the readout gives —
 * misclassified points, points inside the margin, easy points (p of the true class ≥ 0.9, i.e.
 * m ≥ log 9) and the share of the total pull the easy points give.
 */
import { classifierPointTerms, type PointTerm, type Theta } from '../../ml/losses-classify';
import { MARGIN_LOSSES } from '../../ml/losses-classification';
import { focalOf, TRAINED_LOSSES, type LossesParams, type TrainedLoss } from './params';
import type { LossesTrainResult } from './sim';

/** A point is easy when the classifier gives its own class p ≥ 0.9: margin ≥ log 9. */
export const EASY_MARGIN = Math.log(9);
export const MARGIN_CHART = { min: -4, max: 6, samples: 201 };

export interface ClassifyModel {
  /** The step shown (the params' step, at most the number trained). */
  step: number;
  /** θ = (w₁, w₂, b) and J at that step per trained loss; null until compute has trained it. */
  theta: Record<TrainedLoss, Theta | null>;
  objective: Record<TrainedLoss, number | null>;
  /** Per point under the chosen loss (empty until trained). */
  terms: PointTerm[];
  /** |ℓ′(mᵢ)|/n: how hard each point pulls on the score. */
  pulls: number[];
  misclassified: number;
  insideMargin: number;
  easy: number;
  /** Σ pulls of the easy points / Σ pulls (0 when nothing pulls). */
  easyShare: number;
  /** ℓ(m) and ℓ′(m) of the chosen loss for its class +1, over the margin chart. */
  curve: { m: number; value: number; slope: number }[];
}

export function classifyModel(
  params: LossesParams,
  trained: LossesTrainResult | null,
): ClassifyModel {
  const c = params.classify;
  const f = focalOf(params);
  const step = Math.min(c.step, c.steps);
  const theta = {} as ClassifyModel['theta'];
  const objective = {} as ClassifyModel['objective'];
  for (const loss of TRAINED_LOSSES) {
    const T = trained?.trajectories[loss];
    const at = 4 * step;
    if (T && T.length >= at + 4) {
      theta[loss] = [T[at], T[at + 1], T[at + 2]];
      objective[loss] = T[at + 3];
    } else {
      theta[loss] = null;
      objective[loss] = null;
    }
  }
  const shown = theta[c.loss];
  const terms = shown ? classifierPointTerms(shown, c.points, c.loss, f) : [];
  const n = c.points.length;
  const pulls = terms.map((t) => Math.abs(t.slope) / n);
  const total = pulls.reduce((a, v) => a + v, 0);
  let easyPull = 0;
  let easy = 0;
  terms.forEach((t, i) => {
    if (t.margin >= EASY_MARGIN) {
      easy++;
      easyPull += pulls[i];
    }
  });
  const curve = Array.from({ length: MARGIN_CHART.samples }, (_, k) => {
    const m =
      MARGIN_CHART.min + ((MARGIN_CHART.max - MARGIN_CHART.min) * k) / (MARGIN_CHART.samples - 1);
    const l = MARGIN_LOSSES[c.loss];
    return { m, value: l.value(m, f), slope: l.derivative(m, f) };
  });
  return {
    step,
    theta,
    objective,
    terms,
    pulls,
    misclassified: terms.filter((t) => t.misclassified).length,
    insideMargin: terms.filter((t) => t.margin < 1).length,
    easy,
    easyShare: total > 0 ? easyPull / total : 0,
    curve,
  };
}

/** The train simulation's params for the lab's params. */
export function trainSimParams(params: LossesParams) {
  const c = params.classify;
  const f = focalOf(params);
  return {
    points: c.points.map((p) => [p[0], p[1], p[2]] as [number, number, -1 | 1]),
    lr: c.lr,
    steps: c.steps,
    l2: c.l2,
    gamma: f.gamma,
    alpha: f.alpha,
  };
}
