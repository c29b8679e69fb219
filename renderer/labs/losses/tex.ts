/**
 * Each loss's formula and derivative in TeX, with the lab's current δ, τ, γ and α written in, and
 * the same evaluated at a cursor. The numbers come from the models (core/labs/losses); only the
 * notation lives here.
 */
import type { LossId } from '../../../core/labs/losses/params';
import { texNum } from '../../components/Tex';

export interface Shapes {
  delta: number;
  tau: number;
  gamma: number;
  alpha: number | null;
}

/** The general formula: the loss, then its derivative (the stated subgradient at kinks). */
export function lossTex(id: LossId, s: Shapes): [string, string] {
  const d = texNum(s.delta);
  const t = texNum(s.tau);
  switch (id) {
    case 'mse':
      return ['\\rho(r) = r^2', "\\rho'(r) = 2r"];
    case 'mae':
      return [
        '\\rho(r) = |r|',
        "\\rho'(r) = \\operatorname{sign} r,\\; \\operatorname{sign} 0 = 0",
      ];
    case 'huber':
      return [
        `\\rho_{\\delta}(r) = \\begin{cases} \\tfrac12 r^2 & |r| \\le \\delta \\\\ \\delta\\,(|r| - \\tfrac12\\delta) & |r| > \\delta \\end{cases},\\; \\delta = ${d}`,
        "\\rho_{\\delta}'(r) = \\max(-\\delta, \\min(\\delta, r))",
      ];
    case 'logcosh':
      return ['\\rho(r) = \\log\\cosh r', "\\rho'(r) = \\tanh r"];
    case 'quantile':
      return [
        `\\rho_{\\tau}(r) = \\max(\\tau r, (\\tau - 1) r),\\; \\tau = ${t}`,
        "\\rho_{\\tau}'(r) = \\tau \\ (r > 0),\\; \\tau - 1 \\ (r < 0),\\; 0 \\ (r = 0)",
      ];
    case 'logistic':
      return ['\\ell(m) = \\log(1 + e^{-m}) = -\\log p', "\\ell'(m) = -\\sigma(-m) = p - 1"];
    case 'hinge':
      return ['\\ell(m) = \\max(0, 1 - m)', "\\ell'(m) = -1 \\ (m < 1),\\; 0 \\ (m \\ge 1)"];
    case 'squared-hinge':
      return ['\\ell(m) = \\max(0, 1 - m)^2', "\\ell'(m) = -2\\max(0, 1 - m)"];
    case 'focal': {
      const a = s.alpha === null ? '' : `\\alpha_t`;
      return [
        `\\ell(m) = -${a}(1 - p)^{\\gamma}\\log p,\\; \\gamma = ${texNum(s.gamma)}${s.alpha === null ? '' : `,\\; \\alpha = ${texNum(s.alpha)}`}`,
        `\\ell'(m) = ${a}(1 - p)^{\\gamma}\\,(\\gamma\\, p\\log p - (1 - p))`,
      ];
    }
    case 'exponential':
      return ['\\ell(m) = e^{-m}', "\\ell'(m) = -e^{-m}"];
    case 'zero-one':
      return ['\\ell(m) = 1 \\ (m \\le 0),\\; 0 \\ (m > 0)', "\\ell'(m) = 0"];
  }
}

const REGRESSION: LossId[] = ['mse', 'mae', 'huber', 'logcosh', 'quantile'];

/** The loss and its derivative evaluated at the cursor (r, or m with p = σ(m) of the true class). */
export function lossAtTex(
  id: LossId,
  x: number,
  value: number,
  derivative: number,
  axis: 'margin' | 'probability',
  p: number,
): string {
  if (REGRESSION.includes(id)) {
    const r = texNum(x);
    return `\\rho(${r}) = ${texNum(value)},\\quad \\rho'(${r}) = ${texNum(derivative)}`;
  }
  const m = texNum(x);
  const at = `m = ${m},\\; p = \\sigma(m) = ${texNum(p)}`;
  const d =
    axis === 'margin'
      ? `\\ell'(m) = ${texNum(derivative)}`
      : `\\tfrac{d\\ell}{dp} = ${texNum(derivative)}`;
  return `${at}:\\quad \\ell = ${texNum(value)},\\quad ${d}`;
}

/** The mean over samples and the gradient with its 1/n, for the regression and the margin losses. */
export const MEAN_TEX = {
  regression:
    "L = \\frac1n\\sum_{i} \\rho(y_i - \\hat y_i),\\quad \\frac{\\partial L}{\\partial \\hat y_i} = -\\frac{\\rho'(r_i)}{n}",
  classification:
    "L = \\frac1n\\sum_{i} \\ell(y_i s_i),\\quad \\frac{\\partial L}{\\partial s_i} = \\frac{y_i\\,\\ell'(m_i)}{n}",
} as const;
