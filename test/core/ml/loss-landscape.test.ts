import { describe, expect, it } from 'vitest';
import { rngCreate } from '../../../core/math/rng';
import {
  filterNorm,
  filterNormalise,
  interpPoint,
  interpT,
  landscapeDirection,
  projectOnto,
  type LandscapeLayer,
} from '../../../core/ml/loss-landscape';

/** A 3-4-2 net: W₁ (3×4) then b₁ (4), W₂ (4×2) then b₂ (2). */
const LAYERS: LandscapeLayer[] = [
  { offset: 0, fanIn: 3, fanOut: 4, count: 16 },
  { offset: 16, fanIn: 4, fanOut: 2, count: 10 },
];
const P = 26;

function randomVec(seed: number): Float64Array {
  const rng = rngCreate(seed);
  return Float64Array.from({ length: P }, () => 2 * rng.next() - 1);
}

describe('filter normalisation (Li et al. 2018)', () => {
  it('gives each neuron of the direction the norm of the same neuron of θ*', () => {
    const theta = randomVec(1);
    const d = landscapeDirection(theta, LAYERS, rngCreate(5));
    for (const layer of LAYERS) {
      for (let j = 0; j < layer.fanOut; j++) {
        // Written out: column j of the row-major W is entries offset + i·fanOut + j.
        let sd = 0;
        let st = 0;
        for (let i = 0; i < layer.fanIn; i++) {
          sd += d[layer.offset + i * layer.fanOut + j] ** 2;
          st += theta[layer.offset + i * layer.fanOut + j] ** 2;
        }
        expect(Math.sqrt(sd)).toBeCloseTo(Math.sqrt(st), 12);
        expect(filterNorm(d, layer, j)).toBeCloseTo(filterNorm(theta, layer, j), 12);
      }
    }
  });

  it('keeps each filter’s direction and zeroes the biases', () => {
    const theta = randomVec(2);
    const raw = randomVec(3);
    const d = filterNormalise(raw.slice(), theta, LAYERS);
    for (const layer of LAYERS) {
      for (let j = 0; j < layer.fanOut; j++) {
        const s = filterNorm(theta, layer, j) / filterNorm(raw, layer, j);
        for (let i = 0; i < layer.fanIn; i++) {
          const k = layer.offset + i * layer.fanOut + j;
          expect(d[k]).toBeCloseTo(raw[k] * s, 12);
        }
      }
      for (let k = layer.fanIn * layer.fanOut; k < layer.count; k++) {
        expect(d[layer.offset + k]).toBe(0);
      }
    }
  });

  it('scales with θ*: a neuron twice as large gets a direction twice as long', () => {
    const theta = randomVec(4);
    const big = theta.slice();
    for (let i = 0; i < 3; i++) big[i * 4 + 1] *= 2;
    const a = landscapeDirection(theta, LAYERS, rngCreate(9));
    const b = landscapeDirection(big, LAYERS, rngCreate(9));
    expect(filterNorm(b, LAYERS[0], 1)).toBeCloseTo(2 * filterNorm(a, LAYERS[0], 1), 12);
    expect(filterNorm(b, LAYERS[0], 0)).toBeCloseTo(filterNorm(a, LAYERS[0], 0), 12);
  });
});

describe('interpolation and projection', () => {
  it('hits θ₀ at t = 0 and θ* at t = 1 exactly', () => {
    const a = randomVec(5);
    const b = randomVec(6);
    expect(interpT(20)).toBe(0);
    expect(interpT(60)).toBe(1);
    expect(interpPoint(a, b, interpT(20), new Float64Array(P))).toEqual(a);
    expect(interpPoint(a, b, interpT(60), new Float64Array(P))).toEqual(b);
  });

  it('recovers (α, β) of a point in the plane of two non-orthogonal directions', () => {
    const d = randomVec(7);
    const e = randomVec(8).map((v, k) => v + 0.5 * d[k]);
    const v = d.map((x, k) => 0.3 * x - 1.7 * e[k]);
    const [a, b] = projectOnto(v, d, e);
    expect(a).toBeCloseTo(0.3, 10);
    expect(b).toBeCloseTo(-1.7, 10);
  });
});
