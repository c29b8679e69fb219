/**
 * The one seam between the renderer and compute. The client speaks the protocol over one or more
 * `PortLike` lanes (a brokered MessagePort per Electron utility process, or one Web Worker each);
 * nothing else in the renderer knows which host it has. Events are validated on arrival.
 */
import {
  protocolParseEvent,
  type ComputeErrorCode,
  type ComputeRequest,
  type RunOutcome,
} from '../../core/protocol/messages';
import type { PortLike, PortMessageEvent } from '../../core/protocol/port';
import type { SimCatalog, SimName } from '../../core/labs/registry';
import type { SimFrameOf, SimParamsOf, SimResultOf } from '../../core/sim/registry';

export type HostKind = 'electron-utility' | 'web-worker' | 'node-child';

export interface ComputeFailure {
  code: ComputeErrorCode;
  message: string;
}

export interface RunProgress {
  done: number;
  total: number;
  state: 'running' | 'paused';
}

export interface RunHandlers<N extends SimName> {
  onFrame?(frame: SimFrameOf<SimCatalog[N]>, seq: number): void;
  onProgress?(progress: RunProgress): void;
  onResult?(result: SimResultOf<SimCatalog[N]>): void;
  onError?(failure: ComputeFailure): void;
}

export interface RunHandle {
  readonly runId: string;
  pause(): void;
  resume(): void;
  step(slices?: number): void;
  cancel(): void;
}

/** What the status bar shows. */
export interface ComputeStatus {
  host: HostKind;
  lanes: number;
  activeRuns: number;
  lastRun?: {
    /** Which run this is, so a view can tell its own runs from earlier ones. */
    runId: string;
    sim: string;
    /** 'done': the run returned having done its work; 'diverged': it stopped early (outcome). */
    state: 'running' | 'paused' | 'done' | 'diverged' | 'failed' | 'cancelled';
    done: number;
    total: number;
    /** How the run ended, as its simulation reported it (set with the result). */
    outcome?: RunOutcome;
  };
  lastError?: string;
}

interface Tracked {
  lane: number;
  sim: string;
  handlers: RunHandlers<SimName>;
}

let runCounter = 0;

export class ComputeClient {
  private readonly lanes: (PortLike | null)[] = [];
  private readonly listeners: ((event: PortMessageEvent) => void)[] = [];
  private readonly runs = new Map<string, Tracked>();
  /** Requests for a lane whose port has not arrived yet (Electron brokers ports after load). */
  private readonly pending = new Map<number, ComputeRequest[]>();
  private readonly statusListeners = new Set<(s: ComputeStatus) => void>();
  private status: ComputeStatus;

  constructor(
    readonly host: HostKind,
    lanes: PortLike[],
  ) {
    this.status = { host, lanes: lanes.length, activeRuns: 0 };
    lanes.forEach((port, i) => this.attach(i, port));
  }

  /** Puts a (new) port on lane `index`, e.g. after the supervisor restarted that process. */
  attach(index: number, port: PortLike): void {
    const old = this.lanes[index];
    if (old && this.listeners[index]) old.removeEventListener('message', this.listeners[index]);
    const listener = (event: PortMessageEvent) => this.receive(event.data);
    this.lanes[index] = port;
    this.listeners[index] = listener;
    port.addEventListener('message', listener);
    for (const req of this.pending.get(index) ?? []) port.postMessage(req);
    this.pending.delete(index);
    this.setStatus({ lanes: this.lanes.filter(Boolean).length });
  }

  /**
   * Takes lane `index` out of service (its process or worker is gone): requests for it wait until
   * `attach` gives it a new port.
   */
  detach(index: number): void {
    const old = this.lanes[index];
    if (old && this.listeners[index]) old.removeEventListener('message', this.listeners[index]);
    this.lanes[index] = null;
    this.setStatus({ lanes: this.lanes.filter(Boolean).length });
  }

  /** Starts a simulation on the least busy lane. */
  run<N extends SimName>(
    sim: N,
    params: SimParamsOf<SimCatalog[N]>,
    handlers: RunHandlers<N>,
    opts: { paused?: boolean } = {},
  ): RunHandle {
    const runId = `r${++runCounter}-${Date.now().toString(36)}`;
    const lane = this.pickLane();
    this.runs.set(runId, { lane, sim, handlers: handlers as RunHandlers<SimName> });
    this.send(lane, { type: 'run', runId, sim, params, paused: opts.paused });
    this.setStatus({
      activeRuns: this.runs.size,
      lastRun: { runId, sim, state: opts.paused ? 'paused' : 'running', done: 0, total: 0 },
    });
    const control = (req: ComputeRequest) => {
      const tracked = this.runs.get(runId);
      if (tracked) this.send(tracked.lane, req);
    };
    return {
      runId,
      pause: () => control({ type: 'pause', runId }),
      resume: () => control({ type: 'resume', runId }),
      step: (slices = 1) => control({ type: 'step', runId, slices }),
      cancel: () => {
        control({ type: 'cancel', runId });
        if (this.runs.delete(runId))
          this.setStatus({
            activeRuns: this.runs.size,
            lastRun: { runId, sim, state: 'cancelled', ...this.counts(runId) },
          });
      },
    };
  }

  /** Fails runs that a dead compute process took with it (reported by the supervisor). */
  failRuns(runIds: readonly string[], message: string): void {
    for (const runId of runIds) this.dispatchError(runId, { code: 'process-lost', message });
  }

  /**
   * Fails every run sent to lane `index` so far (its worker is gone, with whatever it held or had
   * queued). A run started by an error handler meanwhile is a new run, not failed with them.
   */
  failLane(index: number, message: string): void {
    const lost = [...this.runs].filter(([, t]) => t.lane === index).map(([runId]) => runId);
    this.failRuns(lost, message);
  }

  subscribe(listener: (s: ComputeStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  getStatus(): ComputeStatus {
    return this.status;
  }

  private pickLane(): number {
    if (this.lanes.length === 0) return 0;
    const load = this.lanes.map((p) => (p ? 0 : Infinity));
    for (const t of this.runs.values()) load[t.lane] += 1;
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i] < load[best]) best = i;
    return best;
  }

  private send(lane: number, req: ComputeRequest): void {
    const port = this.lanes[lane];
    if (port) port.postMessage(req);
    else this.pending.set(lane, [...(this.pending.get(lane) ?? []), req]);
  }

  private receive(raw: unknown): void {
    const parsed = protocolParseEvent(raw);
    if (!parsed.ok) {
      this.setStatus({ lastError: parsed.message });
      return;
    }
    const ev = parsed.value;
    const tracked = this.runs.get(ev.runId);
    if (!tracked) {
      if (ev.type === 'error' && ev.runId === '') this.setStatus({ lastError: ev.message });
      return;
    }
    const h = tracked.handlers;
    switch (ev.type) {
      case 'progress':
        h.onProgress?.({ done: ev.done, total: ev.total, state: ev.state });
        this.setStatus({
          lastRun: {
            runId: ev.runId,
            sim: tracked.sim,
            state: ev.state,
            done: ev.done,
            total: ev.total,
          },
        });
        return;
      case 'frame':
        h.onFrame?.(ev.data as never, ev.seq);
        return;
      case 'result':
        this.runs.delete(ev.runId);
        h.onResult?.(ev.data as never);
        // A run that got its result clears the last failure: compute works again.
        this.setStatus({
          activeRuns: this.runs.size,
          lastError: undefined,
          lastRun: {
            runId: ev.runId,
            sim: tracked.sim,
            ...this.counts(ev.runId),
            state: ev.outcome?.kind === 'diverged' ? 'diverged' : 'done',
            ...(ev.outcome && { outcome: ev.outcome }),
          },
        });
        return;
      case 'error':
        this.dispatchError(ev.runId, { code: ev.code, message: ev.message });
        return;
    }
  }

  private dispatchError(runId: string, failure: ComputeFailure): void {
    const tracked = this.runs.get(runId);
    if (!tracked) return;
    this.runs.delete(runId);
    tracked.handlers.onError?.(failure);
    this.setStatus({
      activeRuns: this.runs.size,
      lastError: failure.message,
      lastRun: { runId, sim: tracked.sim, state: 'failed', ...this.counts(runId) },
    });
  }

  /** The progress counts last reported for `runId` (zero if the latest status is another run's). */
  private counts(runId: string): { done: number; total: number } {
    const last = this.status.lastRun;
    return last?.runId === runId ? { done: last.done, total: last.total } : { done: 0, total: 0 };
  }

  private setStatus(patch: Partial<ComputeStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const l of this.statusListeners) l(this.status);
  }
}
