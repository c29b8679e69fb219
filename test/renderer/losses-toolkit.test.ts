// The Losses lab's toolkit under Node: what a recording's seek sweeps in each view (the cursors,
// the outlier's y, the training step), and the CSV/JSON export of the view on screen.
import { beforeEach, describe, expect, it } from 'vitest';
import { sweepRange } from '../../core/labs/losses/model-fit';
import { LOSSES_DEFAULTS } from '../../core/labs/losses/presets';
import type { LossesParams } from '../../core/labs/losses/params';
import { useLossesStore } from '../../renderer/labs/losses/store';
import { lossesToolkit } from '../../renderer/labs/losses/toolkit';

const show = (view: LossesParams['view']) =>
  useLossesStore.setState({ params: { ...LOSSES_DEFAULTS, view } });
const params = () => useLossesStore.getState().params;

beforeEach(() => show('curves'));

describe('seek', () => {
  it('curves: the cursors sweep the range, there and back in 8 s', () => {
    lossesToolkit.seek!(0);
    expect(params().curves.residual).toBe(-LOSSES_DEFAULTS.curves.range);
    lossesToolkit.seek!(4);
    expect(params().curves.residual).toBe(LOSSES_DEFAULTS.curves.range);
    expect(params().curves.margin).toBe(4);
    lossesToolkit.seek!(6);
    expect(params().curves.residual).toBe(0);
  });
  it('outliers: the outlier’s y starts level with the other points and swings over its sweep', () => {
    show('outliers');
    const [lo, hi] = sweepRange(LOSSES_DEFAULTS.fit.inliers);
    lossesToolkit.seek!(0);
    expect(params().fit.outlier).toEqual([5, 2.5]);
    lossesToolkit.seek!(3);
    expect(params().fit.outlier[1]).toBeCloseTo(hi, 2);
    lossesToolkit.seek!(9);
    expect(params().fit.outlier[1]).toBeCloseTo(lo, 2);
    // The outlier's x and the other points stay.
    expect(params().fit.inliers).toEqual(LOSSES_DEFAULTS.fit.inliers);
  });
  it('classify: replays training from step 0 to the last in 8 s, then holds', () => {
    show('classify');
    lossesToolkit.seek!(0);
    expect(params().classify.step).toBe(0);
    lossesToolkit.seek!(4);
    expect(params().classify.step).toBe(LOSSES_DEFAULTS.classify.steps / 2);
    lossesToolkit.seek!(20);
    expect(params().classify.step).toBe(LOSSES_DEFAULTS.classify.steps);
  });
  it('ready waits for compute in the views that use it', () => {
    expect(lossesToolkit.ready!()).toBe(true);
    show('outliers');
    useLossesStore.setState({ influenceStatus: 'computing' });
    expect(lossesToolkit.ready!()).toBe(false);
    useLossesStore.setState({ influenceStatus: 'ready' });
    expect(lossesToolkit.ready!()).toBe(true);
  });
});

describe('export', () => {
  it('outliers: every point with each fit and residual; the JSON has the fits and the score table', () => {
    show('outliers');
    const [csv, json] = lossesToolkit.exportData!();
    expect(csv.name).toBe('losses-fits.csv');
    const rows = csv.content.trim().split('\n');
    expect(rows).toHaveLength(6);
    expect(rows[0].split(',').slice(0, 5)).toEqual([
      'x',
      'y',
      'outlier',
      'mse_fit',
      'mse_residual',
    ]);
    // The outlier (5, 100) on the MSE line −38 + 20x: 62, residual 38.
    const last = rows[5].split(',').map(Number);
    expect(last.slice(0, 3)).toEqual([5, 100, 1]);
    expect(last[3]).toBeCloseTo(62, 9);
    expect(last[4]).toBeCloseTo(38, 9);
    const data = JSON.parse(json.content);
    expect(data.fits.find((f: { loss: string }) => f.loss === 'mae').coefficients[1]).toBeCloseTo(
      1,
      9,
    );
    expect(data.scoreTable.at(-1).row).toBe('seed');
    expect(data.scoreTable.at(-1).scores.mse).toBeCloseTo(1824.07, 9);
  });
  it('curves: ρ and ρ′ of every shown loss on the plotted grid', () => {
    const [reg, cls, cursors] = lossesToolkit.exportData!();
    const rows = reg.content.trim().split('\n');
    expect(rows[0].startsWith('r,mse,mse_derivative,mae,mae_derivative')).toBe(true);
    const mid = rows[121].split(',').map(Number);
    expect(mid[0]).toBe(0);
    expect(cls.content.split('\n')[0].startsWith('margin,logistic,logistic_derivative')).toBe(true);
    expect(JSON.parse(cursors.content).residual).toBe(1.5);
  });
  it('classify: one row per point, empty terms until compute has trained', () => {
    show('classify');
    useLossesStore.setState({ trained: null });
    const [csv] = lossesToolkit.exportData!();
    expect(csv.content.trim().split('\n')).toHaveLength(LOSSES_DEFAULTS.classify.points.length + 1);
  });
});
