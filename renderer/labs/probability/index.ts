import { probabilityLab } from '../../../core/labs/probability/lab';
import { labViewDefine } from '../lab-kit';
import { probabilityToolkit } from './toolkit';

export const view = labViewDefine(probabilityLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: probabilityToolkit,
});
