/**
 * The Losses lab's side of the lecture toolkit: what a recording sweeps in each view, when the
 * lab is ready to record, and the data behind the view on screen as CSV and JSON.
 */
import { lossesLab } from '../../../core/labs/losses/lab';
import { classifyModel } from '../../../core/labs/losses/model-classify';
import { curvesModel, dKey } from '../../../core/labs/losses/model-curves';
import { fitModel, sweepRange } from '../../../core/labs/losses/model-fit';
import { likelihoodModel } from '../../../core/labs/losses/model-likelihood';
import { labToolkitCreate } from '../lab-kit';
import { useLossesStore } from './store';

type File = { name: string; mime: string; content: string };

const csv = (header: string[], rows: (number | string)[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
const json = (name: string, value: unknown): File => ({
  name,
  mime: 'application/json',
  content:
    JSON.stringify(value, (_, v) => (v instanceof Float64Array ? Array.from(v) : v), 2) + '\n',
});

/** A triangle wave in [0, 1]: 0 at t = 0, 1 at half the period. */
const triangle = (t: number, period: number) => {
  const phase = ((t / period) * 2) % 2;
  return phase <= 1 ? phase : 2 - phase;
};

function exportView(): File[] {
  const { params, influence, trained } = useLossesStore.getState();
  switch (params.view) {
    case 'curves': {
      const m = curvesModel(params);
      return [
        {
          name: 'losses-regression-curves.csv',
          mime: 'text/csv',
          content: csv(
            ['r', ...m.regressionIds.flatMap((id) => [id, `${id}_derivative`])],
            m.regressionRows.map((r) => [
              r.x,
              ...m.regressionIds.flatMap((id) => [r[id], r[dKey(id)]]),
            ]),
          ),
        },
        {
          name: 'losses-classification-curves.csv',
          mime: 'text/csv',
          content: csv(
            [
              params.curves.axis === 'margin' ? 'margin' : 'p_true_class',
              ...m.classificationIds.flatMap((id) => [id, `${id}_derivative`]),
            ],
            m.classificationRows.map((r) => [
              r.x,
              ...m.classificationIds.flatMap((id) => [r[id], r[dKey(id)]]),
            ]),
          ),
        },
        json('losses-cursors.json', {
          residual: m.residual,
          margin: m.margin,
          pTrueClass: m.p,
          regression: m.regressionAt,
          classification: m.classificationAt,
          delta: params.delta,
          tau: params.tau,
          gamma: params.gamma,
          alpha: params.alphaOn ? params.alpha : null,
        }),
      ];
    }
    case 'outliers': {
      const m = fitModel(params);
      const ids = Object.keys(m.fits) as (keyof typeof m.fits)[];
      return [
        {
          name: 'losses-fits.csv',
          mime: 'text/csv',
          content: csv(
            [
              'x',
              'y',
              'outlier',
              ...ids.flatMap((id) => [`${id}_fit`, `${id}_residual`]),
              `${params.fit.focus}_pull`,
            ],
            m.xs.map((x, i) => [
              x,
              m.ys[i],
              i === m.outlier ? 1 : 0,
              ...ids.flatMap((id) => [m.fits[id].predictions[i], m.fits[id].residuals[i]]),
              m.pulls[i],
            ]),
          ),
        },
        json('losses-fits.json', {
          degree: params.fit.degree,
          delta: params.delta,
          tau: params.tau,
          fits: ids.map((id) => ({
            loss: id,
            coefficients: m.fits[id].raw,
            meanLoss: m.fits[id].objective,
            method: m.fits[id].method,
            iterations: m.fits[id].iterations,
            optimality: m.fits[id].optimality,
            passesThrough: m.fits[id].active,
          })),
          scoreTable: m.table,
          outlierShareOfPull: m.outlierShare,
          influence: influence && { outlierY: influence.ys, fittedAtOutlierX: influence.fitted },
        }),
      ];
    }
    case 'likelihood': {
      const m = likelihoodModel(params);
      return [
        {
          name: 'losses-noise-densities.csv',
          mime: 'text/csv',
          content: csv(
            ['r', ...m.ids],
            m.densityRows.map((r) => [r.x, ...m.ids.map((id) => r[id])]),
          ),
        },
        json('losses-likelihood.json', {
          normalisers: m.normalisers,
          targets: m.targets,
          bestConstants: m.estimates,
          bernoulli: {
            p: m.bernoulli.p,
            minusLogP: m.bernoulli.nll1,
            minusLogOneMinusP: m.bernoulli.nll0,
          },
          categorical: m.categorical,
        }),
      ];
    }
    case 'classify': {
      const m = classifyModel(params, trained);
      const c = params.classify;
      return [
        {
          name: 'losses-classifier-points.csv',
          mime: 'text/csv',
          content: csv(
            ['x1', 'x2', 'label', 'margin', 'loss', 'dloss_dmargin', 'pull'],
            c.points.map((p, i) => [
              p[0],
              p[1],
              p[2],
              m.terms[i]?.margin ?? '',
              m.terms[i]?.loss ?? '',
              m.terms[i]?.slope ?? '',
              m.pulls[i] ?? '',
            ]),
          ),
        },
        json('losses-classifier.json', {
          loss: c.loss,
          step: m.step,
          weights: m.theta,
          objective: m.objective,
          misclassified: m.misclassified,
          insideMargin: m.insideMargin,
          easy: m.easy,
          easyShareOfPull: m.easyShare,
        }),
      ];
    }
  }
}

export const lossesToolkit = labToolkitCreate(lossesLab, useLossesStore, {
  /**
   * Deterministic time for recording, by view: the cursors sweep the curves' ranges (8 s there
   * and back); the outlier's y sweeps its range around the other points (12 s, starting level with
   * them), which the likelihood view shows as the mean chasing it and the median staying; the
   * classifier replays its training from step 0 (8 s) and holds the last step.
   */
  seek: (seconds) => {
    const s = useLossesStore.getState();
    const p = s.params;
    if (p.view === 'curves') {
      const u = triangle(seconds, 8);
      const range = p.curves.range;
      s.setParams({
        curves: {
          ...p.curves,
          residual: +(-range + 2 * range * u).toFixed(4),
          margin: +(-4 + 8 * u).toFixed(4),
        },
      });
    } else if (p.view === 'outliers' || p.view === 'likelihood') {
      const [lo, hi] = sweepRange(p.fit.inliers);
      const mid = p.fit.inliers.reduce((a, q) => a + q[1], 0) / p.fit.inliers.length;
      const y =
        mid +
        Math.sin((2 * Math.PI * seconds) / 12) *
          (Math.sin((2 * Math.PI * seconds) / 12) > 0 ? hi - mid : mid - lo);
      s.setParams({ fit: { ...p.fit, outlier: [p.fit.outlier[0], +y.toFixed(2)] } });
    } else {
      const u = Math.min(1, seconds / 8);
      s.setParams({ classify: { ...p.classify, step: Math.round(u * p.classify.steps) } });
    }
  },
  ready: () => {
    const s = useLossesStore.getState();
    if (s.params.view === 'outliers') return s.influenceStatus === 'ready';
    if (s.params.view === 'classify') return s.trainStatus === 'ready';
    return true;
  },
  exportData: exportView,
});
