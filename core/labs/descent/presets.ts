/**
 * The Descent lab's stories: each names one exact race (surface, start, steps, seed, racers) and
 * says what to look for. The first is the lab's default.
 */
import type { LabPreset } from '../define';
import type { DescentParams } from './params';

/** A story names a whole race; view options it is silent on keep their defaults. */
export interface DescentPreset extends LabPreset<DescentParams> {
  params: Omit<DescentParams, 'heightScale' | 'speed' | 'mesh'> & Partial<DescentParams>;
}

const SADDLE_EXPR = 'x^2 - y^2 + 0.25*y^4';

export const DESCENT_PRESETS: readonly DescentPreset[] = [
  {
    id: 'valley',
    title: 'Narrow valley: GD zig-zags, momentum speeds along',
    story:
      'With condition number 50 the largest stable step is 2/50 = 0.04. Gradient descent at 0.038 crosses the valley floor on every step and crawls along it. Momentum still swings across, but in slow arcs, and the speed it gathers along the floor brings it to the minimum in about a third of the steps. Nesterov takes its gradient after the momentum step; at η = 1/50 that cancels the swing at once and it glides down the floor.',
    params: {
      surface: { kind: 'builtin', id: 'ellipse', params: { kappa: 50, angle: 20 } },
      start: [-2.8, -0.5],
      steps: 300,
      seed: 1,
      racers: [
        { optimizer: 'gd', params: { lr: 0.038 } },
        { optimizer: 'momentum', params: { lr: 0.018, momentum: 0.75 } },
        { optimizer: 'nesterov', params: { lr: 0.02, momentum: 0.8 } },
      ],
    },
  },
  {
    id: 'rosenbrock',
    title: 'Rosenbrock: Adam vs L-BFGS vs Newton',
    story:
      'The curved valley punishes fixed steps. Newton jumps using exact curvature, L-BFGS builds curvature from past gradients, Adam rescales each coordinate but still crawls along the floor.',
    params: {
      surface: { kind: 'builtin', id: 'rosenbrock', params: { b: 100 } },
      start: [-1.2, 1],
      steps: 1500,
      seed: 1,
      racers: [
        { optimizer: 'adam', params: { lr: 0.05 } },
        { optimizer: 'lbfgs', params: {} },
        { optimizer: 'newton', params: {} },
        { optimizer: 'gd', params: { lr: 0.001 } },
      ],
      heightScale: 'log',
    },
  },
  {
    id: 'saddle',
    title: 'Saddle: GD stalls, noise escapes',
    story:
      'Started exactly on the ridge line y = 0, gradient descent has no reason to leave it and settles on the saddle point. A little gradient noise breaks the symmetry and SGD rolls into a valley.',
    params: {
      surface: {
        kind: 'custom',
        expr: SADDLE_EXPR,
        domain: { xMin: -2, xMax: 2, yMin: -2, yMax: 2 },
      },
      start: [-1.8, 0],
      steps: 400,
      seed: 4,
      racers: [
        { optimizer: 'gd', params: { lr: 0.05 } },
        { optimizer: 'sgd', params: { lr: 0.05, noise: 0.3 } },
      ],
      heightScale: 'linear',
    },
  },
  {
    id: 'too-large',
    title: 'Learning rate too large: diverges',
    story:
      'On this bowl the steepest curvature is 10, so steps above 2/10 = 0.2 grow instead of shrinking. At 0.19 gradient descent oscillates but converges; at 0.21 it diverges.',
    params: {
      surface: { kind: 'builtin', id: 'ellipse', params: { kappa: 10, angle: 0 } },
      start: [-2.5, 1],
      steps: 200,
      seed: 1,
      racers: [
        { optimizer: 'gd', params: { lr: 0.19 } },
        { optimizer: 'gd', params: { lr: 0.21 } },
      ],
      heightScale: 'log',
    },
  },
  {
    id: 'wells',
    title: 'Local vs global minimum',
    story:
      'Two wells of different depth. From this corner plain gradient descent settles in the nearer, shallower well; with momentum 0.95 the ball carries enough speed over the ridge to reach the deeper one.',
    params: {
      surface: { kind: 'builtin', id: 'two-wells', params: { depth: 1.2 } },
      start: [-3.5, -3.5],
      steps: 600,
      seed: 1,
      racers: [
        { optimizer: 'gd', params: { lr: 0.1 } },
        { optimizer: 'momentum', params: { lr: 0.1, momentum: 0.95 } },
      ],
      heightScale: 'linear',
    },
  },
  {
    id: 'minibatch',
    title: 'Data surface: full batch vs minibatches',
    story:
      'This bowl is the mean squared error of a line fitted to the points on the right. Gradient descent uses all 64 points every step; SGD uses 8 at a time, so its path jitters around the same valley floor.',
    params: {
      surface: { kind: 'builtin', id: 'linear-regression', params: {} },
      start: [-1.5, 2.5],
      steps: 300,
      seed: 3,
      racers: [
        { optimizer: 'gd', params: { lr: 0.05 } },
        { optimizer: 'sgd', params: { lr: 0.05, batchSize: 8 } },
      ],
      heightScale: 'log',
    },
  },
];

export const DESCENT_DEFAULTS: DescentParams = {
  ...DESCENT_PRESETS[0].params,
  heightScale: 'log',
  speed: 60,
  mesh: 0,
};

/** What a story leaves as it is: playback speed and mesh resolution are the viewer's. */
export const DESCENT_PRESET_KEEPS = ['speed', 'mesh'] as const;
