import { lossesLab } from '../../../core/labs/losses/lab';
import { labViewDefine } from '../lab-kit';
import { lossesToolkit } from './toolkit';

export const view = labViewDefine(lossesLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: lossesToolkit,
});
