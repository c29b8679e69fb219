import { lazy } from 'react';
import type { LabDefinition } from '../types';
import { descentToolkit } from './toolkit';

export const descentLab: LabDefinition = {
  id: 'descent',
  title: 'Descent',
  summary:
    'Loss surfaces in 3D — built in, typed by you, or made from data — with up to eight optimizers racing across them.',
  component: lazy(() => import('./Lab')),
  thumbnail: lazy(() => import('./Thumbnail')),
  toolkit: descentToolkit,
};
