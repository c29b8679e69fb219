// The Descent mesh's automatic quality: a slow machine is noticed within about a second of
// drawn frames, and stopping and restarting playback does not start the count again (it needed
// 45 slow frames in a row and reset whenever playback stopped, so a 5 s race never reached it).
import { describe, expect, it } from 'vitest';
import {
  FRAME_SAMPLES,
  FRAME_SLOW_MS,
  frameJudgeCreate,
  frameMedian,
} from '../../renderer/labs/descent/mesh-auto';
import { descentViewStatusText } from '../../renderer/labs/descent/view-status';

describe('Descent mesh auto-quality', () => {
  it('steps down after a second of frames at 150 ms, not before', () => {
    const judge = frameJudgeCreate();
    const verdicts: (number | null)[] = [];
    for (let i = 0; i < FRAME_SAMPLES; i++) verdicts.push(judge.add(i * 150, 150));
    expect(verdicts.slice(0, -1).every((v) => v === null)).toBe(true);
    expect(verdicts.at(-1)).toBe(150);
    expect(FRAME_SAMPLES * 150).toBeLessThanOrEqual(1000);
  });

  it('keeps counting across a pause: frames before and after playback stopped add up', () => {
    const judge = frameJudgeCreate();
    for (let i = 0; i < 3; i++) expect(judge.add(i * 120, 120)).toBeNull();
    // Playback stopped for 1.5 s, then started again: no frames were drawn meanwhile.
    let verdict: number | null = null;
    for (let i = 0; i < FRAME_SAMPLES - 3; i++) verdict = judge.add(1900 + i * 120, 120);
    expect(verdict).toBe(120);
  });

  it('leaves a fluid machine alone, and forgets frames older than a few seconds', () => {
    const judge = frameJudgeCreate(3000);
    for (let i = 0; i < 100; i++) expect(judge.add(i * 20, 20 + (i % 3))).toBeNull();
    const old = frameJudgeCreate(3000);
    for (let i = 0; i < FRAME_SAMPLES - 1; i++) old.add(i * 100, 100);
    expect(old.add(10_000, FRAME_SLOW_MS + 10)).toBeNull(); // one slow frame after a long gap
  });

  it('judges by the median, so one stall (a new surface uploading) does not count', () => {
    const judge = frameJudgeCreate();
    const times = [30, 30, 900, 30, 30, 30];
    expect(times.map((t, i) => judge.add(i * 40, t)).every((v) => v === null)).toBe(true);
    expect(frameMedian([30, 900, 30])).toBe(30);
  });

  it('names the mesh in the status line, why auto lowered it, and software WebGL', () => {
    expect(descentViewStatusText({ n: 64, auto: true, slowMs: null, software: true })).toBe(
      '3D mesh 64×64 (auto) · software WebGL: no antialiasing',
    );
    expect(descentViewStatusText({ n: 32, auto: true, slowMs: 125, software: true })).toBe(
      '3D mesh 32×32 (auto, lowered: frames took 125 ms) · software WebGL: no antialiasing',
    );
    expect(descentViewStatusText({ n: 96, auto: false, slowMs: null, software: false })).toBe(
      '3D mesh 96×96',
    );
    expect(descentViewStatusText({ n: undefined, auto: true, slowMs: null, software: false })).toBe(
      null,
    );
  });
});
