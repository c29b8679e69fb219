/**
 * What the activation alone says about the scalar chain h_k = f(w·h_{k−1}), k = 1…n:
 * ∂h_n/∂h_0 = Π w·f′(z_k), so if |f′| ≤ c everywhere then |∂h_n/∂h_0| ≤ (|w|·c)ⁿ.
 *
 * The constant c is exact and derived per activation (σ′ = σ(1−σ) ≤ ¼; tanh′ = 1 − tanh² ≤ 1;
 * ReLU′, leaky ReLU′, ELU′ (α = 1) and softplus′ = σ are at most 1; the identity's is 1). GELU,
 * its tanh approximation, Swish and Mish have f′ above 1 near z ≈ 1–2, so no bound with c ≤ 1
 * holds for them: the lab draws none and says why, with their largest f′ found numerically.
 */
import { ACTIVATIONS, type ActivationId } from '../ml/activations';

export interface GradientChainBound {
  /** c with |f′(z)| ≤ c for every z, or null when f′ exceeds 1 somewhere. */
  readonly slope: number | null;
  /** The bound (|w|·c)ⁿ in plain text, e.g. "(|w|/4)ⁿ"; '' when there is none. */
  readonly label: string;
  /** The factor inside the power as TeX, e.g. "\left(|w|/4\right)"; '' when there is none. */
  readonly texBase: string;
  /** Why it holds (or why there is none), in plain words with computed numbers. */
  readonly reason: string;
}

/** Largest |f′| on a fine grid over [−10, 10] and where it is (the peak of GELU-like f′). */
export function gradientChainSlopeMax(id: ActivationId): { max: number; at: number } {
  const df = ACTIVATIONS[id].df;
  let max = -Infinity;
  let at = 0;
  for (let i = 0; i <= 20_000; i++) {
    const z = -10 + i * 1e-3;
    const v = Math.abs(df(z));
    if (v > max) [max, at] = [v, z];
  }
  return { max, at };
}

const UNIT = { slope: 1, label: '|w|ⁿ', texBase: '|w|' } as const;

function boundOf(id: ActivationId): GradientChainBound {
  const leak = ACTIVATIONS['leaky-relu'].df(-1);
  switch (id) {
    case 'sigmoid':
      return {
        slope: 1 / 4,
        label: '(|w|/4)ⁿ',
        texBase: '\\left(|w|/4\\right)',
        reason: 'σ′(z) = σ(z)(1 − σ(z)) ≤ ¼, with equality only at z = 0.',
      };
    case 'tanh':
      return { ...UNIT, reason: 'tanh′(z) = 1 − tanh²(z) ≤ 1, with equality only at z = 0.' };
    case 'relu':
      return {
        ...UNIT,
        reason:
          'ReLU′(z) is 1 for z > 0 and 0 otherwise: the product is exactly |w|ⁿ while every zₖ > 0, and 0 from the first zₖ ≤ 0 on.',
      };
    case 'leaky-relu':
      return {
        ...UNIT,
        reason: `f′(z) is 1 for z > 0 and ${leak} otherwise, so each link scales by ${leak}·|w| or |w|.`,
      };
    case 'elu':
      return { ...UNIT, reason: 'ELU′(z) is 1 for z > 0 and eᶻ < 1 for z ≤ 0 (α = 1).' };
    case 'softplus':
      return { ...UNIT, reason: 'softplus′(z) = σ(z) < 1.' };
    case 'linear':
      return { ...UNIT, reason: 'f′ = 1: the product is exactly wⁿ, |w|ⁿ in size.' };
    default: {
      const { max, at } = gradientChainSlopeMax(id);
      return {
        slope: null,
        label: '',
        texBase: '',
        reason: `${ACTIVATIONS[id].label}′ rises above 1 (largest value ${max.toFixed(3)}, at z ≈ ${at.toFixed(2)}), so a link can amplify even with |w| = 1 and |w|ⁿ is no bound. No bound is drawn.`,
      };
    }
  }
}

const cache = new Map<ActivationId, GradientChainBound>();

/** The chain bound that holds for this activation (memoized). */
export function gradientChainBound(id: ActivationId): GradientChainBound {
  let b = cache.get(id);
  if (!b) cache.set(id, (b = boundOf(id)));
  return b;
}

/** (|w|·c)ⁿ for the activation's c, or null when it has no bound. */
export function gradientChainBoundValue(
  id: ActivationId,
  n: number,
  weight: number,
): number | null {
  const { slope } = gradientChainBound(id);
  return slope === null ? null : (Math.abs(weight) * slope) ** n;
}
