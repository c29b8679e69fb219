/** One colour per quantity, the same in every view of the lab (Okabe–Ito, renderer/components/palette.ts). */
import { PALETTE_NAMED as C } from '../../components/palette';

export const BV_COLOR = {
  bias2: C.vermillion,
  variance: C.sky,
  noise: C.grey,
  predicted: C.yellow,
  test: C.orange,
  train: C.green,
  median: C.pink,
  truth: '#e6ebf5',
  fit: C.sky,
  center: C.orange,
} as const;

/** Axis, grid and muted text colours (the app's dark theme). */
export const INK = { axis: '#9aa6c0', grid: '#2a3550', text: '#e6ebf5' } as const;
