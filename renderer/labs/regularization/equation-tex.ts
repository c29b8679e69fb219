/**
 * KaTeX sources for the lab's live equations, built from the current model so that a formula can
 * never disagree with what is drawn. Numbers go through texNum (4 significant digits).
 */
import { regCoordinateInput } from '../../../core/ml/regularization-solve';
import { regSoftThreshold } from '../../../core/ml/regularization';
import { texNum } from '../../components/Tex';
import type { RegLabModel } from '../../../core/labs/regularization/model';
import { W_OPT_TEX } from './names';

/** "+ 0.5" or "- 0.5" for continuing a sum. */
function signed(v: number): string {
  return v < 0 ? `- ${texNum(-v)}` : `+ ${texNum(v)}`;
}

/** λ as shown: ∞ when no finite multiplier exists. */
export function lambdaTex(lambda: number): string {
  return Number.isFinite(lambda) ? texNum(lambda) : '\\infty';
}

/** The penalty P_α written for the current α (lasso and ridge get their short forms). */
export function penaltyTex(alpha: number): string {
  if (alpha === 1) return '\\lVert w\\rVert_1';
  if (alpha === 0) return '\\tfrac12\\lVert w\\rVert_2^2';
  return `${texNum(alpha)}\\lVert w\\rVert_1 + ${texNum((1 - alpha) / 2)}\\lVert w\\rVert_2^2`;
}

/** The penalized objective with its current value. */
export function objectiveTex(m: RegLabModel): string {
  const { n, alpha } = m.params;
  const lam = m.solution.lambda;
  const value = Number.isFinite(lam)
    ? `= ${texNum(m.lossAtOptimum)} + ${texNum(lam)}\\cdot ${texNum(m.solution.penalty)} = ${texNum(
        m.lossAtOptimum + lam * m.solution.penalty,
      )}`
    : '';
  return `\\min_w\\ \\tfrac{1}{2\\cdot ${n}}\\lVert y - Xw\\rVert^2 + ${lambdaTex(lam)}\\,\\big(${penaltyTex(
    alpha,
  )}\\big)\\ ${value}`;
}

/** The constraint form and its multiplier. */
export function constraintTex(m: RegLabModel): string {
  const s = m.solution;
  const status = s.active
    ? `\\text{binding: } \\lambda^\\star = ${lambdaTex(s.lambda)}`
    : '\\text{slack: } \\lambda^\\star = 0';
  return `${W_OPT_TEX} = \\arg\\min_w L(w)\\ \\text{s.t.}\\ P_{${texNum(m.params.alpha)}}(w) \\le t = ${texNum(m.t)}\\quad ${status}`;
}

/** One KKT line per coordinate: stationarity where w_j ≠ 0, the subgradient bound where w_j = 0. */
export function kktTex(m: RegLabModel): string[] {
  const { alpha } = m.params;
  const lam = m.solution.lambda;
  if (!Number.isFinite(lam)) return ['\\text{no finite multiplier at } t = 0 \\text{ for L2}'];
  return [0, 1].map((j) => {
    const k = j + 1;
    const g = m.gradient[j];
    const w = m.solution.w[j];
    if (w === 0) {
      return `w_${k} = 0:\\ \\lvert \\partial_${k} L\\rvert = ${texNum(Math.abs(g))} \\le \\lambda\\alpha = ${texNum(lam * alpha)}`;
    }
    const ridge = lam * (1 - alpha) * w;
    const l1 = lam * alpha * Math.sign(w);
    return `\\partial_${k} L + \\lambda(1-\\alpha)w_${k} + \\lambda\\alpha\\,\\mathrm{sign}(w_${k}) = ${texNum(g)} ${signed(ridge)} ${signed(l1)} = ${texNum(g + ridge + l1, 2)}`;
  });
}

/** The soft-threshold form of each coordinate's optimality, with the current numbers. */
export function softThresholdTex(m: RegLabModel): string[] {
  const { alpha } = m.params;
  const lam = m.solution.lambda;
  if (!Number.isFinite(lam)) return [];
  const gamma = lam * alpha;
  return [0, 1].map((j) => {
    const k = j + 1;
    const z = regCoordinateInput(m.stats, m.solution.w, j);
    const num = regSoftThreshold(z, gamma);
    const den = m.stats.gram[j * m.stats.p + j] + lam * (1 - alpha);
    return `w_${k} = \\frac{S(z_${k}, \\lambda\\alpha)}{A_{${k}${k}} + \\lambda(1-\\alpha)} = \\frac{S(${texNum(z)}, ${texNum(gamma)})}{${texNum(den)}} = \\frac{${texNum(num)}}{${texNum(den)}} = ${texNum(num / den)}`;
  });
}

/** The operator itself. */
export const SOFT_THRESHOLD_DEF =
  'S(z, \\gamma) = \\operatorname{sign}(z)\\max(\\lvert z\\rvert - \\gamma,\\ 0),\\quad z_j = b_j - \\textstyle\\sum_{k\\ne j} A_{jk} w_k';
