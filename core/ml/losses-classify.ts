/**
 * A linear classifier s(x) = w₁x₁ + w₂x₂ + b on points with labels y ∈ {−1, +1}, trained by
 * full-batch gradient descent on
 *
 *   J(w, b) = (1/n)·Σᵢ ℓ(mᵢ) + (λ/2)·‖w‖²,   mᵢ = yᵢ·s(xᵢ)   (the bias is not penalised),
 *
 * with ℓ a margin loss of core/ml/losses-classification.ts (logistic = BCE from logits, hinge,
 * focal). ∂J/∂w = (1/n)·Σ yᵢℓ′(mᵢ)xᵢ + λw and ∂J/∂b = (1/n)·Σ yᵢℓ′(mᵢ); hinge uses its
 * subgradient (0 at and past the margin m = 1). Every run starts at w = 0, b = 0.
 */
import {
  marginLossDerivative,
  marginLossValue,
  type FocalShape,
  type MarginLossId,
} from './losses-classification';

/** A point: its two coordinates and its label ±1. */
export type LabelledPoint = readonly [number, number, number];

export interface TrainSettings {
  loss: MarginLossId;
  /** Learning rate η. */
  lr: number;
  /** L2 penalty λ on w. */
  l2: number;
  focal: FocalShape;
}

/** θ = (w₁, w₂, b). */
export type Theta = readonly [number, number, number];

/** J(θ) and ∇J(θ). */
export function classifierObjective(
  theta: Theta,
  points: readonly LabelledPoint[],
  t: Pick<TrainSettings, 'loss' | 'l2' | 'focal'>,
): { value: number; gradient: [number, number, number] } {
  const [w1, w2, b] = theta;
  const n = points.length;
  let value = 0;
  const g: [number, number, number] = [0, 0, 0];
  for (const [x1, x2, y] of points) {
    const m = y * (w1 * x1 + w2 * x2 + b);
    value += marginLossValue(t.loss, m, y, t.focal);
    const d = (y * marginLossDerivative(t.loss, m, y, t.focal)) / n;
    g[0] += d * x1;
    g[1] += d * x2;
    g[2] += d;
  }
  value = value / n + 0.5 * t.l2 * (w1 * w1 + w2 * w2);
  g[0] += t.l2 * w1;
  g[1] += t.l2 * w2;
  return { value, gradient: g };
}

/**
 * A training run recorded step by step: `trajectory[4k … 4k + 3]` = (w₁, w₂, b, J) after k steps
 * (k = 0 is the start). `advance(k)` performs up to k more steps; true once all are done.
 */
export interface ClassifierRun {
  trajectory: Float64Array;
  steps: number;
  done: number;
  advance(k: number): boolean;
}

export function classifierRunCreate(
  points: readonly LabelledPoint[],
  t: TrainSettings,
  steps: number,
): ClassifierRun {
  const trajectory = new Float64Array(4 * (steps + 1));
  let theta: [number, number, number] = [0, 0, 0];
  let current = classifierObjective(theta, points, t);
  trajectory[3] = current.value;
  const run: ClassifierRun = {
    trajectory,
    steps,
    done: 0,
    advance(k) {
      const end = Math.min(steps, run.done + k);
      while (run.done < end) {
        const g = current.gradient;
        theta = [theta[0] - t.lr * g[0], theta[1] - t.lr * g[1], theta[2] - t.lr * g[2]];
        current = classifierObjective(theta, points, t);
        run.done++;
        trajectory.set([theta[0], theta[1], theta[2], current.value], 4 * run.done);
      }
      return run.done >= steps;
    },
  };
  return run;
}

/** What one point contributes at θ: its margin, loss and dℓ/dm (the push on its score is −y·ℓ′/n). */
export interface PointTerm {
  margin: number;
  loss: number;
  slope: number;
  misclassified: boolean;
}

export function classifierPointTerms(
  theta: Theta,
  points: readonly LabelledPoint[],
  loss: MarginLossId,
  focal: FocalShape,
): PointTerm[] {
  const [w1, w2, b] = theta;
  return points.map(([x1, x2, y]) => {
    const margin = y * (w1 * x1 + w2 * x2 + b);
    return {
      margin,
      loss: marginLossValue(loss, margin, y, focal),
      slope: marginLossDerivative(loss, margin, y, focal),
      misclassified: margin <= 0,
    };
  });
}
