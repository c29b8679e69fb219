// The Activations loss chart's y axis: log where the loss spans decades, linear from 0 otherwise,
// so neither an exploding run (10¹⁶⁰) nor a flat one (0.69–0.71) is misdrawn.
import { describe, expect, it } from 'vitest';
import { lossAxis } from '../../renderer/labs/activations/loss-axis';

const arr = (...v: number[]) => Float64Array.from(v);

describe('Activations loss axis', () => {
  it('puts an exploding loss on a log axis with decade ticks and names the NaN it cannot draw', () => {
    const a = lossAxis(arr(0.72, 3.1e9, 8.2e159, NaN), 4);
    expect(a.scale).toBe('log');
    expect(a.domain[0]).toBe(0.1);
    expect(a.domain[1]).toBeGreaterThanOrEqual(8.2e159);
    expect(a.ticks.length).toBeLessThanOrEqual(6);
    expect(a.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of a.ticks) expect(Math.log10(t) % 1).toBeCloseTo(0, 9);
    expect(a.ticks[0]).toBe(a.domain[0]);
    expect(a.ticks.at(-1)).toBe(a.domain[1]);
    expect(a.format(1e-1)).toBe('10⁻¹');
    expect(a.plot(NaN)).toBeNull();
    expect(a.plot(0)).toBeNull();
    expect(a.title).toMatch(/log scale/);
    expect(a.note).toMatch(/step 4 is NaN or infinite and is not drawn/);
    expect(a.note).toMatch(/160 decades/);
  });

  it('draws a flat loss between 0.69 and 0.71 from 0, so its wobble is 3 % of the height', () => {
    const losses = arr(...Array.from({ length: 500 }, (_, i) => 0.7 + 0.01 * Math.sin(i)));
    const a = lossAxis(losses, 500);
    expect(a.scale).toBe('linear');
    expect(a.domain[0]).toBe(0);
    expect(a.domain[1]).toBeGreaterThanOrEqual(0.71);
    expect(a.domain[1]).toBeLessThanOrEqual(1);
    expect(0.02 / (a.domain[1] - a.domain[0])).toBeLessThan(0.05);
    expect(a.ticks[0]).toBe(0);
    expect(a.ticks.at(-1)).toBe(a.domain[1]);
    expect(a.note).toMatch(/Linear scale from 0: the loss stays between 0\.69 and 0\.71/);
  });

  it('keeps a loss that falls less than 100× on a linear axis from 0 with round ticks', () => {
    const a = lossAxis(arr(0.71, 0.5, 0.2, 0.04), 4);
    expect(a.scale).toBe('linear');
    expect(a.domain).toEqual([0, 0.8]);
    expect(a.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('goes to log once the loss spans two decades, and says zeros are not drawn', () => {
    const a = lossAxis(arr(1e9, 50, 2, 0.5, 0), 5);
    expect(a.scale).toBe('log');
    expect(a.domain).toEqual([0.1, 1e9 * 10 ** 0]);
    expect(a.note).toMatch(/One loss of exactly 0 cannot be drawn/);
  });

  it('handles nothing finite, negative values and a constant', () => {
    const none = lossAxis(arr(NaN, Infinity), 2);
    expect(none.scale).toBe('linear');
    expect(none.domain).toEqual([0, 1]);
    expect(none.note).toMatch(/No finite loss yet.*2 losses from step 1 on are NaN/);
    const neg = lossAxis(arr(-2, 3), 2);
    expect(neg.domain[0]).toBeLessThanOrEqual(-2);
    expect(neg.domain[1]).toBeGreaterThanOrEqual(3);
    const flat = lossAxis(arr(0.5, 0.5), 2);
    expect(flat.domain[0]).toBe(0);
    expect(flat.domain[1]).toBeGreaterThanOrEqual(0.5);
    expect(flat.note).toMatch(/stays at 0\.5/);
    expect(lossAxis(arr(), 0).note).toBe('No finite loss yet.');
  });
});
