import { describe, expect, it } from 'vitest';
import { evenFloor, overflowGrowth } from '../../renderer/shell/toolkit/frame-math';

describe('whole-view growth when scrolling panels unroll', () => {
  it('is nothing without overflow', () => {
    expect(overflowGrowth([])).toBe(0);
    expect(overflowGrowth([{ x0: 0, x1: 100, extra: 0 }])).toBe(0);
  });

  it('is the tallest of panels side by side', () => {
    const cols = [
      { x0: 300, x1: 960, extra: 491 },
      { x0: 960, x1: 1280, extra: 73 },
    ];
    expect(overflowGrowth(cols)).toBe(491);
    expect(overflowGrowth([...cols].reverse())).toBe(491);
  });

  it('adds up panels stacked in the same column', () => {
    expect(
      overflowGrowth([
        { x0: 300, x1: 960, extra: 100 },
        { x0: 320, x1: 900, extra: 40 },
        { x0: 960, x1: 1280, extra: 120 },
      ]),
    ).toBe(140);
    // Overlap is transitive: a wide panel joins two narrow ones into one column group.
    expect(
      overflowGrowth([
        { x0: 0, x1: 50, extra: 10 },
        { x0: 40, x1: 200, extra: 10 },
        { x0: 150, x1: 300, extra: 10 },
      ]),
    ).toBe(30);
  });
});

describe('even frame sides', () => {
  it('rounds down to even, never below 2', () => {
    expect(evenFloor(1920)).toBe(1920);
    expect(evenFloor(1081)).toBe(1080);
    expect(evenFloor(719.6)).toBe(718);
    expect(evenFloor(1)).toBe(2);
  });
});
