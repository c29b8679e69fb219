// The Probability lab's toolkit under Node: the recording seek sweeps the temperature on a log
// scale (softmax T, or the calibration scaling T on that view), and the export holds the numbers
// the current view shows.
import { afterEach, describe, expect, it } from 'vitest';
import { PROB_DEFAULTS } from '../../core/labs/probability/params';
import { probExportData } from '../../renderer/labs/probability/export-data';
import { useProbStore } from '../../renderer/labs/probability/store';
import {
  probabilityToolkit,
  SWEEP_SECONDS,
  temperatureAt,
} from '../../renderer/labs/probability/toolkit';

afterEach(() => useProbStore.setState({ params: PROB_DEFAULTS }));

describe('probability toolkit', () => {
  it('seek sweeps T from 0.05 to 20 and back, geometric in between', () => {
    const T = (t: number) => {
      probabilityToolkit.seek!(t);
      return useProbStore.getState().params.softmax.temperature;
    };
    expect(T(0)).toBe(0.05);
    expect(T(SWEEP_SECONDS)).toBe(20);
    expect(T(SWEEP_SECONDS / 2)).toBeCloseTo(1, 5); // √(0.05 · 20)
    expect(T(2 * SWEEP_SECONDS)).toBe(0.05);
    expect(T(1.5 * SWEEP_SECONDS)).toBe(T(0.5 * SWEEP_SECONDS));
    // Same time, same state: recording does not depend on the wall clock.
    expect(T(3.3)).toBe(T(3.3));
  });

  it('on the calibration view seek sweeps the scaling T by hand, 0.2 to 5', () => {
    useProbStore.getState().setParams({ tab: 'calibration' });
    probabilityToolkit.seek!(SWEEP_SECONDS);
    const c = useProbStore.getState().params.calibration;
    expect(c.scaling).toBe('manual');
    expect(c.temperature).toBe(5);
    expect(temperatureAt(0, 0.2, 5)).toBe(0.2);
    expect(useProbStore.getState().params.softmax.temperature).toBe(1);
  });

  it('exports what each view shows', () => {
    const names = (tab: (typeof PROB_DEFAULTS)['tab']) =>
      probExportData({ ...PROB_DEFAULTS, tab }).map((f) => f.name);
    expect(names('softmax')).toEqual(['probability-softmax.csv', 'probability-softmax.json']);
    expect(names('calibration')).toEqual([
      'probability-calibration.csv',
      'probability-calibration.json',
    ]);
    const [jac] = probExportData({ ...PROB_DEFAULTS, tab: 'jacobian' });
    const rows = jac.content
      .trim()
      .split('\n')
      .map((r) => r.split(','));
    expect(rows[0].slice(-3)).toEqual(['d_s_d_z1', 'd_s_d_z2', 'd_s_d_z3']);
    // J₁₁ = s₁(1 − s₁) for softmax(2, 0.5, −1).
    expect(Number(rows[1][7])).toBeCloseTo(0.1684343338338, 12);
    const [lse, lseJson] = probExportData({ ...PROB_DEFAULTS, tab: 'lse', shift: 1000 });
    const f64naive = lse.content
      .split('\n')
      .find((r) => r.startsWith('float64,naive'))!
      .split(',');
    expect(f64naive[3]).toBe('Infinity');
    expect(f64naive[8]).toBe('3'); // three NaN probabilities
    expect(JSON.parse(lseJson.content).limits.float16.max).toBe(65504);
    const [ent] = probExportData({ ...PROB_DEFAULTS, tab: 'entropy' });
    expect(ent.content.split('\n')[4]).toBe('4,0,0.25,0,Infinity');
  });
});
