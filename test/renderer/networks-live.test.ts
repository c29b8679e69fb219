// The Networks lab's frame buffer: history accumulates across frames, and a frame whose weights
// are no longer finite (a diverged run) adds its history but leaves the shown pictures alone, so
// the plane and the neurons keep the last sensible state instead of turning black with NaN.
import { describe, expect, it } from 'vitest';
import type { NetworksFrame } from '../../core/labs/networks/sim';
import { netLive, netLiveAdd, netLiveLast, netLiveReset } from '../../renderer/labs/networks/live';

function frame(step: number, weight: number, history: number[]): NetworksFrame {
  return {
    step,
    stepsPerEpoch: 1,
    history: Float64Array.from(history),
    regions: new Float32Array(4).fill(weight),
    regionRes: 2,
    outDim: 1,
    neurons: new Float32Array(0),
    neuronRes: 2,
    params: Float64Array.from([weight, 1]),
    grads: new Float64Array(2),
    delta: new Float64Array(2),
    loss: weight,
    penalty: 0,
    batchRows: 0,
    dropped: new Float64Array(0),
  };
}

describe('networks live frames', () => {
  it('keeps the last finite frame on divergence and still records the history', () => {
    netLiveReset();
    netLiveAdd(frame(0, 0.5, [0, 1, 1, 0.5, 0.5]));
    netLiveAdd(frame(6, NaN, [6, NaN, NaN, NaN, NaN]));
    expect(netLive.frame?.step).toBe(0);
    expect(netLive.history.length).toBe(10);
    expect(netLiveLast()?.[0]).toBe(6);
    netLiveAdd(frame(7, 0.25, []));
    expect(netLive.frame?.step).toBe(7);
  });
  it('shows even a non-finite first frame rather than nothing', () => {
    netLiveReset();
    netLiveAdd(frame(1, Infinity, []));
    expect(netLive.frame?.step).toBe(1);
  });
});
