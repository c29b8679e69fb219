import { statisticsLab } from '../../../core/labs/statistics/lab';
import { labViewDefine } from '../lab-kit';
import { statisticsToolkit } from './toolkit';

export const view = labViewDefine(statisticsLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: statisticsToolkit,
});
