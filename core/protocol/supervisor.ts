/**
 * Supervises a pool of compute processes: starts `size` of them, pings each on its control
 * channel, and replaces one that exits or stops answering. Each process reports the runs it holds
 * (`run-started` / `run-ended`), so when one dies the supervisor can name the runs that were lost
 * and the window can tell the user.
 *
 * Process- and host-neutral: the launcher decides what a process is (an Electron utility process
 * in the app, a Node child process in the tests, a Web Worker in the browser build), and the timer
 * comes from the host (core/ has no timer typings; the default reaches the host's through
 * `globalThis`, as `core/sim/clock.ts` does for the clock).
 */
import { controlSchema, type ControlMessage } from './messages';

export interface ComputeChild {
  sendControl(message: ControlMessage): void;
  onControl(listener: (message: unknown) => void): void;
  /** The process ended. `reason`, when given, is the child's own account (e.g. an uncaught error). */
  onExit(listener: (code: number | null, reason?: string) => void): void;
  kill(): void;
}

export interface ComputeLauncher {
  /** Starts the process for pool slot `lane`. */
  launch(lane: number): ComputeChild;
}

/** The host's clock and repeating timer. */
export interface SupervisorTimer {
  now(): number;
  /** Calls `fn` every `ms`; returns a function that stops it. */
  every(fn: () => void, ms: number): () => void;
  /** Calls `fn` once after `ms`. */
  after(fn: () => void, ms: number): void;
}

/** The words a lost run is reported with (the defaults speak of "the compute process"). */
export interface LossWording {
  unresponsive(seconds: number): string;
  exited(code: number | null): string;
}

export interface SupervisorOptions {
  size: number;
  /** Ping period (ms). */
  heartbeatMs?: number;
  /** A process that leaves a ping unanswered for this long is killed and restarted (ms). */
  unresponsiveMs?: number;
  /** Time a new process gets to answer its first ping (loading code is slow on a busy machine; ms). */
  startupMs?: number;
  timer?: SupervisorTimer;
  wording?: Partial<LossWording>;
  /** Runs lost with a process, and why (only when the process had reported runs). */
  onLost?(lane: number, runIds: string[], reason: string): void;
  /** Every replacement, whether or not the process had reported runs; before its successor starts. */
  onReplaced?(lane: number, reason: string, lostRunIds: string[]): void;
  /** A (re)started process is ready for its compute port to be brokered. */
  onStarted?(lane: number, child: ComputeChild, restart: boolean): void;
}

interface Slot {
  child: ComputeChild;
  runs: Set<string>;
  startedAt: number;
  /** Time of the last pong, or null before the first. */
  lastPong: number | null;
  /** When the oldest ping since the last pong was sent, or null when none is outstanding. */
  waitingSince: number | null;
  seq: number;
  killedFor?: string;
}

const defaultWording: LossWording = {
  unresponsive: (s) => `the compute process stopped responding for ${s} s and was restarted`,
  exited: (code) =>
    `the compute process exited unexpectedly (code ${code ?? 'none'}) and was restarted`,
};

/** The host's own timers, looked up when used (so a test's fake timers apply). */
export function supervisorHostTimer(): SupervisorTimer {
  const host = globalThis as unknown as {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(id: unknown): void;
    setTimeout(fn: () => void, ms: number): unknown;
  };
  return {
    now: () => Date.now(),
    every: (fn, ms) => {
      const id = host.setInterval(fn, ms);
      return () => host.clearInterval(id);
    },
    after: (fn, ms) => void host.setTimeout(fn, ms),
  };
}

/** Pool size for a machine with `cores` logical cores: cores − 1, at least 1. */
export function computePoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

/** Delay before restarting a lane whose last `early` processes all died before their first pong. */
export function supervisorRespawnDelay(early: number): number {
  return early <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (early - 2));
}

export class ComputeSupervisor {
  private readonly slots: Slot[] = [];
  /** Per lane: processes in a row that died before ever answering (a crash at load time). */
  private readonly earlyDeaths: number[] = [];
  private stopTimer: (() => void) | null = null;
  private lastTick: number | null = null;
  private stopped = false;
  private readonly timer: SupervisorTimer;
  private readonly wording: LossWording;
  restarts = 0;

  constructor(
    private readonly launcher: ComputeLauncher,
    private readonly options: SupervisorOptions,
  ) {
    this.timer = options.timer ?? supervisorHostTimer();
    this.wording = { ...defaultWording, ...options.wording };
  }

  start(): void {
    for (let lane = 0; lane < this.options.size; lane++) this.spawn(lane, false);
    const period = this.options.heartbeatMs ?? 1000;
    this.stopTimer = this.timer.every(() => this.tick(period), period);
  }

  /** Runs currently held by lane `lane` (as reported by the process). */
  runsOn(lane: number): string[] {
    return [...(this.slots[lane]?.runs ?? [])];
  }

  get size(): number {
    return this.slots.length;
  }

  stop(): void {
    this.stopped = true;
    this.stopTimer?.();
    for (const slot of this.slots) slot.child.kill();
  }

  private tick(period: number): void {
    const now = this.timer.now();
    // A tick that comes late means this side was not running (a busy thread, a throttled
    // background tab): the children's silence meanwhile says nothing, so their clocks restart.
    const late = this.lastTick !== null && now - this.lastTick > 2 * period;
    this.lastTick = now;
    const limit = this.options.unresponsiveMs ?? 5000;
    const startup = Math.max(limit, this.options.startupMs ?? 20_000);
    this.slots.forEach((slot) => {
      if (slot.killedFor) return;
      if (late && slot.waitingSince !== null) slot.waitingSince = now;
      const allowed = slot.lastPong === null ? startup : limit;
      if (slot.waitingSince !== null && now - slot.waitingSince > allowed) {
        const seconds = Math.round((now - (slot.lastPong ?? slot.startedAt)) / 1000);
        slot.killedFor = this.wording.unresponsive(seconds);
        slot.child.kill();
        return;
      }
      slot.waitingSince ??= now;
      slot.child.sendControl({ type: 'ping', seq: ++slot.seq });
    });
  }

  private spawn(lane: number, restart: boolean): void {
    const child = this.launcher.launch(lane);
    const now = this.timer.now();
    const slot: Slot = {
      child,
      runs: new Set(),
      startedAt: now,
      lastPong: null,
      waitingSince: null,
      seq: 0,
    };
    this.slots[lane] = slot;
    child.onControl((raw) => {
      const parsed = controlSchema.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.type === 'pong') {
        slot.lastPong = this.timer.now();
        slot.waitingSince = null;
        this.earlyDeaths[lane] = 0;
      } else if (m.type === 'run-started') slot.runs.add(m.runId);
      else if (m.type === 'run-ended') slot.runs.delete(m.runId);
    });
    let ended = false;
    child.onExit((code, childReason) => {
      if (ended || this.stopped || this.slots[lane] !== slot) return;
      ended = true;
      const reason = slot.killedFor ?? childReason ?? this.wording.exited(code);
      const lost = [...slot.runs];
      this.restarts++;
      if (slot.lastPong === null) this.earlyDeaths[lane] = (this.earlyDeaths[lane] ?? 0) + 1;
      // Until its successor starts, the lane holds the dead child: no pings, no second report.
      slot.killedFor = reason;
      this.options.onReplaced?.(lane, reason, lost);
      const respawn = () => {
        if (!this.stopped && this.slots[lane] === slot) this.spawn(lane, true);
      };
      const delay = supervisorRespawnDelay(this.earlyDeaths[lane] ?? 0);
      if (delay > 0) this.timer.after(respawn, delay);
      else respawn();
      if (lost.length > 0) this.options.onLost?.(lane, lost, reason);
    });
    this.options.onStarted?.(lane, child, restart);
  }
}
