/**
 * Simulation "inside-landscape": trains a small Networks-lab net (core/ml/net-train.ts) for a
 * fixed, seeded number of epochs, then evaluates the loss landscape around its weights θ*
 * (core/ml/loss-landscape.ts): L(θ* + αδ + βη) on a res × res grid with filter-normalised random
 * directions δ, η, the line L((1 − t)θ₀ + tθ*) from the initial weights, and the weights after each
 * epoch projected onto the (δ, η) plane.
 *
 * L is the mean cross-entropy of the sigmoid output over all the points (train and test sets);
 * the net trains on 80 % of them with Adam. Each loss is one forward pass of all points (well under
 * a millisecond on the nets the schema allows); slices yield between them once SIM_SLICE_MS has
 * piled up, so progress moves and cancel is heard.
 */
import { z } from 'zod';
import { rngCreate } from '../../math/rng';
import {
  INTERP_POINTS,
  interpPoint,
  interpT,
  landscapeCoord,
  landscapeDirection,
  landscapePoint,
  projectOnto,
  type LandscapeLayer,
} from '../../ml/loss-landscape';
import { netDatasetCreate } from '../../ml/net-data';
import { netEvaluate, type Net } from '../../ml/net-model';
import { NetTrainer } from '../../ml/net-train';
import { simDefine, type SimRun } from '../../sim/registry';
import { sliceTimerCreate, type SliceTimer } from '../../sim/slices';

export const LANDSCAPE_DATASETS = ['circle', 'xor', 'gauss', 'moons', 'spiral'] as const;

export const landscapeSimParams = z.object({
  dataset: z.enum(LANDSCAPE_DATASETS),
  /** Points generated (all of them enter L). */
  count: z.number().int().min(20).max(500),
  /** Hidden layer widths. */
  hidden: z.array(z.number().int().min(1).max(16)).min(1).max(3),
  activation: z.enum(['tanh', 'relu']),
  epochs: z.number().int().min(1).max(300),
  /** Grid points per side. */
  res: z.number().int().min(5).max(61),
  /** α and β run over [−span, span]. */
  span: z.number().min(0.05).max(3),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});
export type LandscapeSimParams = z.infer<typeof landscapeSimParams>;

export interface LandscapeResult {
  res: number;
  span: number;
  /** L at (α_i, β_j) in values[j·res + i]. */
  values: Float64Array;
  /** The line from θ₀ (t = 0) to θ* (t = 1): t and L. */
  interpT: Float64Array;
  interpLoss: Float64Array;
  /** θ₀ then θ after each epoch, projected onto (δ, η): α, β and the loss there. */
  pathAlpha: Float64Array;
  pathBeta: Float64Array;
  pathLoss: Float64Array;
  /** ‖projection of θ₀ − θ* onto the plane‖ / ‖θ₀ − θ*‖: how much of the way the plane shows. */
  pathInPlane: number;
  /** L(θ*), the trained net's accuracy over all points, parameter count, points. */
  lossStar: number;
  accuracy: number;
  paramCount: number;
  points: number;
}

/** The trainer of the landscape's net; exported so tests evaluate the same net directly. */
export function landscapeTrainer(p: LandscapeSimParams): NetTrainer {
  return new NetTrainer({
    spec: {
      inputs: 2,
      layers: p.hidden.map((units) => ({ units, activation: p.activation })),
      output: 'sigmoid',
      outputs: 1,
      init: 'xavier',
      l1: 0,
      l2: 0,
      seed: p.seed,
    },
    features: ['x1', 'x2'],
    points: netDatasetCreate(p.dataset, p.count, 0.1, p.seed),
    trainRatio: 0.8,
    batch: 10,
    optimizer: 'adam',
    lr: 0.01,
  });
}

/** All points (train then test) as one set, and a loss function of θ on it. */
export function landscapeLossFn(trainer: NetTrainer): {
  loss(theta: ArrayLike<number>): number;
  accuracy(theta: ArrayLike<number>): number;
} {
  const net: Net = trainer.net;
  const n = trainer.nTrain + trainer.nTest;
  const x = new Float64Array(2 * n);
  x.set(trainer.xTrain);
  x.set(trainer.xTest, trainer.xTrain.length);
  const y = new Float64Array(n);
  y.set(trainer.yTrain);
  y.set(trainer.yTest, trainer.nTrain);
  const run = (theta: ArrayLike<number>) => {
    net.mlp.params.set(theta);
    return netEvaluate(net, x, y, n);
  };
  return { loss: (t) => run(t).loss, accuracy: (t) => run(t).accuracy };
}

export function landscapeLayers(trainer: NetTrainer): LandscapeLayer[] {
  return trainer.net.mlp.layers.map((l) => ({
    offset: l.offset,
    fanIn: l.fanIn,
    fanOut: l.fanOut,
    count: l.count,
  }));
}

/** Random directions δ, η for θ* (seeded by the params' seed). */
export function landscapeDirections(
  theta: ArrayLike<number>,
  layers: readonly LandscapeLayer[],
  seed: number,
): [Float64Array, Float64Array] {
  const rng = rngCreate(seed + 31_337);
  return [landscapeDirection(theta, layers, rng), landscapeDirection(theta, layers, rng)];
}

export function* landscapeRun(
  p: LandscapeSimParams,
  timer: SliceTimer = sliceTimerCreate(),
): SimRun<never, LandscapeResult> {
  const trainer = landscapeTrainer(p);
  const trainSteps = p.epochs * trainer.stepsPerEpoch;
  const cells = p.res * p.res;
  const total = trainSteps + cells + INTERP_POINTS + p.epochs + 1;
  yield { done: 0, total };
  timer.restart();
  const params = trainer.net.mlp.params;
  const P = params.length;
  const theta0 = params.slice();
  const path = new Float64Array((p.epochs + 1) * P);
  path.set(theta0);
  while (trainer.steps < trainSteps) {
    trainer.step();
    if (trainer.steps % trainer.stepsPerEpoch === 0) {
      path.set(params, (trainer.steps / trainer.stepsPerEpoch) * P);
    }
    if (timer.due()) {
      yield { done: trainer.steps, total };
      timer.restart();
    }
  }
  const theta = params.slice();
  const f = landscapeLossFn(trainer);
  const layers = landscapeLayers(trainer);
  const [d, e] = landscapeDirections(theta, layers, p.seed);
  const at = new Float64Array(P);
  const values = new Float64Array(cells);
  let done = trainSteps;
  const tick = function* () {
    done++;
    if (timer.due()) {
      yield { done, total };
      timer.restart();
    }
  };
  for (let j = 0; j < p.res; j++) {
    const beta = landscapeCoord(j, p.res, p.span);
    for (let i = 0; i < p.res; i++) {
      landscapePoint(theta, d, e, landscapeCoord(i, p.res, p.span), beta, at);
      values[j * p.res + i] = f.loss(at);
      yield* tick();
    }
  }
  const ts = new Float64Array(INTERP_POINTS);
  const interpLoss = new Float64Array(INTERP_POINTS);
  for (let k = 0; k < INTERP_POINTS; k++) {
    ts[k] = interpT(k);
    interpLoss[k] = f.loss(interpPoint(theta0, theta, ts[k], at));
    yield* tick();
  }
  const pathAlpha = new Float64Array(p.epochs + 1);
  const pathBeta = new Float64Array(p.epochs + 1);
  const pathLoss = new Float64Array(p.epochs + 1);
  const ab: [number, number] = [0, 0];
  for (let k = 0; k <= p.epochs; k++) {
    const w = path.subarray(k * P, (k + 1) * P);
    pathLoss[k] = f.loss(w);
    for (let q = 0; q < P; q++) at[q] = w[q] - theta[q];
    projectOnto(at, d, e, ab);
    pathAlpha[k] = ab[0];
    pathBeta[k] = ab[1];
    yield* tick();
  }
  let vv = 0;
  let pp = 0;
  for (let q = 0; q < P; q++) {
    const v = theta0[q] - theta[q];
    const w = pathAlpha[0] * d[q] + pathBeta[0] * e[q];
    vv += v * v;
    pp += w * w;
  }
  const pathInPlane = vv > 0 ? Math.sqrt(pp / vv) : 0;
  const lossStar = f.loss(theta);
  const accuracy = f.accuracy(theta);
  yield { done: total, total };
  return {
    res: p.res,
    span: p.span,
    values,
    interpT: ts,
    interpLoss,
    pathAlpha,
    pathBeta,
    pathLoss,
    pathInPlane,
    lossStar,
    accuracy,
    paramCount: P,
    points: trainer.nTrain + trainer.nTest,
  };
}

/** The whole run at once (tests, bench). */
export function landscapeCompute(p: LandscapeSimParams): LandscapeResult {
  const gen = landscapeRun(p, { due: () => false, restart: () => {} });
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
  }
}

export const landscapeSim = simDefine({
  name: 'inside-landscape',
  delivery: 'result',
  params: landscapeSimParams,
  start: (p: LandscapeSimParams): SimRun<never, LandscapeResult> => landscapeRun(p),
});
