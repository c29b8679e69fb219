// The shared supervisor (core/protocol/supervisor.ts) on fake timers with fake children: when it
// pings, when it gives up on a silent child, what it reports, and what it must not do (kill a child
// because the supervising side itself was asleep, or restart a crashing child in a hot loop).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ControlMessage } from '../../core/protocol/messages';
import {
  ComputeSupervisor,
  supervisorRespawnDelay,
  type ComputeChild,
  type SupervisorOptions,
} from '../../core/protocol/supervisor';

class FakeChild implements ComputeChild {
  readonly pings: number[] = [];
  /** Answers pings while true (a hung child does not). */
  answering = true;
  killed = false;
  private control: ((m: unknown) => void)[] = [];
  private exits: ((code: number | null, reason?: string) => void)[] = [];

  sendControl(message: ControlMessage): void {
    if (this.killed || message.type !== 'ping') return;
    this.pings.push(message.seq);
    if (this.answering) this.emit({ type: 'pong', seq: message.seq });
  }
  onControl(listener: (m: unknown) => void): void {
    this.control.push(listener);
  }
  onExit(listener: (code: number | null, reason?: string) => void): void {
    this.exits.push(listener);
  }
  kill(): void {
    this.killed = true;
    this.exit(null);
  }
  emit(message: unknown): void {
    for (const l of this.control) l(message);
  }
  exit(code: number | null, reason?: string): void {
    for (const l of this.exits) l(code, reason);
  }
}

function pool(options: Partial<SupervisorOptions> = {}) {
  const children: FakeChild[][] = [];
  const events: string[] = [];
  const lost: { lane: number; runIds: string[]; reason: string }[] = [];
  const supervisor = new ComputeSupervisor(
    {
      launch: (lane) => {
        const child = new FakeChild();
        (children[lane] ??= []).push(child);
        return child;
      },
    },
    {
      size: 1,
      heartbeatMs: 1000,
      unresponsiveMs: 5000,
      startupMs: 10_000,
      onStarted: (lane, _c, restart) => events.push(`started ${lane}${restart ? ' again' : ''}`),
      onReplaced: (lane, reason, runIds) => {
        events.push(`replaced ${lane}`);
        lost.push({ lane, runIds, reason });
      },
      onLost: (lane, runIds) => events.push(`lost ${lane}: ${runIds.join(',')}`),
      ...options,
    },
  );
  supervisor.start();
  return { supervisor, children, events, lost };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('compute supervisor', () => {
  it('pings each child every second and leaves a child that answers alone', () => {
    const { supervisor, children } = pool({ size: 2 });
    vi.advanceTimersByTime(60_000);
    expect(children[0]).toHaveLength(1);
    expect(children[1]).toHaveLength(1);
    expect(children[0][0].pings).toHaveLength(60);
    expect(supervisor.restarts).toBe(0);
    supervisor.stop();
  });

  it('replaces a child that stops answering within 5–7 s and names the runs it held', () => {
    const { supervisor, children, events, lost } = pool({
      wording: { unresponsive: (s) => `the worker went quiet for ${s} s` },
    });
    vi.advanceTimersByTime(3000);
    const first = children[0][0];
    first.emit({ type: 'run-started', runId: 'a' });
    first.emit({ type: 'run-started', runId: 'b' });
    first.emit({ type: 'run-ended', runId: 'a' });
    first.answering = false;
    const hungAt = Date.now();
    vi.advanceTimersByTime(5000);
    expect(first.killed).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(first.killed).toBe(true);
    const detectedAfter = first.pings.length; // pings sent before it was given up
    expect(detectedAfter).toBeGreaterThan(3);
    expect(Date.now() - hungAt).toBeLessThanOrEqual(7000);
    expect(lost).toEqual([{ lane: 0, runIds: ['b'], reason: 'the worker went quiet for 7 s' }]);
    expect(events).toEqual(['started 0', 'replaced 0', 'started 0 again', 'lost 0: b']);
    expect(supervisor.restarts).toBe(1);
    // The successor is pinged from the next tick on, and serves.
    vi.advanceTimersByTime(30_000);
    expect(children[0]).toHaveLength(2);
    expect(children[0][1].pings.length).toBeGreaterThanOrEqual(29);
    expect(first.pings).toHaveLength(detectedAfter);
    supervisor.stop();
  });

  it('replaces a child that exits at once, with its own reason when it gives one', () => {
    const { supervisor, children, lost, events } = pool();
    vi.advanceTimersByTime(1000);
    children[0][0].emit({ type: 'run-started', runId: 'r1' });
    children[0][0].exit(null, 'the worker failed (boom)');
    expect(lost).toEqual([{ lane: 0, runIds: ['r1'], reason: 'the worker failed (boom)' }]);
    expect(children[0]).toHaveLength(2);
    // Without a reason of its own, the default wording (the desktop's) is used.
    vi.advanceTimersByTime(1000);
    children[0][1].exit(3);
    expect(lost[1].reason).toBe(
      'the compute process exited unexpectedly (code 3) and was restarted',
    );
    expect(events.filter((e) => e.startsWith('replaced'))).toHaveLength(2);
    // A second exit report from the same dead child is not a second loss.
    children[0][1].exit(3);
    expect(lost).toHaveLength(2);
    supervisor.stop();
  });

  it('reports a replacement even when the child held no runs (a request may have been queued on it)', () => {
    const { supervisor, children, lost, events } = pool();
    vi.advanceTimersByTime(2000);
    children[0][0].answering = false;
    vi.advanceTimersByTime(8000);
    expect(lost).toEqual([
      {
        lane: 0,
        runIds: [],
        reason: 'the compute process stopped responding for 7 s and was restarted',
      },
    ]);
    expect(events).not.toContain('lost 0: ');
    supervisor.stop();
  });

  it('gives a new child its startup allowance before the first answer', () => {
    const { supervisor, children } = pool();
    children[0][0].answering = false;
    vi.advanceTimersByTime(10_000);
    expect(children[0][0].killed).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(children[0][0].killed).toBe(true);
    supervisor.stop();
  });

  it('does not blame a child for silence while the supervising side itself was not running', () => {
    const { supervisor, children } = pool();
    vi.advanceTimersByTime(2000);
    const child = children[0][0];
    // The next pong is late because this thread was blocked for 20 s: a ping is outstanding and the
    // next tick runs 20 s late. The child answers as soon as it can.
    child.answering = false;
    vi.advanceTimersByTime(1000); // ping sent, unanswered
    vi.setSystemTime(Date.now() + 20_000);
    vi.advanceTimersByTime(1000); // the late tick
    expect(child.killed).toBe(false);
    child.answering = true;
    vi.advanceTimersByTime(10_000);
    expect(child.killed).toBe(false);
    expect(supervisor.restarts).toBe(0);
    // Late ticks do not hide a hang for ever: once ticks are regular again it is caught.
    child.answering = false;
    vi.advanceTimersByTime(7000);
    expect(child.killed).toBe(true);
    supervisor.stop();
  });

  it('backs off a lane whose children die before answering (no hot restart loop)', () => {
    expect([1, 2, 3, 4, 10].map(supervisorRespawnDelay)).toEqual([0, 1000, 2000, 4000, 30_000]);
    const { supervisor, children } = pool();
    children[0][0].exit(1); // first early death: restarted at once
    expect(children[0]).toHaveLength(2);
    children[0][1].exit(1); // second: after 1 s
    expect(children[0]).toHaveLength(2);
    vi.advanceTimersByTime(999);
    expect(children[0]).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(children[0]).toHaveLength(3);
    // One that answers resets the count.
    vi.advanceTimersByTime(1000);
    children[0][2].exit(1);
    expect(children[0]).toHaveLength(4);
    supervisor.stop();
  });

  it('stop() kills every child and restarts none', () => {
    const { supervisor, children, lost } = pool({ size: 3 });
    supervisor.stop();
    expect(children.map((c) => c.length)).toEqual([1, 1, 1]);
    expect(children.every((c) => c[0].killed)).toBe(true);
    expect(lost).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(children.map((c) => c[0].pings.length)).toEqual([0, 0, 0]);
  });
});
