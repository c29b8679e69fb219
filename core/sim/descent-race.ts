/**
 * Simulation "descent-race": up to 8 optimizers race on one surface (built-in, custom f(x, y) or
 * data-derived) from one start point. The first frame is the surface sampled on an n×n grid; then
 * one frame per optimizer with its whole recorded trajectory (positions, losses, exact gradients,
 * velocity and quadratic-model Hessian where the method has them). Playback happens in the
 * renderer, so every optimizer can be scrubbed together.
 */
import { z } from 'zod';
import { exprCompileSource, exprEvalGrid } from '../math/expr-compile';
import { OPTIMIZERS, optimizerById, trajectoryRun } from '../ml/optimizers';
import { surfaceCustomCreate } from '../ml/surface-custom';
import { surfaceById } from '../ml/surfaces';
import { surfaceFloorValues } from '../ml/surfaces-floor';
import type { Surface, SurfaceDomain } from '../ml/surfaces-types';
import { simDefine, type SimRun } from './registry';

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
  if (spec.kind === 'builtin') {
    const s = surfaceById(spec.id, spec.params);
    if (!s) throw new Error(`unknown surface "${spec.id}"`);
    return s;
  }
  const made = surfaceCustomCreate(spec.expr, spec.domain);
  if (!made.ok) throw new Error(made.message);
  return made.surface;
}

function sampleGrid(
  spec: DescentSurfaceSpec,
  surface: Surface,
  n: number,
  d: SurfaceDomain,
): Float64Array {
  const values = new Float64Array(n * n);
  const dx = (d.xMax - d.xMin) / (n - 1);
  const dy = (d.yMax - d.yMin) / (n - 1);
  if (spec.kind === 'custom') {
    const compiled = exprCompileSource(spec.expr);
    if (compiled.ok) {
      const xs = new Float64Array(n * n);
      const ys = new Float64Array(n * n);
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) {
          xs[j * n + i] = d.xMin + i * dx;
          ys[j * n + i] = d.yMin + j * dy;
        }
      exprEvalGrid(compiled.compiled, xs, ys, { f: values });
      return values;
    }
  }
  for (let j = 0; j < n; j++) {
    const y = d.yMin + j * dy;
    for (let i = 0; i < n; i++) values[j * n + i] = surface.value(d.xMin + i * dx, y);
  }
  return values;
}

export const descentRaceSim = simDefine({
  name: 'descent-race',
  params: descentRaceParams,
  *start(p: DescentRaceParams): SimRun<DescentRaceFrame, DescentRaceResult> {
    const surface = descentSurfaceResolve(p.surface);
    const domain = p.view ?? surface.domain;
    const total = p.racers.length;
    const values = sampleGrid(p.surface, surface, p.grid, domain);
    yield {
      done: 0,
      total,
      frame: {
        kind: 'surface',
        n: p.grid,
        domain: { ...domain },
        values,
        floor: surfaceFloorValues(values, p.grid, domain, (x, y) => surface.value(x, y)),
      },
    };
    const summary: DescentRaceResult['racers'] = [];
    for (let r = 0; r < p.racers.length; r++) {
      const racer = p.racers[r];
      const spec = optimizerById(racer.optimizer)!;
      const t = trajectoryRun(surface, spec, racer.params, p.start, p.steps, {
        seed: p.seed + 7919 * r,
      });
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
