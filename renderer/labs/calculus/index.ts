import { calculusLab } from '../../../core/labs/calculus/lab';
import { labViewDefine } from '../lab-kit';
import { calculusToolkit } from './toolkit';

export const view = labViewDefine(calculusLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: calculusToolkit,
});
