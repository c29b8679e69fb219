/** The Regularization lab's side of the lecture toolkit: scene capture/restore and data export. */
import type { LabToolkit } from '../types';
import { regLabModel } from './model';
import { regLabParamsSchema } from './params';
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

export const regularizationToolkit: LabToolkit = {
  paramsSchema: regLabParamsSchema,
  capture: () => {
    const params = useRegStore.getState().params;
    return { params, seed: params.seed };
  },
  apply: (snapshot) => {
    const params = regLabParamsSchema.parse(snapshot.params);
    useRegStore.setState({ params: { ...params, seed: snapshot.seed } });
  },
  ready: () => useRegStore.getState().pathStatus === 'ready',
  exportData: () => [
    { name: 'regularization-paths.csv', mime: 'text/csv', content: csvPaths() },
    { name: 'regularization-solution.json', mime: 'application/json', content: jsonSolution() },
  ],
};
