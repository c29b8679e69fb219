/**
 * The compute side of the protocol: serves a `SimRegistry` on a `PortLike`. Runs advance in slices
 * between which the event loop turns, so pause/cancel arrive promptly. A streamed simulation's
 * frames are sent at most `maxFramesPerSecond` times a second per run, so the renderer is never
 * flooded; a result-shaped one's (SimDelivery) go out as soon as they exist, since the renderer
 * waits for all of them. Progress goes out at most `maxFramesPerSecond` times a second either way.
 * Host-neutral: the clock and scheduler are injected.
 */
import type { SimRegistry, SimRun } from '../sim/registry';
import {
  protocolParseRequest,
  type ComputeEvent,
  type ComputeRequest,
  type RunOutcome,
} from './messages';
import { portTransferList, type PortLike, type PortMessageEvent } from './port';

/** Time source and scheduler of the host (setTimeout and performance.now in practice). */
export interface ServerClock {
  now(): number;
  schedule(fn: () => void, delayMs: number): unknown;
}

export interface ServerOptions {
  clock: ServerClock;
  /** Upper bound on frame and progress events per run per second (default 30). */
  maxFramesPerSecond?: number;
  /** Longest stretch of synchronous work before yielding to the event loop (default 8 ms). */
  sliceBudgetMs?: number;
  /** Bookkeeping hooks for a supervisor (which runs a process holds). */
  onRunStarted?(runId: string): void;
  onRunEnded?(runId: string): void;
}

interface ActiveRun {
  gen: SimRun<unknown, unknown>;
  /** Frames paced to the frame rate (streamed runs) or sent at once (result-shaped runs). */
  paced: boolean;
  /** The simulation's own verdict on its result (see SimDefinition.outcome). */
  outcome?: (result: unknown) => RunOutcome;
  state: 'running' | 'paused';
  seq: number;
  done: number;
  total: number;
  lastProgressAt: number;
  scheduled: boolean;
}

/** Starts serving; returns a function that stops listening and drops all runs. */
export function computeServe(port: PortLike, registry: SimRegistry, options: ServerOptions) {
  const { clock } = options;
  const frameGapMs = 1000 / (options.maxFramesPerSecond ?? 30);
  const budgetMs = options.sliceBudgetMs ?? 8;
  const runs = new Map<string, ActiveRun>();

  const post = (event: ComputeEvent): void => {
    const transfer =
      event.type === 'frame' || event.type === 'result' ? portTransferList(event.data) : [];
    port.postMessage(event, transfer);
  };
  const fail = (
    runId: string,
    code: Extract<ComputeEvent, { type: 'error' }>['code'],
    message: string,
  ) => post({ type: 'error', runId, code, message });

  const finish = (runId: string): void => {
    runs.delete(runId);
    options.onRunEnded?.(runId);
  };

  const postProgress = (runId: string, run: ActiveRun, force: boolean): void => {
    const t = clock.now();
    if (!force && t - run.lastProgressAt < frameGapMs) return;
    run.lastProgressAt = t;
    post({ type: 'progress', runId, done: run.done, total: run.total, state: run.state });
  };

  /** Advances one slice. Returns 'frame' when a frame went out, 'end' when the run is over. */
  const advance = (runId: string, run: ActiveRun): 'slice' | 'frame' | 'end' => {
    let r: IteratorResult<{ done: number; total: number; frame?: unknown }, unknown>;
    try {
      r = run.gen.next();
    } catch (err) {
      finish(runId);
      fail(runId, 'sim-failed', err instanceof Error ? err.message : String(err));
      return 'end';
    }
    if (r.done) {
      const outcome = run.outcome?.(r.value);
      // A run that stopped early (diverged) did not do the rest of its planned work.
      if (outcome?.kind !== 'diverged') run.done = run.total;
      finish(runId);
      postProgress(runId, run, true);
      post(
        outcome
          ? { type: 'result', runId, data: r.value, outcome }
          : { type: 'result', runId, data: r.value },
      );
      return 'end';
    }
    run.done = r.value.done;
    run.total = r.value.total;
    if (r.value.frame === undefined) return 'slice';
    post({ type: 'frame', runId, seq: run.seq++, data: r.value.frame });
    return 'frame';
  };

  const pump = (runId: string): void => {
    const run = runs.get(runId);
    if (!run) return;
    run.scheduled = false;
    if (run.state !== 'running') return;
    const t0 = clock.now();
    let delay = 0;
    for (;;) {
      const outcome = advance(runId, run);
      if (outcome === 'end') return;
      if (outcome === 'frame' && run.paced) {
        delay = frameGapMs;
        break;
      }
      if (clock.now() - t0 >= budgetMs) break;
    }
    postProgress(runId, run, false);
    run.scheduled = true;
    clock.schedule(() => pump(runId), delay);
  };

  const handle = (req: ComputeRequest): void => {
    if (req.type === 'run') {
      if (runs.has(req.runId))
        return fail(req.runId, 'duplicate-run', `run ${req.runId} already exists`);
      const def = registry.get(req.sim);
      if (!def) {
        return fail(
          req.runId,
          'unknown-sim',
          `unknown simulation "${req.sim}" (known: ${registry.names().join(', ')})`,
        );
      }
      const params = def.params.safeParse(req.params);
      if (!params.success) {
        const first = params.error.issues[0];
        return fail(
          req.runId,
          'invalid-params',
          `invalid parameters for ${req.sim}: ${first.path.join('.') || 'params'}: ${first.message}`,
        );
      }
      let gen: SimRun<unknown, unknown>;
      try {
        gen = def.start(params.data);
      } catch (err) {
        return fail(req.runId, 'sim-failed', err instanceof Error ? err.message : String(err));
      }
      const run: ActiveRun = {
        gen,
        paced: def.delivery !== 'result',
        outcome: def.outcome?.bind(def),
        state: req.paused ? 'paused' : 'running',
        seq: 0,
        done: 0,
        total: 0,
        lastProgressAt: -Infinity,
        scheduled: false,
      };
      runs.set(req.runId, run);
      options.onRunStarted?.(req.runId);
      if (run.state === 'running') {
        run.scheduled = true;
        clock.schedule(() => pump(req.runId), 0);
      } else {
        postProgress(req.runId, run, true);
      }
      return;
    }
    const run = runs.get(req.runId);
    if (!run) {
      // A cancel racing a run that just ended is normal, not an error.
      if (req.type !== 'cancel')
        fail(req.runId, 'unknown-run', `no active run ${req.runId} to ${req.type}`);
      return;
    }
    switch (req.type) {
      case 'cancel':
        run.gen.return(undefined);
        finish(req.runId);
        return;
      case 'pause':
        run.state = 'paused';
        postProgress(req.runId, run, true);
        return;
      case 'resume':
        run.state = 'running';
        postProgress(req.runId, run, true);
        if (!run.scheduled) {
          run.scheduled = true;
          clock.schedule(() => pump(req.runId), 0);
        }
        return;
      case 'step': {
        if (run.state !== 'paused') return;
        for (let i = 0; i < (req.slices ?? 1); i++) {
          let outcome = advance(req.runId, run);
          while (outcome === 'slice') outcome = advance(req.runId, run);
          if (outcome === 'end') return;
        }
        postProgress(req.runId, run, true);
        return;
      }
    }
  };

  const listener = (event: PortMessageEvent): void => {
    const parsed = protocolParseRequest(event.data);
    if (!parsed.ok) {
      const raw = event.data as { runId?: unknown } | null;
      const runId =
        raw && typeof raw === 'object' && typeof raw.runId === 'string'
          ? raw.runId.slice(0, 64)
          : '';
      fail(runId, 'invalid-message', parsed.message);
      return;
    }
    handle(parsed.value);
  };
  port.addEventListener('message', listener);
  return () => {
    port.removeEventListener('message', listener);
    for (const [id, run] of runs) {
      run.gen.return(undefined);
      finish(id);
    }
  };
}
