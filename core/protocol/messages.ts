/**
 * The compute protocol: requests the renderer sends to a compute host (utility process or Web
 * Worker) and events the host sends back. Every message carries the `runId` it belongs to.
 * Shapes are checked with zod where a message enters a process (see `protocolParseRequest`,
 * `protocolParseEvent`); simulation params are checked again by the simulation's own schema.
 */
import { z } from 'zod';
import { runOutcomeSchema } from '../sim/registry';

const runId = z.string().min(1).max(64);

/** Renderer → compute. */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    /** Start simulation `sim` with `params`; results stream back under `runId`. */
    type: z.literal('run'),
    runId,
    sim: z.string().min(1).max(64),
    params: z.unknown(),
    /** Start paused: nothing runs until `resume` or `step`. */
    paused: z.boolean().optional(),
  }),
  z.object({ type: z.literal('pause'), runId }),
  z.object({ type: z.literal('resume'), runId }),
  /** Advance a paused run by `slices` slices (default 1); each slice emits at most one frame. */
  z.object({
    type: z.literal('step'),
    runId,
    slices: z.number().int().min(1).max(10_000).optional(),
  }),
  z.object({ type: z.literal('cancel'), runId }),
]);

/** Why a run failed. `process-lost` is raised by the supervisor when a compute process died or hung. */
export const errorCodes = [
  'invalid-message',
  'unknown-sim',
  'invalid-params',
  'duplicate-run',
  'unknown-run',
  'sim-failed',
  'process-lost',
] as const;
export type ComputeErrorCode = (typeof errorCodes)[number];

// How a run ended is part of the simulation contract (core/sim/registry.ts); the protocol carries it.
export { runOutcomeSchema, type RunOutcome } from '../sim/registry';

/** Compute → renderer. */
export const eventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    runId,
    /** Work done so far, in the simulation's own units (steps). */
    done: z.number(),
    /** Total work expected, same units. */
    total: z.number(),
    /** Run state after this progress point. */
    state: z.enum(['running', 'paused']),
  }),
  z.object({
    type: z.literal('frame'),
    runId,
    /** Frame index, 0-based, per run. */
    seq: z.number().int().min(0),
    /** Simulation-specific payload, typed by the registry (`SimFrame<S>`). */
    data: z.unknown(),
  }),
  z.object({
    type: z.literal('result'),
    runId,
    data: z.unknown(),
    /** Set by simulations that can end early (see `SimDefinition.outcome`). */
    outcome: runOutcomeSchema.optional(),
  }),
  z.object({
    type: z.literal('error'),
    /** The run that failed; empty string for a message that could not be tied to a run. */
    runId: z.string().max(64),
    code: z.enum(errorCodes),
    /** Plain-language explanation, shown to the user. */
    message: z.string(),
  }),
]);

export type ComputeRequest = z.infer<typeof requestSchema>;
export type ComputeEvent = z.infer<typeof eventSchema>;

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'message'}: ${i.message}`)
    .join('; ');
}

/** Validates an incoming request; a bad one yields a message naming what is wrong. */
export function protocolParseRequest(raw: unknown): ParseOutcome<ComputeRequest> {
  const parsed = requestSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `malformed request (${describeIssues(parsed.error)})` };
}

/** Validates an incoming event. */
export function protocolParseEvent(raw: unknown): ParseOutcome<ComputeEvent> {
  const parsed = eventSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: `malformed event (${describeIssues(parsed.error)})` };
}

/** Supervisor ↔ compute process control channel (heartbeat and run bookkeeping). */
export const controlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping'), seq: z.number().int() }),
  z.object({ type: z.literal('pong'), seq: z.number().int() }),
  z.object({ type: z.literal('run-started'), runId }),
  z.object({ type: z.literal('run-ended'), runId }),
]);
export type ControlMessage = z.infer<typeof controlSchema>;
