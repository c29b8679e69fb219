// Cutting work into slices must not change a single bit of what it computes: trajectories advanced
// a few steps at a time, grids sampled a strip at a time, floors filled a cell at a time and
// training steps paused inside their layers all give exactly the numbers of the whole run.
import { describe, expect, it, vi } from 'vitest';
import { exprCompileSource, exprEvalGrid } from '../../../core/math/expr-compile';
import { mlpCreate, mlpCreateSlices } from '../../../core/ml/mlp';
import { mlpDrain, type MlpWorkMeter } from '../../../core/ml/mlp-work';
import {
  OPTIMIZERS,
  trajectoryRun,
  trajectoryStart,
  type Trajectory,
} from '../../../core/ml/optimizers';
import { surfaceCustomCreate } from '../../../core/ml/surface-custom';
import { surfaceById } from '../../../core/ml/surfaces';
import { surfaceFloorCells, surfaceFloorValues } from '../../../core/ml/surfaces-floor';
import type { Surface, SurfaceDomain } from '../../../core/ml/surfaces-types';
import {
  descentRaceParams,
  descentRaceSim,
  descentSurfaceResolve,
  type DescentRaceFrame,
} from '../../../core/sim/descent-race';
import { GradientFlowSim, type GradientFlowConfig } from '../../../core/sim/gradient-flow';
import { gradientFlowSlices, type GradientFlowFrame } from '../../../core/sim/gradient-flow-sim';

/** The bytes of a Float64Array, so +0/−0 and NaN payloads count too. */
const bits = (a: Float64Array | null) =>
  a ? Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)) : null;

function expectSameTrajectory(a: Trajectory, b: Trajectory): void {
  expect([a.count, a.divergedAtStep, a.converged]).toEqual([
    b.count,
    b.divergedAtStep,
    b.converged,
  ]);
  for (const key of [
    'positions',
    'losses',
    'gradients',
    'stepGradients',
    'velocities',
    'modelHessians',
  ] as const)
    expect(bits(a[key]), key).toEqual(bits(b[key]));
}

const custom = surfaceCustomCreate('sin(3*x)*y^2 + exp(0.3*x*y) + x^4/10', {
  xMin: -2,
  xMax: 2,
  yMin: -1,
  yMax: 3,
});
if (!custom.ok) throw new Error(custom.message);

describe('a trajectory advanced in pieces', () => {
  const surfaces: [string, Surface, [number, number]][] = [
    ['rosenbrock', surfaceById('rosenbrock')!, [-1.5, 2]],
    ['logistic data (minibatches)', surfaceById('logistic-regression')!, [-2, 2]],
    ['custom f', custom.surface, [1.2, 2.1]],
  ];
  for (const [name, surface, start] of surfaces) {
    it(`equals the whole run bit for bit for every optimizer on ${name}`, () => {
      for (const o of OPTIMIZERS) {
        const whole = trajectoryRun(surface, o, {}, start, 400, { seed: 9 });
        const run = trajectoryStart(surface, o, {}, start, 400, { seed: 9 });
        // Pieces of 1, 2, 3, … steps: every boundary lands somewhere different.
        for (let piece = 1; !run.advance(piece); piece++);
        expect(run.finished).toBe(true);
        expectSameTrajectory(run.result(), whole);
      }
    });
  }

  it('stops at divergence and at the gradient tolerance where the whole run does', () => {
    const bowl = surfaceById('bowl')!;
    const gd = OPTIMIZERS.find((o) => o.descriptor.id === 'gd')!;
    for (const [params, options] of [
      [{ lr: 1.2 }, {}],
      [{ lr: 0.25 }, { gradientTolerance: 1e-6 }],
    ] as const) {
      const whole = trajectoryRun(bowl, gd, params, [1, 1], 1000, options);
      const run = trajectoryStart(bowl, gd, params, [1, 1], 1000, options);
      while (!run.advance(3));
      expectSameTrajectory(run.result(), whole);
      expect(whole.diverged || whole.converged).toBe(true);
    }
  });
});

describe('the descent race in slices', () => {
  /** The surface and floor the way they were computed before slicing: the whole grid at once. */
  function wholeGrid(surface: Surface, expr: string | null, n: number, d: SurfaceDomain) {
    const values = new Float64Array(n * n);
    const dx = (d.xMax - d.xMin) / (n - 1);
    const dy = (d.yMax - d.yMin) / (n - 1);
    if (expr) {
      const c = exprCompileSource(expr);
      if (!c.ok) throw new Error(c.message);
      const xs = new Float64Array(n * n);
      const ys = new Float64Array(n * n);
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) {
          xs[j * n + i] = d.xMin + i * dx;
          ys[j * n + i] = d.yMin + j * dy;
        }
      exprEvalGrid(c.compiled, xs, ys, { f: values });
    } else {
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++)
          values[j * n + i] = surface.value(d.xMin + i * dx, d.yMin + j * dy);
    }
    return { values, floor: surfaceFloorValues(values, n, d, (x, y) => surface.value(x, y)) };
  }

  const specs = [
    { kind: 'builtin', id: 'logistic-regression', params: { samples: 128 } },
    { kind: 'custom', expr: 'sin(5*x)*cos(4*y) + (x^2 + y^2)/4', domain: custom.surface.domain },
  ] as const;
  for (const spec of specs) {
    it(`gives the frames of the unsliced computation (${spec.kind})`, () => {
      const p = descentRaceParams.parse({
        surface: spec,
        grid: 120,
        start: [1.1, 0.4],
        steps: 1000,
        seed: 4,
        racers: OPTIMIZERS.slice(0, 8).map((o) => ({ optimizer: o.descriptor.id, params: {} })),
      });
      const frames: DescentRaceFrame[] = [];
      let slices = 0;
      // A clock that moves 1 ms per reading, so where the work is cut does not depend on how
      // fast this machine is (a fast one made only 19 slices of the real clock's 4 ms).
      let t = 0;
      const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 1));
      try {
        const run = descentRaceSim.start(p);
        for (let r = run.next(); !r.done; r = run.next()) {
          slices++;
          if (r.value.frame) frames.push(r.value.frame);
        }
      } finally {
        clock.mockRestore();
      }
      // The work really was cut: far more slices than the nine frames.
      expect(slices).toBeGreaterThan(20);
      const target = descentSurfaceResolve(spec);
      const grid = frames[0];
      if (grid.kind !== 'surface') throw new Error('the surface comes first');
      const whole = wholeGrid(target, spec.kind === 'custom' ? spec.expr : null, 120, grid.domain);
      expect(bits(grid.values)).toEqual(bits(whole.values));
      expect(bits(grid.floor)).toEqual(bits(whole.floor));
      p.racers.forEach((racer, r) => {
        const t = frames[r + 1];
        if (t.kind !== 'trajectory') throw new Error('one trajectory per racer');
        const o = OPTIMIZERS.find((x) => x.descriptor.id === racer.optimizer)!;
        const ref = trajectoryRun(target, o, racer.params, p.start, p.steps, {
          seed: p.seed + 7919 * r,
        });
        expect(t.count).toBe(ref.count);
        expect(bits(t.positions)).toEqual(bits(ref.positions));
        expect(bits(t.losses)).toEqual(bits(ref.losses));
        expect(bits(t.gradients)).toEqual(bits(ref.gradients));
        expect(bits(t.velocities)).toEqual(bits(ref.velocities));
        expect(bits(t.modelHessians)).toEqual(bits(ref.modelHessians));
      });
    }, 60_000);
  }

  it('fills the floor a cell at a time exactly as in one pass', () => {
    const s = surfaceById('rastrigin')!;
    const n = 64;
    const d = s.domain;
    const values = new Float64Array(n * n);
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++)
        values[j * n + i] = s.value(
          d.xMin + (i * (d.xMax - d.xMin)) / (n - 1),
          d.yMin + (j * (d.yMax - d.yMin)) / (n - 1),
        );
    const f = (x: number, y: number) => s.value(x, y);
    const out = Float64Array.from(values);
    let stops = 0;
    for (let k = 0; k < n * n;)
      k = surfaceFloorCells(values, n, d, f, out, k, n * n, () => ++stops > 0);
    expect(stops).toBeGreaterThan(100);
    expect(bits(out)).toEqual(bits(surfaceFloorValues(values, n, d, f)));
  });
});

describe('gradient flow in slices', () => {
  const config: GradientFlowConfig = {
    depth: 5,
    width: 48,
    batchSize: 40,
    lr: 0.05,
    activation: 'mish',
    init: 'he-normal',
    batchNorm: true,
    residual: true,
    clipNorm: 1,
    dataset: 'spiral',
    seed: 3,
    bins: 12,
  };
  /** Pauses every `piece` units of work: many pauses inside every layer. */
  const meter = (piece: number): MlpWorkMeter => ({ piece, done: 0 });

  it('builds the same network when creation pauses', () => {
    const sizes = [2, 48, 48, 48, 1];
    const netConfig = { sizes, activation: 'tanh', loss: 'mse', batchNorm: true, seed: 5 } as const;
    const whole = mlpCreate(netConfig, 40);
    const m = meter(700);
    let pauses = 0;
    const gen = mlpCreateSlices(netConfig, 40, m);
    let r = gen.next();
    for (; !r.done; r = gen.next()) pauses++;
    expect(pauses).toBeGreaterThan(5);
    expect(bits(r.value.params)).toEqual(bits(whole.params));
  });

  it('trains to the same numbers when every step pauses inside its layers', () => {
    const whole = new GradientFlowSim(config);
    const m = meter(3000);
    const sliced = mlpDrain(GradientFlowSim.createSlices(config, m));
    for (let step = 0; step < 12; step++) {
      const a = whole.step();
      let pauses = 0;
      const gen = sliced.stepSlices(m);
      let r = gen.next();
      for (; !r.done; r = gen.next()) pauses++;
      expect(pauses).toBeGreaterThan(10);
      const b = r.value;
      expect([b.step, b.loss, b.gradNorm, b.clipScale, b.histLo, b.histHi]).toEqual([
        a.step,
        a.loss,
        a.gradNorm,
        a.clipScale,
        a.histLo,
        a.histHi,
      ]);
      expect(bits(b.gradNorms)).toEqual(bits(a.gradNorms));
      expect(bits(b.histograms)).toEqual(bits(a.histograms));
    }
    expect(bits(sliced.net.params)).toEqual(bits(whole.net.params));
  });

  it('streams every step of a large net once, with the numbers of whole steps', () => {
    // 64 × 64 on a batch of 64: each step is several pieces of STEP_PIECE_WORK.
    const p = { ...config, depth: 4, width: 64, batchSize: 64, steps: 6, clipNorm: 0, bins: 12 };
    const frames: GradientFlowFrame[] = [];
    let slices = 0;
    const gen = gradientFlowSlices(p);
    for (let r = gen.next(); !r.done; r = gen.next()) {
      slices++;
      if (r.value.frame) frames.push(r.value.frame);
    }
    expect(slices).toBeGreaterThan(2 * p.steps);
    const direct = new GradientFlowSim({ ...p, clipNorm: null });
    const losses = frames.flatMap((f) => Array.from(f.losses));
    expect(losses).toHaveLength(6);
    for (const loss of losses) expect(loss).toBe(direct.step().loss);
  });
});
