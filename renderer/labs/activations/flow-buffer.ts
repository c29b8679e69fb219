/**
 * The renderer's copy of a gradient-flow run: every streamed step's loss and per-layer gradient
 * norms, the latest histograms, and the range of log₁₀ norms seen so far (for the colour scale).
 * Views that draw imperatively (the heat map) subscribe instead of re-rendering per frame.
 */
import type { GradientFlowFrame } from '../../../core/sim/gradient-flow-sim';

export interface FlowHistograms {
  /** The training step they were measured at. */
  step: number;
  counts: Float64Array;
  bins: number;
  lo: number;
  hi: number;
}

export class FlowBuffer {
  /** ‖∂L/∂W_l‖ of step s (0-based) at norms[s·layers + l]. */
  readonly norms: Float64Array;
  readonly losses: Float64Array;
  /** Steps received so far. */
  count = 0;
  /** True once the run has ended (finished or diverged); the step axis then ends at `count`. */
  ended = false;
  histograms: FlowHistograms | null = null;
  /** Smallest and largest log₁₀ of a finite, positive norm received (±Infinity before any). */
  logMin = Infinity;
  logMax = -Infinity;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly capacity: number,
    readonly layers: number,
  ) {
    this.norms = new Float64Array(capacity * layers);
    this.losses = new Float64Array(capacity);
  }

  append(frame: GradientFlowFrame): void {
    const start = frame.from - 1;
    const n = Math.min(frame.count, this.capacity - start);
    if (n <= 0 || frame.layers !== this.layers) return;
    this.norms.set(frame.gradNorms.subarray(0, n * this.layers), start * this.layers);
    this.losses.set(frame.losses.subarray(0, n), start);
    for (let i = 0; i < n * this.layers; i++) {
      const v = frame.gradNorms[i];
      if (v > 0 && v < Infinity) {
        const lg = Math.log10(v);
        if (lg < this.logMin) this.logMin = lg;
        if (lg > this.logMax) this.logMax = lg;
      }
    }
    this.count = start + n;
    this.histograms = {
      step: frame.histStep,
      counts: frame.histograms,
      bins: frame.bins,
      lo: frame.histLo,
      hi: frame.histHi,
    };
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** Calls `fn` after every change; returns the unsubscribe function. */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private notify(): void {
    for (const fn of this.listeners) fn();
  }
}
