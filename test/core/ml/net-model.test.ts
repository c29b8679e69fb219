// The Networks lab's network: every backward pass (each activation, each output head, batch norm,
// L1/L2) against central finite differences of L + Ω on random small nets; the datasets, features
// and split are seeded and shaped as documented.
import { describe, expect, it } from 'vitest';
import { rngCreate } from '../../../core/math/rng';
import type { ActivationId } from '../../../core/ml/activations';
import {
  NET_DATASETS,
  netDatasetCreate,
  netSplit,
  type NetDatasetId,
} from '../../../core/ml/net-data';
import { NET_FEATURE_IDS, netFeaturesFill } from '../../../core/ml/net-features';
import {
  netCreate,
  netHead,
  netHeadLoss,
  netLossAndGradient,
  netPenalty,
  type NetOutputId,
  type NetSpec,
} from '../../../core/ml/net-model';
import { mlpForward } from '../../../core/ml/mlp-forward';

const ACTS: ActivationId[] = [
  'tanh',
  'sigmoid',
  'relu',
  'leaky-relu',
  'elu',
  'gelu',
  'swish',
  'softplus',
  'mish',
  'linear',
];

function totalLoss(
  spec: NetSpec,
  net: ReturnType<typeof netCreate>,
  x: Float64Array,
  y: Float64Array,
  n: number,
) {
  const z = mlpForward(net.mlp, x, n, 'train');
  return netHeadLoss(spec.output, z, y, n, spec.outputs) + netPenalty(net, false);
}

function check(spec: NetSpec, seed: number) {
  const rng = rngCreate(seed);
  const n = 5;
  const x = Float64Array.from({ length: n * spec.inputs }, () => 2 * rng.normal());
  const y = Float64Array.from({ length: n }, (_, i) =>
    spec.output === 'linear' ? rng.normal() : spec.output === 'softmax' ? i % spec.outputs : i % 2,
  );
  const net = netCreate(spec);
  // Random, non-zero biases and batch-norm parameters, away from ReLU kinks with high probability.
  for (let i = 0; i < net.mlp.params.length; i++) net.mlp.params[i] = 0.8 * rng.normal();
  netLossAndGradient(net, x, y, n);
  const g = net.mlp.grads.slice();
  const h = 1e-6;
  let worst = 0;
  for (let i = 0; i < net.mlp.params.length; i++) {
    const p0 = net.mlp.params[i];
    net.mlp.params[i] = p0 + h;
    const up = totalLoss(spec, net, x, y, n);
    net.mlp.params[i] = p0 - h;
    const down = totalLoss(spec, net, x, y, n);
    net.mlp.params[i] = p0;
    const fd = (up - down) / (2 * h);
    worst = Math.max(worst, Math.abs(fd - g[i]) / Math.max(1, Math.abs(fd)));
  }
  return worst;
}

describe('net backward pass against finite differences', () => {
  const outputs: [NetOutputId, number][] = [
    ['tanh', 1],
    ['sigmoid', 1],
    ['softmax', 3],
    ['softmax', 5],
    ['linear', 1],
  ];
  for (const [output, k] of outputs) {
    for (const act of ACTS) {
      it(`${output} (${k}) head, ${act} hidden layers, L1 + L2`, () => {
        const spec: NetSpec = {
          inputs: 3,
          layers: [
            { units: 4, activation: act },
            { units: 3, activation: act },
          ],
          output,
          outputs: k,
          init: 'xavier',
          l1: 0.01,
          l2: 0.03,
          seed: 3,
        };
        expect(check(spec, 11)).toBeLessThan(1e-6);
      });
    }
    it(`${output} (${k}) head with batch norm`, () => {
      const spec: NetSpec = {
        inputs: 2,
        layers: [
          { units: 3, activation: 'tanh', batchNorm: true },
          { units: 4, activation: 'relu', batchNorm: true },
        ],
        output,
        outputs: k,
        init: 'he',
        l1: 0,
        l2: 0.1,
        seed: 5,
      };
      expect(check(spec, 4)).toBeLessThan(1e-6);
    });
  }
  it('no hidden layer (a linear model)', () => {
    const spec: NetSpec = {
      inputs: 7,
      layers: [],
      output: 'sigmoid',
      outputs: 1,
      init: 'uniform',
      l1: 0.2,
      l2: 0,
      seed: 9,
    };
    expect(check(spec, 2)).toBeLessThan(1e-6);
  });
});

describe('net heads and initialisers', () => {
  it('softmax probabilities sum to one and follow the logits', () => {
    const p = netHead('softmax', [2, 0.5, -1, 1000, 0, -1000], 2, 3, new Float64Array(6));
    expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 14);
    expect(p[0]).toBeCloseTo(0.7856, 4);
    expect(p[3]).toBe(1);
  });
  it('zero init gives all-zero weights; uniform stays within ±0.5', () => {
    const base = {
      inputs: 2,
      layers: [{ units: 16, activation: 'tanh' as const }],
      output: 'tanh' as const,
      outputs: 1,
      l1: 0,
      l2: 0,
      seed: 1,
    };
    const z = netCreate({ ...base, init: 'zero' });
    for (const l of z.mlp.layers) expect(Math.max(...l.w.map(Math.abs))).toBe(0);
    const u = netCreate({ ...base, init: 'uniform' });
    const w = u.mlp.layers[0].w;
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.5);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.3);
  });
});

describe('net datasets, features and split', () => {
  const ids = Object.keys(NET_DATASETS) as NetDatasetId[];
  it.each(ids)('%s: seeded, on the plane, labels as declared', (id) => {
    const a = netDatasetCreate(id, 300, 0.2, 5);
    const b = netDatasetCreate(id, 300, 0.2, 5);
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    expect(netDatasetCreate(id, 300, 0.2, 6).x).not.toEqual(a.x);
    const info = NET_DATASETS[id];
    expect(a.classes).toBe(info.classes);
    const clean = netDatasetCreate(id, 300, 0, 5);
    for (let i = 0; i < 600; i++) expect(Math.abs(clean.x[i])).toBeLessThanOrEqual(6);
    if (info.task === 'classification') {
      const counts = new Array(info.classes).fill(0);
      for (const v of a.y) counts[v]++;
      for (const c of counts) expect(c).toBeGreaterThan(300 / info.classes / 2);
    } else for (const v of clean.y) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
  it('noise-free circle and XOR labels follow their rule', () => {
    const c = netDatasetCreate('circle', 200, 0, 1);
    for (let i = 0; i < 200; i++)
      expect(Math.hypot(c.x[2 * i], c.x[2 * i + 1]) < 3).toBe(c.y[i] === 1);
    const x = netDatasetCreate('xor', 200, 0, 1);
    for (let i = 0; i < 200; i++) expect(x.x[2 * i] * x.x[2 * i + 1] > 0).toBe(x.y[i] === 1);
  });
  it('features at a point', () => {
    const f = netFeaturesFill(NET_FEATURE_IDS, [2, -3], 1);
    expect([...f]).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
  });
  it('split: disjoint, covers every point, the asked share trains', () => {
    const { train, test } = netSplit(101, 0.3, 4);
    expect(train.length).toBe(30);
    expect(new Set([...train, ...test]).size).toBe(101);
    expect(netSplit(2, 0.9, 1).test.length).toBe(1);
  });
});
