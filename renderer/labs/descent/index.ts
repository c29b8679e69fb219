import { descentLab } from '../../../core/labs/descent/lab';
import { labViewDefine } from '../lab-kit';
import { descentToolkit } from './toolkit';

export const view = labViewDefine(descentLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: descentToolkit,
});
