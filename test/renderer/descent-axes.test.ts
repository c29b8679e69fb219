// Axis ticks: round values on linear axes; real f values at their drawn heights on the log scale.
import { describe, expect, it } from 'vitest';
import { ticksHeight, ticksLinear, tickText } from '../../renderer/components/axis-ticks';
import { surfaceMappingCreate } from '../../renderer/components/surface-mapping';

const gridOf = (min: number, max: number) => ({
  n: 2,
  domain: { xMin: 0, xMax: 1, yMin: 0, yMax: 1 },
  values: Float64Array.from([min, max, (min + max) / 2, max]),
});

describe('axis ticks', () => {
  it('linear ticks are round numbers inside the range at their positions', () => {
    const t = ticksLinear(-2, 2, 5);
    expect(t.map((x) => x.value)).toEqual([-2, -1, 0, 1, 2]);
    expect(t.map((x) => x.at)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(t.map((x) => x.label)).toEqual(['−2', '−1', '0', '1', '2']);
    expect(ticksLinear(-1, 3, 5).map((x) => x.value)).toEqual([-1, 0, 1, 2, 3]);
    expect(ticksLinear(0.1, 0.7, 5).map((x) => x.label)).toEqual([
      '0.1',
      '0.2',
      '0.3',
      '0.4',
      '0.5',
      '0.6',
      '0.7',
    ]);
  });

  it('labels are short: exponents for very large and very small numbers', () => {
    expect(tickText(2500)).toBe('2500');
    expect(tickText(20000)).toBe('2e4');
    expect(tickText(0.00025)).toBe('2.5e−4');
    expect(tickText(-0.5)).toBe('−0.5');
  });

  it('log height: decades of f at the heights log(1 + f − min) draws them', () => {
    const m = surfaceMappingCreate(gridOf(0, 2500), 'log');
    const t = ticksHeight(m);
    expect(t.map((x) => x.value)).toEqual(expect.arrayContaining([0, 1, 10, 100, 1000]));
    for (const x of t) expect(x.at).toBeCloseTo(Math.log1p(x.value) / Math.log1p(2500), 9);
    for (let k = 1; k < t.length; k++) expect(t[k].at - t[k - 1].at).toBeGreaterThanOrEqual(0.085);
  });

  it('log height with a floor that is not round still has a tick at the bottom of the scale', () => {
    const m = surfaceMappingCreate(gridOf(0.00025, 2500), 'log');
    const t = ticksHeight(m);
    expect(t[0].at).toBeLessThan(0.01);
    expect(t[0].value).toBeLessThan(0.02);
    const odd = surfaceMappingCreate(gridOf(3.37, 3.91), 'log');
    expect(ticksHeight(odd)[0]).toMatchObject({ at: 0, label: '3.37' });
    expect(t.map((x) => x.value)).toEqual(expect.arrayContaining([10, 100, 1000]));
  });

  it('linear height: the mapping’s own range', () => {
    const m = surfaceMappingCreate(gridOf(-1, 3), 'linear');
    expect(ticksHeight(m).map((x) => x.value)).toEqual([-1, 0, 1, 2, 3]);
  });
});
