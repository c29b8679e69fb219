/**
 * What the Descent views show about one racer at one step, as data: the optimizer's update rule
 * and the same step with its numbers, taken from the recorded trajectory and from the parameters
 * exactly as compute resolved them (defaults filled in, clamped to range), so the equation always
 * matches the picture.
 */
import { optimizerById } from '../../ml/optimizers';
import { paramsResolve } from '../../ml/surfaces-types';
import type { DescentRaceFrame } from '../../sim/descent-race';
import type { RacerConfig } from './params';

export type DescentTrajectory = Extract<DescentRaceFrame, { kind: 'trajectory' }>;

type Vec2 = readonly [number, number];

/** The numbers of one step k → k + 1 (or of the last iterate, when there is no next step). */
export type DescentStepTerms =
  /** θₖ₊₁ = θₖ − η∇f(θₖ). */
  | { kind: 'gd'; theta: Vec2; grad: Vec2; next: Vec2; lr: number }
  /** v ← μv + ∇f(θ); momentum moves by v, Nesterov by ∇f(θ) + μv (PyTorch's convention). */
  | {
      kind: 'momentum' | 'nesterov';
      theta: Vec2;
      grad: Vec2;
      next: Vec2;
      lr: number;
      mu: number;
      velocity: Vec2;
      velocityNext: Vec2;
    }
  /** Any other method: the iterate, its gradient, the method's velocity if it has one, the next iterate. */
  | { kind: 'step'; theta: Vec2; grad: Vec2; next: Vec2; velocityNext: Vec2 | null }
  /** The last recorded iterate: where it stopped, f there and the gradient norm. */
  | { kind: 'final'; theta: Vec2; loss: number; gradNorm: number };

export interface DescentRacerTerms {
  /** The optimizer's name and update rule (KaTeX). */
  title: string;
  rule: string;
  /** Every parameter as compute used it. */
  params: Record<string, number>;
  step: DescentStepTerms;
}

/** The racer's parameters as compute resolves them (defaults, clamping, integer rounding). */
export function descentRacerParams(racer: RacerConfig): Record<string, number> {
  const spec = optimizerById(racer.optimizer);
  return spec ? paramsResolve(spec.descriptor.params, racer.params) : {};
}

const pair = (a: ArrayLike<number>, i: number): Vec2 => [a[2 * i], a[2 * i + 1]];

/** The terms for racer `racer` at step k of its trajectory (k is clamped to the recorded range). */
export function descentRacerTerms(
  racer: RacerConfig,
  t: DescentTrajectory,
  step: number,
): DescentRacerTerms | null {
  const spec = optimizerById(racer.optimizer);
  if (!spec || t.count < 1) return null;
  const params = descentRacerParams(racer);
  const k = Math.max(0, Math.min(step, t.count - 1));
  const theta = pair(t.positions, k);
  const grad = pair(t.gradients, k);
  const head = { title: spec.descriptor.title, rule: spec.descriptor.tex, params };
  if (k + 1 >= t.count) {
    const gradNorm = Math.hypot(grad[0], grad[1]);
    return { ...head, step: { kind: 'final', theta, loss: t.losses[k], gradNorm } };
  }
  const next = pair(t.positions, k + 1);
  const v = t.velocities;
  if (racer.optimizer === 'gd')
    return { ...head, step: { kind: 'gd', theta, grad, next, lr: params.lr } };
  if ((racer.optimizer === 'momentum' || racer.optimizer === 'nesterov') && v)
    return {
      ...head,
      step: {
        kind: racer.optimizer,
        theta,
        grad,
        next,
        lr: params.lr,
        mu: params.momentum,
        velocity: pair(v, k),
        velocityNext: pair(v, k + 1),
      },
    };
  return {
    ...head,
    step: { kind: 'step', theta, grad, next, velocityNext: v ? pair(v, k + 1) : null },
  };
}
