/** The Regularization lab's side of the lecture toolkit: scene capture/restore and data export. */
import { regularizationLab } from '../../../core/labs/regularization/lab';
import { regLabModel } from '../../../core/labs/regularization/model';
import { labToolkitCreate } from '../lab-kit';
import { useRegStore } from './store';

function csvPaths(): string {
  const rows = ['method,alpha,lambda,coefficient,value,nonzero,train_mse,test_mse'];
  for (const f of useRegStore.getState().paths) {
    const p = f.coefs.length / f.lambdas.length;
    f.lambdas.forEach((lambda, k) => {
      for (let j = 0; j < p; j++)
        rows.push(
          [
            f.method,
            f.alpha,
            lambda,
            `w${j + 1}`,
            f.coefs[k * p + j],
            f.nonzero[k],
            f.trainMse[k],
            f.testMse[k],
          ].join(','),
        );
    });
  }
  return rows.join('\n') + '\n';
}

function jsonSolution(): string {
  const m = regLabModel(useRegStore.getState().params);
  const s = m.solution;
  return JSON.stringify(
    {
      objective: '(1/2n)||y - Xw||^2 + lambda * (alpha*||w||_1 + (1 - alpha)/2 * ||w||_2^2)',
      params: m.params,
      leastSquares: Array.from(m.ols),
      t: m.t,
      optimum: Array.from(s.w),
      lambda: s.lambda,
      exactZeros: s.zeros,
      kktResidual: s.stationarity,
      prior: m.prior,
    },
    null,
    2,
  );
}

export const regularizationToolkit = labToolkitCreate(regularizationLab, useRegStore, {
  /**
   * Deterministic time for recording: the constraint budget t sweeps from 5 % to 100 % of the
   * least-squares penalty in 10 s and back, so the optimum slides along its path (and, for L1,
   * coordinates hit exactly zero on the way down). The lab keeps the last t afterwards.
   */
  seek: (seconds) => {
    const phase = (seconds / 10) % 2;
    const u = phase <= 1 ? phase : 2 - phase;
    useRegStore.getState().setParams({ tFraction: +(0.05 + 0.95 * u).toFixed(6) });
  },
  ready: () => useRegStore.getState().pathStatus === 'ready',
  exportData: () => [
    { name: 'regularization-paths.csv', mime: 'text/csv', content: csvPaths() },
    { name: 'regularization-solution.json', mime: 'application/json', content: jsonSolution() },
  ],
});
