/**
 * Descent's place on the map, the update rules search finds by name (from the optimizer
 * registry), and a guided tour whose predictions are checked by running the same trajectories
 * the race simulation runs.
 */
import { OPTIMIZERS, optimizerById } from '../../ml/optimizers';
import { trajectoryRun, type Trajectory } from '../../ml/optimizers-trajectory';
import { descentSurfaceResolve } from '../../sim/descent-race';
import type { LabFormula, LabGuide, LabTourStep } from '../guide';
import { DESCENT_EXERCISES } from './exercises';
import type { DescentParams } from './params';
import { DESCENT_PRESETS } from './presets';

/** Every racer's trajectory, as the race simulation records it (same seeds). */
export function descentRaceTrajectories(p: DescentParams): Trajectory[] {
  const surface = descentSurfaceResolve(p.surface);
  return p.racers.map((r, k) =>
    trajectoryRun(surface, optimizerById(r.optimizer)!, r.params, p.start, p.steps, {
      seed: p.seed + 7919 * k,
    }),
  );
}

/** "Momentum, η = 0.018": a racer as a choice. */
function racerNames(p: DescentParams): string[] {
  return p.racers.map((r) => {
    const title = optimizerById(r.optimizer)?.descriptor.title ?? r.optimizer;
    return r.params.lr === undefined ? title : `${title}, η = ${r.params.lr}`;
  });
}

/** Index of the racer whose loss first falls to `level` (the last choice, "none", if none does). */
function firstBelow(p: DescentParams, level: number): number {
  const steps = descentRaceTrajectories(p).map((t) => {
    const k = t.losses.findIndex((f) => f <= level);
    return k < 0 ? Infinity : k;
  });
  const best = Math.min(...steps);
  return best === Infinity ? p.racers.length : steps.indexOf(best);
}

/** Each optimizer's update rule, opened on the first story that races it (or alone on the default surface). */
const formulas: LabFormula<DescentParams>[] = OPTIMIZERS.map(({ descriptor: d }) => {
  const story = DESCENT_PRESETS.find((s) => s.params.racers.some((r) => r.optimizer === d.id));
  return {
    id: d.id,
    title: `${d.title} update`,
    tex: d.tex,
    keywords: ['optimizer', 'step', 'update rule', d.id],
    ...(story ? { story: story.id } : { params: { racers: [{ optimizer: d.id, params: {} }] } }),
  };
});

const steps: LabTourStep<DescentParams>[] = [
  {
    title: 'A step too far',
    story: 'too-large',
    text: 'Gradient descent moves against the gradient, η times its length. On a bowl, a step that is too long lands on the far wall higher than it started, and the next step overshoots by even more.',
    look: 'The two paths on the contour map, and the loss chart: one curve falls, the other climbs.',
    act: 'Lower the learning rate of the racer that fails until its path starts to settle.',
    predict: {
      question:
        'Both racers run plain gradient descent from the same point; only η differs. Which one runs away from the minimum?',
      choices: (p) => [...racerNames(p), 'Neither'],
      answer: (p) => {
        const k = descentRaceTrajectories(p).findIndex((t) => t.divergedAtStep !== null);
        return k < 0 ? p.racers.length : k;
      },
      explain:
        'A step settles only while η is below 2 divided by the steepest curvature of the bowl; past it every swing grows.',
    },
  },
  {
    title: 'A long, narrow valley',
    story: 'valley',
    text: 'When one direction is far steeper than the other, the safe step is set by the steep side, so progress along the gentle floor is slow. Momentum keeps a running direction that averages out the side-to-side swings.',
    look: 'How each path crosses the valley: sharp zig-zags, slow arcs, or a smooth glide.',
    act: 'Play the race, then scrub back to where the first racer reaches the floor.',
    predict: {
      question: 'Which racer gets its loss below 0.001 first?',
      choices: (p) => [...racerNames(p), 'None of them'],
      answer: (p) => firstBelow(p, 1e-3),
      explain:
        'Nesterov looks at the gradient where momentum is about to carry it, which damps the swing across the valley before it happens.',
    },
  },
  {
    title: 'Flat is not the same as lowest',
    story: 'saddle',
    text: 'At a saddle the gradient is zero, yet the surface still falls away in one direction. Exact gradient descent started on the ridge never learns that the other direction exists; a little noise is enough to find it.',
    look: 'The gradient readout of the plain racer once it has stopped, and where the noisy racer goes.',
    act: 'Change the seed: the noisy racer may now roll into the other valley.',
  },
  {
    title: 'Which valley you end up in',
    story: 'wells',
    text: 'Descent only knows the slope under its feet, so on a surface with two wells the start point and the speed it carries decide which one it falls into.',
    look: 'Where each path ends and the final loss each racer reports.',
    act: 'Click the contour map to move the start point, and find one from which both racers reach the deeper well.',
    predict: {
      question: 'Which racer ends the race lower?',
      choices: (p) => racerNames(p),
      answer: (p) => {
        const last = descentRaceTrajectories(p).map((t) => t.losses[t.count - 1]);
        return last.indexOf(Math.min(...last));
      },
      explain:
        'With momentum the ball still moves when the slope turns against it, enough to climb the ridge into the deeper well.',
    },
  },
  {
    title: 'Using curvature',
    story: 'rosenbrock',
    text: 'Newton’s method and L-BFGS model the surface as a bowl around the current point and jump toward that bowl’s bottom. In a curved valley this beats any fixed step size by a wide margin.',
    look: 'The step count at which each racer reaches the floor in the loss chart (log scale).',
    act: 'Step through the first ten steps one at a time and compare how far each racer moves per step.',
  },
];

export const DESCENT_GUIDE: LabGuide<DescentParams> = {
  curriculum: {
    branch: 'optimization',
    order: 2,
    question: 'How does an optimizer find the lowest point of a loss, and why do some get lost?',
  },
  exercises: DESCENT_EXERCISES,
  formulas,
  tours: [
    {
      id: 'step-size',
      title: 'Step size, momentum and the shape of the valley',
      summary:
        'Why a step can be too long, why narrow valleys are slow, and what momentum and curvature buy.',
      steps,
    },
  ],
};
