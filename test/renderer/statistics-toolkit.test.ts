// The Statistics lab's toolkit under Node: a recording sweeps the degree 0, 1, … (wrapping at
// n − 1), the lab is ready only with a result for the params on screen, and the exported CSV
// holds the numbers the model gives for that result.
import { afterEach, describe, expect, it } from 'vitest';
import { bvModel, bvSimParams } from '../../core/labs/statistics/model';
import { STATS_DEFAULTS } from '../../core/labs/statistics/presets';
import { biasVarianceRun } from '../../core/ml/stats-bias-variance';
import { useStatsStore } from '../../renderer/labs/statistics/store';
import { statisticsToolkit } from '../../renderer/labs/statistics/toolkit';
import { bvRunKey } from '../../renderer/labs/statistics/use-bv-run';

afterEach(() => {
  useStatsStore.setState({ params: STATS_DEFAULTS, result: null, resultKey: '', status: 'idle' });
});

describe('statistics toolkit', () => {
  it('seek sweeps the degree, 0.8 s each, wrapping after n − 1', () => {
    useStatsStore.getState().setParams({ bv: { ...STATS_DEFAULTS.bv, n: 6 } });
    const at = (t: number) => {
      statisticsToolkit.seek!(t);
      return useStatsStore.getState().params.bv.degree;
    };
    expect([0, 0.79, 0.8, 4.0, 4.7, 4.8].map(at)).toEqual([0, 0, 1, 5, 5, 0]);
  });

  it('is ready only with a result computed for the params on screen', () => {
    expect(statisticsToolkit.ready!()).toBe(false);
    const s = useStatsStore.getState();
    const result = biasVarianceRun(bvSimParams(s.params.bv, s.params.seed));
    useStatsStore.setState({ result, resultKey: bvRunKey(s.params), status: 'ready' });
    expect(statisticsToolkit.ready!()).toBe(true);
    s.setParams({ bv: { ...s.params.bv, sigma: 0.5 } });
    expect(statisticsToolkit.ready!()).toBe(false);
  });

  it('exports one CSV row per degree with the model’s numbers', () => {
    const s = useStatsStore.getState();
    const result = biasVarianceRun(bvSimParams(s.params.bv, s.params.seed));
    useStatsStore.setState({ result, resultKey: bvRunKey(s.params), status: 'ready' });
    const files = statisticsToolkit.exportData!();
    expect(files.map((f) => f.name)).toEqual([
      'statistics-bias-variance.csv',
      'statistics-fits-degree-3.csv',
      'statistics-settings.json',
    ]);
    const rows = files[0].content.trim().split('\n');
    const head = rows[0].split(',');
    const m = bvModel(s.params.bv, result);
    expect(rows).toHaveLength(m.rows.length + 1);
    const row3 = rows[4].split(',');
    expect(Number(row3[head.indexOf('variance')])).toBe(m.rows[3].variance);
    expect(Number(row3[head.indexOf('measured_test')])).toBe(m.rows[3].testError);
  });
});
