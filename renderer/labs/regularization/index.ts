import { regularizationLab } from '../../../core/labs/regularization/lab';
import { labViewDefine } from '../lab-kit';
import { regularizationToolkit } from './toolkit';

export const view = labViewDefine(regularizationLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: regularizationToolkit,
});
