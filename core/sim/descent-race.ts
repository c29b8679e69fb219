/**
 * Simulation "descent-race": up to 8 optimizers race on one surface (built-in, custom f(x, y) or
 * data-derived) from one start point. The first frame is the surface sampled on an n×n grid; then
 * one frame per optimizer with its whole recorded trajectory (positions, losses, exact gradients,
 * velocity and quadratic-model Hessian where the method has them). Playback happens in the
 * renderer, so every optimizer can be scrubbed together.
 */
import { z } from 'zod';
import { exprEvalGrid, type ExprCompiled } from '../math/expr-compile';
import { EXPR_GRID_CHUNK } from '../math/expr-run-grid';
import { OPTIMIZERS, optimizerById, trajectoryStart } from '../ml/optimizers';
import { surfaceCustomCreateSlices } from '../ml/surface-custom';
import { surfaceById } from '../ml/surfaces';
import { surfaceFloorCells } from '../ml/surfaces-floor';
import type { Surface, SurfaceDomain } from '../ml/surfaces-types';
import { simDefine, type SimRun } from './registry';
import { simPieces, sliceTimerCreate, type SliceTimer } from './slices';

/** Optimizer steps per piece of work between looks at the clock. */
const TRAJECTORY_PIECE = 8;

const finite = z.number().finite();
const domainSchema = z.object({ xMin: finite, xMax: finite, yMin: finite, yMax: finite });
const numberRecord = z.record(z.string().max(32), finite);

/** Where the surface comes from. */
export const descentSurfaceSpec = z.discriminatedUnion('kind', [
  /** A library surface (including the data-derived ones) with optional parameter values. */
  z.object({
    kind: z.literal('builtin'),
    id: z.string().min(1).max(64),
    params: numberRecord.optional(),
  }),
  /** A user expression in x and y on a box. */
  z.object({ kind: z.literal('custom'), expr: z.string().min(1).max(1000), domain: domainSchema }),
]);
export type DescentSurfaceSpec = z.infer<typeof descentSurfaceSpec>;

export const descentRaceParams = z.object({
  surface: descentSurfaceSpec,
  /** Grid points per side for the sampled surface. */
  grid: z.number().int().min(8).max(512),
  /** Optional view box overriding the surface's default domain. */
  view: domainSchema.optional(),
  start: z.tuple([finite, finite]),
  steps: z.number().int().min(1).max(10_000),
  /** Seed of every stochastic gradient (each racer offsets it by its index). */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  racers: z
    .array(
      z.object({
        optimizer: z.string().refine((id) => !!optimizerById(id), {
          message: `unknown optimizer (known: ${OPTIMIZERS.map((o) => o.descriptor.id).join(', ')})`,
        }),
        params: numberRecord,
      }),
    )
    .min(1)
    .max(8),
});
export type DescentRaceParams = z.infer<typeof descentRaceParams>;

export type DescentRaceFrame =
  | {
      kind: 'surface';
      n: number;
      domain: SurfaceDomain;
      /** f at grid point (i, j) is values[j·n + i]. */
      values: Float64Array;
      /** The same samples with valley floors filled in, for the 3D mesh (surfaceFloorValues). */
      floor: Float64Array;
    }
  | {
      kind: 'trajectory';
      racer: number;
      count: number;
      /** (x, y) per iterate, count × 2. */
      positions: Float64Array;
      losses: Float64Array;
      /** Exact ∇f per iterate, count × 2. */
      gradients: Float64Array;
      /** Velocity / first moment per iterate, count × 2, or null. */
      velocities: Float64Array | null;
      /** Quadratic model matrix per iterate (row-major 2×2), count × 4, or null. */
      modelHessians: Float64Array | null;
      divergedAtStep: number | null;
    };

export interface DescentRaceResult {
  racers: { count: number; divergedAtStep: number | null; finalLoss: number }[];
}

/** Resolves a surface spec to a Surface, or throws an Error whose message is for the user. */
export function descentSurfaceResolve(spec: DescentSurfaceSpec): Surface {
  const gen = descentSurfaceBuild(spec);
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value.surface;
  }
}

/**
 * The surface of a spec and, for a custom expression, its compiled program (for whole grids),
 * yielding between the pieces of compiling a custom expression.
 */
function* descentSurfaceBuild(
  spec: DescentSurfaceSpec,
): Generator<void, { surface: Surface; compiled: ExprCompiled | null }, void> {
  if (spec.kind === 'builtin') {
    const s = surfaceById(spec.id, spec.params);
    if (!s) throw new Error(`unknown surface "${spec.id}"`);
    return { surface: s, compiled: null };
  }
  const made = yield* surfaceCustomCreateSlices(spec.expr, spec.domain);
  if (!made.ok) throw new Error(made.message);
  return { surface: made.surface, compiled: made.compiled };
}

/** Grid samples per piece of work: a custom f runs one register strip at a time. */
const SAMPLE_PIECE = { builtin: 32, custom: EXPR_GRID_CHUNK };

/**
 * Samples f on the n × n grid over `d` into `values` (f at (i, j) in values[j·n + i]), a piece at
 * a time: yields whenever `timer` says the slice is used up. A custom f runs its compiled program
 * over whole strips of points, a built-in one point by point.
 */
function* sampleGrid(
  surface: Surface,
  compiled: ExprCompiled | null,
  n: number,
  d: SurfaceDomain,
  values: Float64Array,
  timer: SliceTimer,
): Generator<void, void, void> {
  const dx = (d.xMax - d.xMin) / (n - 1);
  const dy = (d.yMax - d.yMin) / (n - 1);
  const piece = compiled ? SAMPLE_PIECE.custom : SAMPLE_PIECE.builtin;
  const xs = new Float64Array(piece);
  const ys = new Float64Array(piece);
  let k = 0;
  yield* simPieces(() => {
    const end = Math.min(n * n, k + piece);
    if (compiled) {
      for (let m = k; m < end; m++) {
        const j = Math.floor(m / n);
        xs[m - k] = d.xMin + (m - j * n) * dx;
        ys[m - k] = d.yMin + j * dy;
      }
      exprEvalGrid(compiled, xs.subarray(0, end - k), ys.subarray(0, end - k), {
        f: values.subarray(k, end),
      });
    } else {
      for (let m = k; m < end; m++) {
        const j = Math.floor(m / n);
        values[m] = surface.value(d.xMin + (m - j * n) * dx, d.yMin + j * dy);
      }
    }
    k = end;
    return k >= n * n;
  }, timer);
}

export const descentRaceSim = simDefine({
  name: 'descent-race',
  // Whole trajectories / whole paths: the renderer draws when they are all there.
  delivery: 'result',
  params: descentRaceParams,
  *start(p: DescentRaceParams): SimRun<DescentRaceFrame, DescentRaceResult> {
    const total = p.racers.length;
    const progress = { done: 0, total };
    const building = descentSurfaceBuild(p.surface);
    let built = building.next();
    for (; !built.done; built = building.next()) yield progress;
    const { surface, compiled } = built.value;
    const domain = p.view ?? surface.domain;
    const n = p.grid;
    const timer = sliceTimerCreate();
    const values = new Float64Array(n * n);
    for (const _ of sampleGrid(surface, compiled, n, domain, values, timer)) yield progress;
    const floor = Float64Array.from(values);
    const f = (x: number, y: number) => surface.value(x, y);
    let k = 0;
    for (const _ of simPieces(() => {
      k = surfaceFloorCells(values, n, domain, f, floor, k, n * n, timer.due);
      return k >= n * n;
    }, timer))
      yield progress;
    yield { done: 0, total, frame: { kind: 'surface', n, domain: { ...domain }, values, floor } };

    const summary: DescentRaceResult['racers'] = [];
    for (let r = 0; r < p.racers.length; r++) {
      const racer = p.racers[r];
      const spec = optimizerById(racer.optimizer)!;
      const run = trajectoryStart(surface, spec, racer.params, p.start, p.steps, {
        seed: p.seed + 7919 * r,
      });
      for (const _ of simPieces(() => run.advance(TRAJECTORY_PIECE), timer))
        yield { done: r + run.stepsTaken / p.steps, total };
      const t = run.result();
      summary.push({
        count: t.count,
        divergedAtStep: t.divergedAtStep,
        finalLoss: t.losses[t.count - 1] ?? NaN,
      });
      yield {
        done: r + 1,
        total,
        frame: {
          kind: 'trajectory',
          racer: r,
          count: t.count,
          positions: t.positions,
          losses: t.losses,
          gradients: t.gradients,
          velocities: t.velocities,
          modelHessians: t.modelHessians,
          divergedAtStep: t.divergedAtStep,
        },
      };
    }
    return { racers: summary };
  },
});
