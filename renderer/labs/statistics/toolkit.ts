/**
 * The Statistics lab's side of the lecture toolkit: a recording sweeps the degree, the lab is
 * ready once compute answered for the params on screen, and the numbers behind the view export
 * as CSV (one row per degree; the curves of the degree looked at) and JSON.
 */
import { statisticsLab } from '../../../core/labs/statistics/lab';
import { bvModel } from '../../../core/labs/statistics/model';
import { labToolkitCreate } from '../lab-kit';
import { useStatsStore } from './store';
import { bvRunKey } from './use-bv-run';

/** Seconds each degree stays on screen in a recording. */
const SECONDS_PER_DEGREE = 0.8;

const csv = (header: string[], rows: (number | string)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

function exportView() {
  const s = useStatsStore.getState();
  const fresh = s.resultKey === bvRunKey(s.params) ? s.result : null;
  const m = bvModel(s.params.bv, fresh);
  const c = m.curves;
  const files = [
    {
      name: 'statistics-bias-variance.csv',
      mime: 'text/csv',
      content: csv(
        [
          'degree',
          'regime',
          'bias2',
          'variance',
          'noise',
          'predicted_test',
          'measured_test',
          'gap_sd',
          'train',
          'test_q10',
          'test_median',
          'test_q90',
          'exact_bias2',
          'exact_variance',
        ],
        m.rows.map((w) => [
          w.degree,
          w.regime,
          w.bias2,
          w.variance,
          w.noise,
          w.predicted,
          w.testError,
          w.gapSd,
          w.trainError,
          w.q10,
          w.median,
          w.q90,
          w.exact?.bias2 ?? '',
          w.exact?.variance ?? '',
        ]),
      ),
    },
  ];
  if (c)
    files.push({
      name: `statistics-fits-degree-${s.params.bv.degree}.csv`,
      mime: 'text/csv',
      content: csv(
        ['x', 'truth', c.centerIs, 'q10', 'q90', ...c.fits.map((_, k) => `fit_${k + 1}`)],
        Array.from(c.x, (x, t) => [
          x,
          c.truth[t],
          c.center[t],
          c.low[t],
          c.high[t],
          ...c.fits.map((f) => f[t]),
        ]),
      ),
    });
  files.push({
    name: 'statistics-settings.json',
    mime: 'application/json',
    content: JSON.stringify({ ...s.params, bestDegree: m.best }, null, 2) + '\n',
  });
  return files;
}

export const statisticsToolkit = labToolkitCreate(statisticsLab, useStatsStore, {
  /** Degree 0, 1, … up to 15 or n − 1, one every 0.8 s, then again from 0. */
  seek: (seconds) => {
    const s = useStatsStore.getState();
    const top = Math.min(15, s.params.bv.n - 1);
    // + 1e-9: 4.8 / 0.8 is 5.999… in floating point, and frame 144 at 30 fps must show degree 6.
    const degree = Math.floor(seconds / SECONDS_PER_DEGREE + 1e-9) % (top + 1);
    if (degree !== s.params.bv.degree) s.setParams((p) => ({ ...p, bv: { ...p.bv, degree } }));
  },
  ready: () => {
    const s = useStatsStore.getState();
    return s.status === 'ready' && s.resultKey === bvRunKey(s.params);
  },
  exportData: exportView,
});
