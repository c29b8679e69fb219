import { activationsLab } from '../../../core/labs/activations/lab';
import { labViewDefine } from '../lab-kit';
import { activationsToolkit } from './toolkit';

export const view = labViewDefine(activationsLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: activationsToolkit,
});
