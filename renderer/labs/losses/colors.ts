/**
 * One colour and one name per loss, the same in every view of the Losses lab (Okabe–Ito, from
 * renderer/components/palette.ts), and the two class colours of the classifier.
 */
import type { MarginLossId } from '../../../core/ml/losses-classification';
import type { RegressionLossId } from '../../../core/ml/losses-regression';
import type { LossId } from '../../../core/labs/losses/params';
import { PALETTE_NAMED as C } from '../../components/palette';

export const LOSS_COLOR: Record<LossId, string> = {
  mse: C.vermillion,
  mae: C.sky,
  huber: C.green,
  logcosh: C.pink,
  quantile: C.yellow,
  logistic: C.orange,
  hinge: C.sky,
  'squared-hinge': C.blue,
  focal: C.green,
  exponential: C.pink,
  'zero-one': C.grey,
};

const REGRESSION_NAME: Record<RegressionLossId, string> = {
  mse: 'MSE',
  mae: 'MAE',
  huber: 'Huber',
  logcosh: 'log-cosh',
  quantile: 'Quantile',
};
const MARGIN_NAME: Record<MarginLossId, string> = {
  logistic: 'Logistic (BCE)',
  hinge: 'Hinge',
  'squared-hinge': 'Squared hinge',
  focal: 'Focal',
  exponential: 'Exponential',
  'zero-one': 'Zero-one',
};
export const LOSS_NAME: Record<LossId, string> = { ...REGRESSION_NAME, ...MARGIN_NAME };

/** Class +1 and class −1 of the classifier's points. */
export const CLASS_COLOR = { pos: C.orange, neg: C.sky } as const;

/** Axis, grid and muted text colours of the lab's SVG plots (the app's dark theme). */
export const INK = { axis: '#9aa6c0', grid: '#2a3550', zero: '#56607a', text: '#e6ebf5' } as const;
