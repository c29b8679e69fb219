import { lazy } from 'react';
import type { LabDefinition } from '../types';
import { activationsToolkit } from './toolkit';

export const activationsLab: LabDefinition = {
  id: 'activations',
  title: 'Activations',
  summary:
    'Activation functions beside their derivatives, and how gradients vanish or explode through a deep network.',
  component: lazy(() => import('./Lab')),
  thumbnail: lazy(() => import('./Thumbnail')),
  toolkit: activationsToolkit,
};
