import { describe, expect, it } from 'vitest';
import {
  landscapeCompute,
  landscapeDirections,
  landscapeLayers,
  landscapeLossFn,
  landscapeRun,
  landscapeTrainer,
  type LandscapeSimParams,
} from '../../../core/labs/inside/sim-landscape';
import { INSIDE_DEFAULTS } from '../../../core/labs/inside/params';
import { filterNorm, landscapeCoord } from '../../../core/ml/loss-landscape';
import { netEvaluate } from '../../../core/ml/net-model';

const P: LandscapeSimParams = {
  ...INSIDE_DEFAULTS.landscape,
  epochs: 20,
  res: 9,
  count: 250,
  seed: 3,
};

/** The net of P trained directly with the same trainer, its θ₀ and θ*. */
function trained() {
  const trainer = landscapeTrainer(P);
  const theta0 = trainer.net.mlp.params.slice();
  while (trainer.steps < P.epochs * trainer.stepsPerEpoch) trainer.step();
  return { trainer, theta0, theta: trainer.net.mlp.params.slice() };
}

describe('inside-landscape simulation', () => {
  const r = landscapeCompute(P);
  const { trainer, theta0, theta } = trained();
  const f = landscapeLossFn(trainer);
  const [d, e] = landscapeDirections(theta, landscapeLayers(trainer), P.seed);

  it('is a 2-8-8-1 net (105 parameters) over 250 points by default', () => {
    expect(r.paramCount).toBe(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    expect(r.points).toBe(250);
  });

  it('has L(θ*) at (α, β) = (0, 0), equal to the trained net’s loss over all points', () => {
    const c = (P.res - 1) / 2;
    expect(landscapeCoord(c, P.res, P.span)).toBe(0);
    const x = new Float64Array([...trainer.xTrain, ...trainer.xTest]);
    const y = new Float64Array([...trainer.yTrain, ...trainer.yTest]);
    trainer.net.mlp.params.set(theta);
    const direct = netEvaluate(trainer.net, x, y, x.length / 2).loss;
    expect(r.values[c * P.res + c]).toBe(direct);
    expect(r.lossStar).toBe(direct);
    // Training lowered the loss: θ* is below θ₀ on the line.
    expect(r.interpLoss[60]).toBe(direct);
    expect(r.interpLoss[20]).toBeGreaterThan(direct);
  });

  it('equals a direct evaluation of θ* + αδ + βη at a few grid points', () => {
    for (const [i, j] of [
      [0, 0],
      [8, 0],
      [3, 7],
      [8, 8],
      [5, 2],
    ]) {
      const a = landscapeCoord(i, P.res, P.span);
      const b = landscapeCoord(j, P.res, P.span);
      const w = theta.map((t, k) => t + a * d[k] + b * e[k]);
      expect(r.values[j * P.res + i]).toBeCloseTo(f.loss(w), 12);
    }
  });

  it('uses filter-normalised directions of the trained weights', () => {
    for (const layer of landscapeLayers(trainer)) {
      for (let j = 0; j < layer.fanOut; j++) {
        expect(filterNorm(d, layer, j)).toBeCloseTo(filterNorm(theta, layer, j), 12);
        expect(filterNorm(e, layer, j)).toBeCloseTo(filterNorm(theta, layer, j), 12);
      }
    }
  });

  it('starts the path at θ₀’s projection and ends it at θ* (0, 0)', () => {
    expect(r.pathAlpha.length).toBe(P.epochs + 1);
    expect(r.pathLoss[0]).toBeCloseTo(f.loss(theta0), 12);
    expect(r.pathAlpha[P.epochs]).toBe(0);
    expect(r.pathBeta[P.epochs]).toBe(0);
    // The share of θ₀ − θ* the plane shows, written out from the projection.
    const v = theta0.map((t, k) => t - theta[k]);
    const w = d.map((x, k) => r.pathAlpha[0] * x + r.pathBeta[0] * e[k]);
    const norm = (a: Float64Array) => Math.hypot(...a);
    expect(r.pathInPlane).toBeCloseTo(norm(w) / norm(v), 12);
    expect(r.pathInPlane).toBeGreaterThan(0);
    expect(r.pathInPlane).toBeLessThan(1);
  });

  it('gives the same numbers however the work is cut into slices', () => {
    let calls = 0;
    const gen = landscapeRun(P, { due: () => ++calls % 3 === 0, restart: () => {} });
    let slices = 0;
    for (;;) {
      const s = gen.next();
      if (s.done) {
        expect(Array.from(s.value.values)).toEqual(Array.from(r.values));
        expect(Array.from(s.value.interpLoss)).toEqual(Array.from(r.interpLoss));
        break;
      }
      slices++;
      expect(s.value.done).toBeLessThanOrEqual(s.value.total);
    }
    expect(slices).toBeGreaterThan(100);
  });
});
