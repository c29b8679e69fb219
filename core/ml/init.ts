/**
 * Weight initializers for a dense layer W ∈ ℝ^{fanIn × fanOut}. Each fills a Float64Array in place
 * from a seeded Rng, so the same seed gives the same network everywhere. Biases are not touched
 * here (the MLP starts them at 0).
 */
import type { Rng } from '../math/rng';

/** Identifier of an initializer. */
export type InitId =
  'xavier-uniform' | 'he-normal' | 'he-uniform' | 'small-uniform' | 'large-uniform';

/** Human-readable name, TeX of the distribution and its variance, for the UI. */
export interface InitInfo {
  readonly id: InitId;
  readonly label: string;
  readonly tex: string;
}

/** Every initializer with its label and distribution (n_in = fan-in, n_out = fan-out). */
export const INITS: Readonly<Record<InitId, InitInfo>> = {
  'xavier-uniform': {
    id: 'xavier-uniform',
    label: 'Xavier / Glorot uniform',
    tex: 'W_{ij} \\sim \\mathcal U\\!\\left(-\\sqrt{\\tfrac{6}{n_{in}+n_{out}}},\\ \\sqrt{\\tfrac{6}{n_{in}+n_{out}}}\\right)',
  },
  'he-normal': {
    id: 'he-normal',
    label: 'He normal',
    tex: 'W_{ij} \\sim \\mathcal N\\!\\left(0,\\ \\tfrac{2}{n_{in}}\\right)',
  },
  'he-uniform': {
    id: 'he-uniform',
    label: 'He uniform',
    tex: 'W_{ij} \\sim \\mathcal U\\!\\left(-\\sqrt{\\tfrac{6}{n_{in}}},\\ \\sqrt{\\tfrac{6}{n_{in}}}\\right)',
  },
  'small-uniform': {
    id: 'small-uniform',
    label: 'Small uniform ±0.01',
    tex: 'W_{ij} \\sim \\mathcal U(-0.01,\\ 0.01)',
  },
  'large-uniform': {
    id: 'large-uniform',
    label: 'Large uniform ±2',
    tex: 'W_{ij} \\sim \\mathcal U(-2,\\ 2)',
  },
};

/**
 * Variance of one weight under initializer `id`: Xavier 2/(n_in+n_out), He 2/n_in,
 * small 0.01²/3, large 2²/3 (a uniform U(−a, a) has variance a²/3).
 */
export function initVariance(id: InitId, fanIn: number, fanOut: number): number {
  switch (id) {
    case 'xavier-uniform':
      return 2 / (fanIn + fanOut);
    case 'he-normal':
    case 'he-uniform':
      return 2 / fanIn;
    case 'small-uniform':
      return 0.01 ** 2 / 3;
    case 'large-uniform':
      return 4 / 3;
  }
}

/**
 * Fills `w` (length fanIn·fanOut, any layout) with independent draws from initializer `id`,
 * consuming draws from `rng` in index order.
 */
export function initFill(
  w: Float64Array,
  id: InitId,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): void {
  if (id === 'he-normal') {
    const sd = Math.sqrt(2 / fanIn);
    for (let i = 0; i < w.length; i++) w[i] = sd * rng.normal();
    return;
  }
  const a = Math.sqrt(3 * initVariance(id, fanIn, fanOut));
  for (let i = 0; i < w.length; i++) w[i] = a * (2 * rng.next() - 1);
}
