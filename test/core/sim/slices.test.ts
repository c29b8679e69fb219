// Every simulation keeps the server's slice promise at the heaviest parameters its schema allows:
// no single next() may compute for long, or pause/cancel wait and the supervisor's 5 s heartbeat
// can kill a healthy run. The test walks the catalog, so a new simulation without an entry in
// HEAVIEST fails here until someone says what its heaviest run is.
import { describe, expect, it } from 'vitest';
import { simCatalog } from '../../../core/labs/registry';
import { OPTIMIZERS } from '../../../core/ml/optimizers';
import { SIM_SLICE_MS } from '../../../core/sim/slices';

/**
 * Longest next() allowed (ms). A slice aims at SIM_SLICE_MS (4 ms) of work; the bound leaves room
 * for a garbage collection or a piece that overshoots on this slow, shared 2-core machine.
 */
const BOUND_MS = 40;
/** Each heavy run is measured for at most this long (the whole run may take minutes). */
const RUN_MS = 2500;

/** Grows an expression while it stays within the schema's 1000 characters. */
const grow = (first: string, next: (s: string, i: number) => string) => {
  let s = first;
  for (let i = 0; ; i++) {
    const t = next(s, i);
    if (t.length > 1000) return s;
    s = t;
  }
};
/** sin(sin(x·y + 1)·y + 2)…: 333 instructions for f alone, the most found (the grid's cost). */
const NESTED = grow('x', (s, i) => `sin(${s}*y+${(i % 9) + 1})`);
/**
 * exp(sin(exp(sin(…)·x·y))·x·y): 1,066 gradient and 3,333 Hessian instructions (compile and step
 * cost), and finite on the box, so the racers run (a power tower has a larger Hessian but
 * overflows at once).
 */
const EXP_NEST = grow('x*y', (s) => `exp(sin(${s})*x*y)`);

/** Slowest first, so the capped measurement covers the dearest trajectories. */
const RACERS = [
  { optimizer: 'lbfgs', params: { memory: 50, lr: 1, backtrack: 0.9, c1: 0.5 } },
  { optimizer: 'newton', params: {} },
  ...OPTIMIZERS.map((o) => o.descriptor.id)
    .filter((id) => id !== 'lbfgs' && id !== 'newton')
    .slice(0, 6)
    .map((optimizer) => ({ optimizer, params: {} })),
];
const box = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
const race = (surface: unknown) => ({
  surface,
  grid: 512,
  start: [1.3, -0.7],
  steps: 10_000,
  seed: 1,
  racers: RACERS,
});

/** Per simulation name, its heaviest runs (biggest grids, most steps, slowest surfaces). */
const HEAVIEST: Record<string, { label: string; params: unknown }[]> = {
  'descent-race': [
    {
      label: 'custom f, large Hessian',
      params: race({ kind: 'custom', expr: EXP_NEST, domain: box }),
    },
    { label: 'custom f, largest f', params: race({ kind: 'custom', expr: NESTED, domain: box }) },
    {
      label: 'logistic data, N = 512',
      params: race({ kind: 'builtin', id: 'logistic-regression', params: { samples: 512 } }),
    },
  ],
  'surface-descent': [
    {
      label: 'logistic data',
      params: {
        surface: 'logistic-regression',
        grid: 512,
        start: [1, 1],
        learningRate: 1e-3,
        steps: 10_000,
        stepsPerFrame: 10_000,
      },
    },
  ],
  'gradient-flow': [
    {
      label: '50 × 128, batch 256, mish, BN, residual, clipping',
      params: {
        depth: 50,
        width: 128,
        batchSize: 256,
        steps: 5000,
        lr: 0.01,
        activation: 'mish',
        init: 'he-normal',
        batchNorm: true,
        residual: true,
        clipNorm: 1,
        dataset: 'spiral',
        seed: 1,
        bins: 64,
      },
    },
  ],
  'losses-influence': [
    {
      label: '39 points, cubic, 401 outlier positions',
      params: {
        inliers: Array.from({ length: 39 }, (_, i) => [
          -10 + (20 * i) / 38,
          40 * Math.sin(i * 1.7),
        ]),
        outlierX: 9.5,
        degree: 3,
        delta: 0.5,
        tau: 0.9,
        yMin: -200,
        yMax: 200,
        count: 401,
      },
    },
  ],
  'losses-train': [
    {
      label: '40 points, 5000 steps of three losses',
      params: {
        points: Array.from({ length: 40 }, (_, i) => [
          4 * Math.cos(i * 2.3),
          4 * Math.sin(i * 1.1),
          i % 2 ? 1 : -1,
        ]),
        lr: 5,
        steps: 5000,
        l2: 0.01,
        gamma: 5,
        alpha: 0.25,
      },
    },
  ],
  'networks-train': [
    {
      label:
        '1000 own points in 5 classes, 7 features, 6 × 16 mish + BN + dropout 0.5, batch 100, Adam',
      params: {
        dataset: 'custom',
        count: 1000,
        noise: 0.5,
        trainRatio: 0.9,
        custom: {
          task: 'classification',
          points: Array.from({ length: 1000 }, (_, i) => ({
            x: 5.9 * Math.sin(i * 1.3),
            y: 5.9 * Math.cos(i * 0.7),
            v: i % 5,
          })),
        },
        features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sin1', 'sin2'],
        layers: Array.from({ length: 6 }, () => ({
          units: 16,
          activation: 'mish',
          batchNorm: true,
          dropout: 0.5,
        })),
        output: 'softmax',
        init: 'he',
        l1: 0.001,
        l2: 0.001,
        optimizer: 'adam',
        lr: 0.01,
        batch: 100,
        epochs: 10_000,
        seed: 1,
        weights: [],
        addValue: 0,
      },
    },
  ],
  'regularization-path': [
    {
      label: 'p = 16, 12,000 rows, 400 λ',
      params: {
        features: 16,
        nTrain: 2000,
        nTest: 10_000,
        correlation: 0.95,
        noise: 20,
        seed: 1,
        alpha: 0.5,
        lambdaMin: 1e-6,
        lambdaMax: 1e3,
        count: 400,
      },
    },
  ],
  'inside-landscape': [
    {
      label: '2-16-16-16-1 ReLU, 500 points, 300 epochs, 61 × 61 grid',
      params: {
        dataset: 'spiral',
        count: 500,
        hidden: [16, 16, 16],
        activation: 'relu',
        epochs: 300,
        res: 61,
        span: 3,
        seed: 1,
      },
    },
  ],
  verify: [{ label: 'every check of the verification page', params: {} }],
  'statistics-bias-variance': [
    {
      label: '1000 sets of 200 random points, degrees 0–15, 200 test points, with bands',
      params: {
        fn: 'step',
        sigma: 2,
        n: 200,
        datasets: 1000,
        maxDegree: 15,
        design: 'random',
        seed: 1,
        testPoints: 200,
        samples: 50,
        bands: true,
      },
    },
  ],
};

interface Measured {
  /** Longest slice: min(wall, CPU) per slice, so a slice the OS preempted counts its work only. */
  longest: number;
  /** 1-based index of the longest slice. */
  longestAt: number;
  longestWall: number;
  median: number;
  slices: number;
  finished: boolean;
}

function measure(sim: (typeof simCatalog)[number], raw: unknown, capMs: number): Measured {
  const params = sim.params.parse(raw);
  const t0 = performance.now();
  const run = (sim as { start(p: unknown): Generator<unknown, unknown, void> }).start(params);
  const times: number[] = [];
  let longestWall = 0;
  let finished = false;
  while (performance.now() - t0 < capMs) {
    const wall0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = run.next();
    const cpu = process.cpuUsage(cpu0);
    const wall = performance.now() - wall0;
    longestWall = Math.max(longestWall, wall);
    times.push(Math.min(wall, (cpu.user + cpu.system) / 1000));
    if (r.done) {
      finished = true;
      break;
    }
  }
  run.return(undefined);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    longest: sorted.at(-1) ?? 0,
    longestAt: times.indexOf(sorted.at(-1) ?? 0) + 1,
    longestWall,
    median: sorted[sorted.length >> 1] ?? 0,
    slices: times.length,
    finished,
  };
}

describe('every simulation yields in short slices at its heaviest parameters', () => {
  it('has a heaviest-parameters entry for every simulation in the catalog', () => {
    const missing = simCatalog.map((s) => s.name).filter((name) => !HEAVIEST[name]?.length);
    expect(missing, 'add their heaviest params to HEAVIEST in this file').toEqual([]);
  });

  for (const sim of simCatalog) {
    for (const { label, params } of HEAVIEST[sim.name] ?? []) {
      it(`${sim.name} (${label}): longest next() < ${BOUND_MS} ms`, () => {
        // A first, short run compiles the code paths (a fresh worker does this once).
        measure(sim, params, 400);
        let m = measure(sim, params, RUN_MS);
        // A slow slice that does not repeat was the machine, not the simulation.
        if (m.longest >= BOUND_MS) m = measure(sim, params, RUN_MS);
        console.log(
          `slices: ${sim.name} (${label}): longest ${m.longest.toFixed(1)} ms (slice ${m.longestAt})` +
            ` (wall ${m.longestWall.toFixed(1)} ms), median ${m.median.toFixed(2)} ms,` +
            ` ${m.slices} slices${m.finished ? ', finished' : ''}`,
        );
        expect(m.slices).toBeGreaterThan(10);
        expect(m.median).toBeLessThan(4 * SIM_SLICE_MS);
        expect(m.longest).toBeLessThan(BOUND_MS);
      }, 30_000);
    }
  }
});
