import { insideLab } from '../../../core/labs/inside/lab';
import { labViewDefine } from '../lab-kit';
import { insideToolkit } from './toolkit';

export const view = labViewDefine(insideLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: insideToolkit,
});
