import { lazy } from 'react';
import type { LabDefinition } from '../types';
import { descentToolkit } from './toolkit';

export const descentLab: LabDefinition = {
  id: 'descent',
  title: 'Descent',
  summary: 'Loss surfaces in 3D and the path gradient descent takes across them.',
  component: lazy(() => import('./Lab')),
  toolkit: descentToolkit,
};
