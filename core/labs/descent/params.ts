/**
 * The whole state of the Descent lab that a scene file or link carries: the surface, the start
 * point, the racers and the view options. Bounded the way compute accepts them: a known optimizer
 * with its own parameters in range, a known surface with its parameters in range, an ordered box.
 */
import { z } from 'zod';
import { OPTIMIZERS, optimizerById } from '../../ml/optimizers';
import { SURFACES } from '../../ml/surfaces';
import type { ParamSpec } from '../../ml/surfaces-types';
import type { DescentSurfaceSpec } from '../../sim/descent-race';
import { labSeedSchema } from '../define';

export const MAX_RACERS = 8;

const finite = z.number().finite();
/** A start point or box edge: far beyond any surface's box, but never near overflow. */
const coordinate = finite.min(-1e6).max(1e6);

/** A params record checked against its specs: known keys, values in [min, max], integers where required. */
function specRecordProblem(
  specs: readonly ParamSpec[],
  values: Record<string, number>,
): string | null {
  for (const [key, v] of Object.entries(values)) {
    const spec = specs.find((s) => s.id === key);
    if (!spec)
      return `unknown parameter "${key}" (known: ${specs.map((s) => s.id).join(', ') || 'none'})`;
    if (v < spec.min || v > spec.max)
      return `${key} must be in [${spec.min}, ${spec.max}], got ${v}`;
    if (spec.integer && !Number.isInteger(v)) return `${key} must be a whole number, got ${v}`;
  }
  return null;
}

const paramRecord = z.record(z.string().max(32), finite);

const optimizerIds = OPTIMIZERS.map((o) => o.descriptor.id) as [string, ...string[]];

export const racerSchema = z
  .object({ optimizer: z.enum(optimizerIds), params: paramRecord })
  .superRefine((r, ctx) => {
    const specs = optimizerById(r.optimizer)?.descriptor.params ?? [];
    const problem = specRecordProblem(specs, r.params);
    if (problem) ctx.addIssue({ code: 'custom', path: ['params'], message: problem });
  });
export type RacerConfig = z.infer<typeof racerSchema>;

const surfaceIds = SURFACES.map((s) => s.id) as [string, ...string[]];

const domainSchema = z
  .object({ xMin: coordinate, xMax: coordinate, yMin: coordinate, yMax: coordinate })
  .refine((d) => d.xMax - d.xMin > 1e-6 && d.yMax - d.yMin > 1e-6, {
    message: 'the box must have xMin < xMax and yMin < yMax',
  });

/** Where the surface comes from: a library surface with its parameters, or a typed expression on a box. */
export const descentSurfaceSchema: z.ZodType<DescentSurfaceSpec> = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('builtin'), id: z.enum(surfaceIds), params: paramRecord.optional() })
    .superRefine((s, ctx) => {
      const specs = SURFACES.find((x) => x.id === s.id)?.params ?? [];
      const problem = specRecordProblem(specs, s.params ?? {});
      if (problem) ctx.addIssue({ code: 'custom', path: ['params'], message: problem });
    }),
  z.object({ kind: z.literal('custom'), expr: z.string().min(1).max(1000), domain: domainSchema }),
]);

export const descentParamsSchema = z.object({
  surface: descentSurfaceSchema,
  start: z.tuple([coordinate, coordinate]),
  steps: z.number().int().min(10).max(10_000),
  seed: labSeedSchema,
  racers: z.array(racerSchema).min(1).max(MAX_RACERS),
  heightScale: z.enum(['linear', 'log']),
  /** Playback speed, steps per second. */
  speed: z.number().min(1).max(2000),
  /** Mesh points per side: 0 = adapt to the machine. */
  mesh: z.union([z.literal(0), z.literal(48), z.literal(96), z.literal(160), z.literal(256)]),
});
export type DescentParams = z.infer<typeof descentParamsSchema>;
