// The backprop view's numbers against computations that share no code with it: the forward pass
// written out by hand, the MLP's own backprop (core/ml/mlp*.ts), the closed-form logistic
// gradient, central differences of the hand-written loss; the chain rule edge by edge; the
// update and the loss after it; the gradient check passing, and failing once the bug is planted.
import { describe, expect, it } from 'vitest';
import { labPresetParams } from '../../../core/labs/define';
import { insideLab } from '../../../core/labs/inside/lab';
import { bpModel, bpStepState } from '../../../core/labs/inside/model-backprop';
import {
  INSIDE_DEFAULTS,
  insideParamsSchema,
  type BackpropParams,
  type InsideParams,
} from '../../../core/labs/inside/params';
import { texNum } from '../../../core/math/num-format';
import { finiteDiffGradient } from '../../../core/math/finite-diff';
import { rngCreate } from '../../../core/math/rng';
import { mlpCreate } from '../../../core/ml/mlp';
import { mlpLossAndGradient } from '../../../core/ml/mlp-backward';

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const lossOf = (kind: 'bce' | 'sq', p: number, y: number) =>
  kind === 'bce' ? -y * Math.log(p) - (1 - y) * Math.log(1 - p) : 0.5 * (p - y) ** 2;

/** The network's loss written out, θ = (w11, w12, b1, w21, w22, b2, v1, v2, c). */
function netLoss(p: BackpropParams, t: ArrayLike<number>) {
  const f = p.activation === 'sigmoid' ? sig : Math.tanh;
  const [x1, x2] = p.net.x;
  const h1 = f(t[0] * x1 + t[1] * x2 + t[2]);
  const h2 = f(t[3] * x1 + t[4] * x2 + t[5]);
  const z = t[6] * h1 + t[7] * h2 + t[8];
  return { h1, h2, z, p: sig(z), L: lossOf(p.loss, sig(z), p.net.y) };
}
const netTheta = (p: BackpropParams) => [
  ...p.net.w1[0],
  p.net.b1[0],
  ...p.net.w1[1],
  p.net.b1[1],
  ...p.net.w2,
  p.net.b2,
];

function logisticLoss(p: BackpropParams, t: ArrayLike<number>) {
  const pts = p.logistic.points;
  let L = 0;
  for (const q of pts) L += lossOf(p.loss, sig(t[0] * q.x1 + t[1] * q.x2 + t[2]), q.y);
  return L / pts.length;
}

function randomParams(seed: number, graph: 'net' | 'logistic'): BackpropParams {
  const r = rngCreate(seed);
  const u = (a: number) => (r.next() * 2 - 1) * a;
  const pair = (a: number): [number, number] => [u(a), u(a)];
  return {
    ...INSIDE_DEFAULTS.backprop,
    graph,
    activation: r.next() < 0.5 ? 'sigmoid' : 'tanh',
    loss: r.next() < 0.5 ? 'bce' : 'sq',
    lr: 0.05 + r.next(),
    net: {
      x: pair(2),
      y: r.next() < 0.3 ? r.next() : Math.round(r.next()),
      w1: [pair(2), pair(2)],
      b1: pair(1),
      w2: pair(2),
      b2: u(1),
    },
    logistic: {
      points: Array.from({ length: 1 + Math.floor(r.next() * 4) }, () => ({
        x1: u(2),
        x2: u(2),
        y: Math.round(r.next()),
      })),
      w: pair(2),
      b: u(1),
    },
  };
}

const close = (a: number, b: number, tol = 1e-10) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('backprop view: the 2-2-1 network', () => {
  it('every forward value equals the hand-written forward pass, for random weights', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = randomParams(seed, 'net');
      const m = bpModel(p);
      const ref = netLoss(p, netTheta(p));
      const v = m.eval.value;
      close(v.get('h1')!, ref.h1);
      close(v.get('h2')!, ref.h2);
      close(v.get('z')!, ref.z);
      close(v.get('p')!, ref.p);
      close(m.loss, ref.L);
    }
  });

  it('every gradient equals the MLP’s own backprop (cross-entropy) and central differences', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = { ...randomParams(seed, 'net'), loss: 'bce' as const };
      const m = bpModel(p);
      const net = mlpCreate({ sizes: [2, 2, 1], activation: p.activation, loss: 'bce-logits' });
      const [l0, l1] = net.layers;
      // The MLP stores W row-major as input i → unit j at i·fanOut + j.
      for (let j = 0; j < 2; j++) {
        for (let i = 0; i < 2; i++) l0.w[i * 2 + j] = p.net.w1[j][i];
        l0.b[j] = p.net.b1[j];
        l1.w[j] = p.net.w2[j];
      }
      l1.b[0] = p.net.b2;
      const L = mlpLossAndGradient(net, p.net.x, [p.net.y], 1);
      close(m.loss, L, 1e-12);
      const g = (id: string) => m.eval.grad.get(id)!;
      for (let j = 0; j < 2; j++) {
        for (let i = 0; i < 2; i++) close(g(`w${j + 1}${i + 1}`), l0.gw[i * 2 + j], 1e-12);
        close(g(`b${j + 1}`), l0.gb[j], 1e-12);
        close(g(`v${j + 1}`), l1.gw[j], 1e-12);
      }
      close(g('c'), l1.gb[0], 1e-12);
    }
  });

  it('every gradient (both losses, both activations) equals central differences of the written-out loss', () => {
    for (let seed = 100; seed < 140; seed++) {
      const p = randomParams(seed, 'net');
      const m = bpModel(p);
      const fd = finiteDiffGradient((t) => netLoss(p, t).L, netTheta(p));
      m.graph.params.forEach((id, i) => close(m.eval.grad.get(id)!, fd[i], 1e-6));
    }
  });

  it('each edge carries upstream × local, upstream being ∂L/∂(its head); a node sums its edges', () => {
    const m = bpModel(randomParams(7, 'net'));
    const sums = new Map<string, number>();
    for (const e of m.eval.edges) {
      expect(e.upstream).toBe(m.eval.grad.get(e.to));
      expect(e.product).toBe(e.upstream * e.local);
      sums.set(e.from, (sums.get(e.from) ?? 0) + e.product);
    }
    for (const [id, s] of sums) close(m.eval.grad.get(id)!, s, 1e-15);
    // x₁ feeds both hidden units: two edges.
    expect(m.eval.edges.filter((e) => e.from === 'x1')).toHaveLength(2);
  });

  it('steps: values appear forward, gradients backward, complete at the end; the step is clamped', () => {
    const p = INSIDE_DEFAULTS.backprop;
    const m = bpModel(p);
    const n = m.eval.order.length;
    expect(m.steps).toHaveLength(2 * n + 3);
    expect(bpStepState(m, 0).known.has('z1')).toBe(false);
    expect(bpStepState(m, 1).known.has('z1')).toBe(true);
    expect(bpStepState(m, n).grad.size).toBe(0);
    const first = bpStepState(m, n + 1);
    expect(first.grad.get('L')).toEqual({ sum: 1, complete: true });
    expect(first.grad.get('p')?.complete).toBe(true);
    const end = bpStepState(m, 2 * n);
    for (const [id, g] of m.eval.grad) {
      expect(end.grad.get(id)?.complete, id).toBe(true);
      close(end.grad.get(id)!.sum, g, 1e-15);
    }
    expect(bpModel({ ...p, step: 60 }).step).toBe(2 * n + 2);
  });

  it('the formulas print the numbers the nodes hold', () => {
    const m = bpModel(INSIDE_DEFAULTS.backprop);
    for (const s of m.steps.filter((x) => x.phase === 'forward'))
      expect(s.lines[0].endsWith(`= ${texNum(m.eval.value.get(s.node!)!)}`), s.node!).toBe(true);
    const back = m.steps.find((s) => s.phase === 'backward' && s.node === 'z1')!;
    const e = m.eval.edges.find((x) => x.from === 'w11' && x.to === 'z1')!;
    expect(back.lines.some((l) => l.endsWith(`= ${texNum(e.product)}`))).toBe(true);
  });

  it('the update moves each weight by −η·gradient and the next loss is the loss there', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const p = { ...randomParams(seed, 'net'), lr: 0.3 };
      const m = bpModel(p);
      const theta = netTheta(p);
      const moved = theta.map((t, i) => t - 0.3 * m.eval.grad.get(m.graph.params[i])!);
      m.update.forEach((u, i) => close(u.after, moved[i], 1e-15));
      close(m.nextLoss, netLoss(p, moved).L, 1e-12);
      close(bpModel(m.nextParams).loss, m.nextLoss, 1e-12);
    }
  });
});

describe('backprop view: logistic regression', () => {
  it('gradients equal Xᵀ(p − y)/n and mean(p − y) under cross-entropy, and central differences under both losses', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const p = randomParams(seed, 'logistic');
      const m = bpModel(p);
      const t = [...p.logistic.w, p.logistic.b];
      close(m.loss, logisticLoss(p, t));
      const fd = finiteDiffGradient((x) => logisticLoss(p, x), t);
      m.graph.params.forEach((id, i) => close(m.eval.grad.get(id)!, fd[i], 1e-6));
      if (p.loss !== 'bce') continue;
      const pts = p.logistic.points;
      const err = pts.map((q) => sig(t[0] * q.x1 + t[1] * q.x2 + t[2]) - q.y);
      const n = pts.length;
      close(m.eval.grad.get('w1')!, pts.reduce((s, q, i) => s + q.x1 * err[i], 0) / n, 1e-12);
      close(m.eval.grad.get('w2')!, pts.reduce((s, q, i) => s + q.x2 * err[i], 0) / n, 1e-12);
      close(m.eval.grad.get('b')!, err.reduce((s, e) => s + e, 0) / n, 1e-12);
    }
  });

  it('a shared weight collects one term per point (+=)', () => {
    const p = { ...INSIDE_DEFAULTS.backprop, graph: 'logistic' as const };
    const m = bpModel(p);
    expect(m.eval.edges.filter((e) => e.from === 'w1')).toHaveLength(4);
    // The points are data: no gradient flows into them.
    expect(m.eval.edges.some((e) => /^[xy]\d/.test(e.from))).toBe(false);
    const z2 = m.steps.find((s) => s.phase === 'backward' && s.node === 'z2')!;
    expect(z2.lines.some((l) => l.includes('\\mathrel{+}='))).toBe(true);
  });

  it('the worked classifier: loss 0.8409 at the start; after 20 updates at η = 0.1 every point is still on the wrong side', () => {
    let p = storyParams('worked-classifier').backprop;
    expect(texNum(bpModel(p).loss, 4)).toBe('0.8409');
    for (let k = 0; k < 20; k++) p = bpModel(p).nextParams;
    const m = bpModel(p);
    p.logistic.points.forEach((q, i) => {
      const prob = m.eval.value.get(`p${i + 1}`)!;
      expect(prob > 0.5 ? 1 : 0).toBe(1 - q.y);
    });
    expect(m.loss).toBeLessThan(0.8);
  });
});

function storyParams(id: string): InsideParams {
  const preset = insideLab.presets.find((x) => x.id === id)!;
  return labPresetParams(insideLab, preset, INSIDE_DEFAULTS);
}

describe('gradient check', () => {
  it('passes for the correct backward pass and fails with the planted bug, for random weights', () => {
    for (let seed = 1; seed <= 40; seed++)
      for (const graph of ['net', 'logistic'] as const) {
        const p = randomParams(seed, graph);
        const ok = bpModel(p).check;
        expect(
          ok.every((r) => r.ok),
          `${graph} ${seed}`,
        ).toBe(true);
        const bad = bpModel({ ...p, bug: true }).check;
        expect(
          bad.some((r) => !r.ok),
          `${graph} ${seed} bug`,
        ).toBe(true);
      }
  });

  it('the planted-bug story fails by a relative error of at least 0.5', () => {
    const m = bpModel(storyParams('planted-bug').backprop);
    expect(Math.max(...m.check.map((r) => r.relError))).toBeGreaterThan(0.5);
  });

  it('the saturated story: p < 0.05 with y = 1; squared error’s gradients are far smaller than cross-entropy’s', () => {
    const p = storyParams('saturated').backprop;
    const sq = bpModel(p);
    expect(sq.eval.value.get('p')!).toBeLessThan(0.05);
    const ce = bpModel({ ...p, loss: 'bce' });
    const norm = (m: typeof sq) => Math.hypot(...m.check.map((r) => r.analytic));
    expect(norm(sq)).toBeLessThan(norm(ce) / 10);
    expect(sq.loss - sq.nextLoss).toBeLessThan((ce.loss - ce.nextLoss) / 10);
  });
});

describe('inside params', () => {
  it('accepts the defaults and every story, refuses values out of range', () => {
    expect(insideParamsSchema.safeParse(INSIDE_DEFAULTS).success).toBe(true);
    for (const s of insideLab.presets)
      expect(insideParamsSchema.safeParse(storyParams(s.id)).success, s.id).toBe(true);
    const bp = INSIDE_DEFAULTS.backprop;
    const bad = (b: Partial<BackpropParams>) =>
      insideParamsSchema.safeParse({ ...INSIDE_DEFAULTS, backprop: { ...bp, ...b } }).success;
    expect(bad({ lr: 0 })).toBe(false);
    expect(bad({ step: 61 })).toBe(false);
    expect(bad({ net: { ...bp.net, y: 1.5 } })).toBe(false);
    expect(bad({ logistic: { ...bp.logistic, points: [] } })).toBe(false);
    expect(bad({ net: { ...bp.net, b2: 10.5 } })).toBe(false);
  });
});
