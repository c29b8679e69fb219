import { lazy } from 'react';
import type { LabDefinition } from '../types';
import { regularizationToolkit } from './toolkit';

export const regularizationLab: LabDefinition = {
  id: 'regularization',
  title: 'Regularization',
  summary:
    'L1 diamonds, L2 balls and the elastic net between them: where the error ellipses touch, why lasso gives exact zeros, and the λ that links penalty, constraint and prior.',
  component: lazy(() => import('./Lab')),
  thumbnail: lazy(() => import('./Thumbnail')),
  toolkit: regularizationToolkit,
};
