/**
 * The simulation registry: a simulation is a name plus a params schema and a generator that does
 * its work in bounded slices. The same registry is served by an Electron utility process and by a
 * Web Worker; the renderer only ever refers to simulations by name.
 */
import { z } from 'zod';

/**
 * How a finished run ended, when it did not simply complete its planned work: a simulation that
 * stops early because its numbers blew up reports `diverged` with the step where that happened
 * (in the same units as progress `done`). Absent on a result means the run completed.
 */
export const runOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('completed') }),
  z.object({ kind: z.literal('diverged'), atStep: z.number().int().min(0) }),
]);
export type RunOutcome = z.infer<typeof runOutcomeSchema>;

/** One slice of work: how far the run is, and optionally a frame to stream to the renderer. */
export interface SimSlice<F> {
  /** Work done so far (simulation units, e.g. optimizer steps). */
  done: number;
  /** Total work expected. */
  total: number;
  /** Data to stream now; typed arrays inside are transferred where the host allows. */
  frame?: F;
}

/** A running simulation: each `next()` performs one bounded slice (a few milliseconds at most). */
export type SimRun<F, R> = Generator<SimSlice<F>, R, void>;

/**
 * How a simulation's frames reach the renderer. `stream`: a run the renderer shows as it goes
 * (training curves), so frames are paced — at most ~30 a second, with the worker idle between.
 * `result`: a run whose frames are parts of one answer the renderer waits for (whole
 * trajectories, whole paths), so each frame goes out the moment it exists and the run goes on
 * at once; pacing it would only delay the picture.
 */
export type SimDelivery = 'stream' | 'result';

/** A simulation: a unique name, a schema for its params, and the generator that runs it. */
export interface SimDefinition<N extends string = string, P = unknown, F = unknown, R = unknown> {
  readonly name: N;
  /** Validates untrusted params arriving over a port. */
  readonly params: z.ZodType<P>;
  /** Paced frames or one answer as fast as possible (see SimDelivery). */
  readonly delivery: SimDelivery;
  /** Starts a run with validated params. */
  start(params: P): SimRun<F, R>;
  /**
   * How a run that returned `result` ended, for a simulation that can stop early (e.g. at
   * divergence). Without it every returned run counts as completed.
   */
  outcome?(result: R): RunOutcome;
}

/** Declares a simulation with its name kept as a literal type (for the typed catalog). */
export function simDefine<const N extends string, P, F, R>(
  def: SimDefinition<N, P, F, R>,
): SimDefinition<N, P, F, R> {
  return def;
}

/** Params, frame and result types of a simulation definition. */
export type SimParamsOf<D> = D extends SimDefinition<string, infer P, unknown, unknown> ? P : never;
export type SimFrameOf<D> = D extends SimDefinition<string, unknown, infer F, unknown> ? F : never;
export type SimResultOf<D> = D extends SimDefinition<string, unknown, unknown, infer R> ? R : never;

/** Name → definition; refuses a second simulation under a name already taken. */
export class SimRegistry {
  private readonly byName = new Map<string, SimDefinition<string, unknown, unknown, unknown>>();

  register<N extends string, P, F, R>(def: SimDefinition<N, P, F, R>): this {
    if (this.byName.has(def.name)) {
      throw new Error(`simulation "${def.name}" is already registered`);
    }
    this.byName.set(def.name, def as unknown as SimDefinition<string, unknown, unknown, unknown>);
    return this;
  }

  get(name: string): SimDefinition<string, unknown, unknown, unknown> | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}
