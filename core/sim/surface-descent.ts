/**
 * Simulation "surface-descent": samples a built-in surface f(x, y) on an n×n grid, then runs plain
 * gradient descent θ ← θ − η ∇f(θ) from a start point, streaming the trajectory in chunks.
 * Divergence (a NaN/±Inf value or |θ| beyond `DIVERGENCE_BOX`) ends the run and is reported as
 * the step where it happened; no value past that step is sent.
 */
import { z } from 'zod';
import { TRAJECTORY_DIVERGENCE_BOX } from '../ml/optimizers-trajectory';
import { surfaceById } from '../ml/surfaces';
import { simDefine, type SimRun } from './registry';
import { simPieces, sliceTimerCreate } from './slices';

/** |x| or |y| beyond this counts as divergence: the same box as every recorded trajectory. */
export const DIVERGENCE_BOX = TRAJECTORY_DIVERGENCE_BOX;

export const surfaceDescentParams = z.object({
  /** Surface id from the surface library. */
  surface: z.string().min(1).max(64),
  /** Grid points per side (n × n samples). */
  grid: z.number().int().min(2).max(512),
  /** Start point (x, y). */
  start: z.tuple([z.number().finite(), z.number().finite()]),
  /** Learning rate η > 0. */
  learningRate: z.number().positive().max(1e6),
  /** Number of gradient steps. */
  steps: z.number().int().min(1).max(10_000),
  /** Steps per streamed frame (≤ 30 frames/s go out, so this sets the visible pace). */
  stepsPerFrame: z.number().int().min(1).max(10_000),
});
export type SurfaceDescentParams = z.infer<typeof surfaceDescentParams>;

export type SurfaceDescentFrame =
  | {
      kind: 'grid';
      /** Points per side. */
      n: number;
      domain: { xMin: number; xMax: number; yMin: number; yMax: number };
      /** f at grid point (i, j) is values[j·n + i], x = xMin + i·(xMax−xMin)/(n−1). */
      values: Float64Array;
    }
  | {
      kind: 'trajectory';
      /** Index of the first point in this chunk within the whole trajectory (0 = start point). */
      from: number;
      xs: Float64Array;
      ys: Float64Array;
      losses: Float64Array;
    };

export interface SurfaceDescentResult {
  /** Points in the trajectory including the start. */
  points: number;
  /** Step at which the run diverged, or null. */
  divergedAtStep: number | null;
  finalLoss: number;
}

export const surfaceDescentSim = simDefine({
  name: 'surface-descent',
  // Shown while it runs: frames are paced.
  delivery: 'stream',
  params: surfaceDescentParams,
  *start(p: SurfaceDescentParams): SimRun<SurfaceDescentFrame, SurfaceDescentResult> {
    const surface = surfaceById(p.surface);
    if (!surface) throw new Error(`unknown surface "${p.surface}"`);
    const { domain } = surface;
    const n = p.grid;
    const values = new Float64Array(n * n);
    const timer = sliceTimerCreate();
    // Row by row, yielding when a slice is used up (a data surface costs microseconds a point).
    let j = 0;
    for (const _ of simPieces(() => {
      const y = domain.yMin + (j * (domain.yMax - domain.yMin)) / (n - 1);
      for (let i = 0; i < n; i++) {
        values[j * n + i] = surface.value(
          domain.xMin + (i * (domain.xMax - domain.xMin)) / (n - 1),
          y,
        );
      }
      return ++j >= n;
    }, timer))
      yield { done: 0, total: p.steps };
    yield {
      done: 0,
      total: p.steps,
      frame: { kind: 'grid' as const, n, domain: { ...domain }, values },
    };

    const g = new Float64Array(2);
    let x = p.start[0];
    let y = p.start[1];
    let loss = surface.value(x, y);
    let step = 0;
    let divergedAtStep: number | null = null;
    let from = 0;
    let chunk = { xs: [x], ys: [y], losses: [loss] };
    const flush = () => {
      const frame = {
        kind: 'trajectory' as const,
        from,
        xs: Float64Array.from(chunk.xs),
        ys: Float64Array.from(chunk.ys),
        losses: Float64Array.from(chunk.losses),
      };
      from += chunk.xs.length;
      chunk = { xs: [], ys: [], losses: [] };
      return frame;
    };
    while (step < p.steps) {
      surface.gradient(x, y, g);
      const nx = x - p.learningRate * g[0];
      const ny = y - p.learningRate * g[1];
      const nloss = surface.value(nx, ny);
      step++;
      if (
        !Number.isFinite(nx + ny + nloss) ||
        Math.abs(nx) > DIVERGENCE_BOX ||
        Math.abs(ny) > DIVERGENCE_BOX
      ) {
        divergedAtStep = step;
        break;
      }
      x = nx;
      y = ny;
      loss = nloss;
      chunk.xs.push(x);
      chunk.ys.push(y);
      chunk.losses.push(loss);
      if (chunk.xs.length >= p.stepsPerFrame) {
        yield { done: step, total: p.steps, frame: flush() };
        timer.restart();
      } else if (timer.due()) {
        yield { done: step, total: p.steps };
        timer.restart();
      }
    }
    if (chunk.xs.length > 0) yield { done: step, total: p.steps, frame: flush() };
    return { points: from, divergedAtStep, finalLoss: loss };
  },
});
