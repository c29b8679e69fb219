import { networksLab } from '../../../core/labs/networks/lab';
import { labViewDefine } from '../lab-kit';
import { networksToolkit } from './toolkit';

export const view = labViewDefine(networksLab, {
  component: () => import('./Lab'),
  thumbnail: () => import('./Thumbnail'),
  toolkit: networksToolkit,
});
