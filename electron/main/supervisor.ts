/**
 * Supervises a pool of compute processes: starts `size` of them, pings each on its control
 * channel, and restarts one that exits or stops answering. Each process reports the runs it holds
 * (`run-started` / `run-ended`), so when one dies the supervisor can name the runs that were lost
 * and the window can tell the user. Process-neutral: the launcher decides what a process is
 * (Electron utility process in the app, Node child process in the tests).
 */
import { controlSchema, type ControlMessage } from '../../core/protocol/messages';

export interface ComputeChild {
  sendControl(message: ControlMessage): void;
  onControl(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface ComputeLauncher {
  /** Starts the process for pool slot `lane`. */
  launch(lane: number): ComputeChild;
}

export interface SupervisorOptions {
  size: number;
  /** Ping period (ms). */
  heartbeatMs?: number;
  /** A process that has not answered a ping for this long is killed and restarted (ms). */
  unresponsiveMs?: number;
  /** Time a new process gets to answer its first ping (loading code is slow on a busy machine; ms). */
  startupMs?: number;
  /** Runs lost with a process, and why. */
  onLost?(lane: number, runIds: string[], reason: string): void;
  /** A (re)started process is ready for its compute port to be brokered. */
  onStarted?(lane: number, child: ComputeChild, restart: boolean): void;
}

interface Slot {
  child: ComputeChild;
  runs: Set<string>;
  /** Time of the last pong; before the first one, the start time plus the startup allowance. */
  lastPong: number;
  seq: number;
  killedFor?: string;
}

/** Pool size for a machine with `cores` logical cores: cores − 1, at least 1. */
export function computePoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

export class ComputeSupervisor {
  private readonly slots: Slot[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  restarts = 0;

  constructor(
    private readonly launcher: ComputeLauncher,
    private readonly options: SupervisorOptions,
  ) {}

  start(): void {
    for (let lane = 0; lane < this.options.size; lane++) this.spawn(lane, false);
    const period = this.options.heartbeatMs ?? 1000;
    const limit = this.options.unresponsiveMs ?? 5000;
    this.timer = setInterval(() => {
      const now = Date.now();
      this.slots.forEach((slot) => {
        if (slot.killedFor) return;
        if (now - slot.lastPong > limit) {
          slot.killedFor = `the compute process stopped responding for ${Math.round((now - slot.lastPong) / 1000)} s and was restarted`;
          slot.child.kill();
          return;
        }
        slot.child.sendControl({ type: 'ping', seq: ++slot.seq });
      });
    }, period);
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
    if (this.timer) clearInterval(this.timer);
    for (const slot of this.slots) slot.child.kill();
  }

  private spawn(lane: number, restart: boolean): void {
    const child = this.launcher.launch(lane);
    const startup = Math.max(
      0,
      (this.options.startupMs ?? 20_000) - (this.options.unresponsiveMs ?? 5000),
    );
    const slot: Slot = { child, runs: new Set(), lastPong: Date.now() + startup, seq: 0 };
    this.slots[lane] = slot;
    child.onControl((raw) => {
      const parsed = controlSchema.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.type === 'pong') slot.lastPong = Date.now();
      else if (m.type === 'run-started') slot.runs.add(m.runId);
      else if (m.type === 'run-ended') slot.runs.delete(m.runId);
    });
    child.onExit((code) => {
      if (this.stopped || this.slots[lane] !== slot) return;
      const reason =
        slot.killedFor ??
        `the compute process exited unexpectedly (code ${code ?? 'none'}) and was restarted`;
      const lost = [...slot.runs];
      this.restarts++;
      this.spawn(lane, true);
      if (lost.length > 0) this.options.onLost?.(lane, lost, reason);
    });
    this.options.onStarted?.(lane, child, restart);
  }
}
