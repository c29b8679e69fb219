/**
 * Information-theory identities of the Probability lab: cross-entropy is entropy plus KL
 * divergence, KL(p‖p) = 0, and the uniform distribution's entropy is log k.
 */
import { rngCreate } from '../math/rng';
import { crossEntropy, entropy, klDivergence } from '../ml/probability-info';
import { softmax } from '../ml/probability-softmax';
import type { VerifyCheck, VerifyMeasured } from './verify-types';

/** A random distribution over k outcomes: softmax of normals of the given scale. */
function distribution(seed: number, k: number, scale: number): Float64Array {
  const rng = rngCreate(seed);
  return softmax(Float64Array.from({ length: k }, () => scale * rng.normal()));
}

function identityMeasure(): VerifyMeasured {
  let error = 0;
  let count = 0;
  for (const k of [2, 5, 10]) {
    for (const scale of [0.5, 2, 6]) {
      for (let seed = 0; seed < 4; seed++) {
        const p = distribution(300 + seed, k, scale);
        const q = distribution(400 + seed, k, scale);
        const gap = crossEntropy(p, q) - entropy(p) - klDivergence(p, q);
        error = Math.max(error, Math.abs(gap), klDivergence(p, p));
        count += 2;
      }
    }
    const uniform = new Float64Array(k).fill(1 / k);
    error = Math.max(error, Math.abs(entropy(uniform) - Math.log(k)));
    count++;
  }
  return { error, count };
}

/** The Probability lab's identity checks. */
export const VERIFY_INFO_CHECKS: readonly VerifyCheck[] = [
  {
    id: 'entropy-kl-identity',
    lab: 'probability',
    name: 'Cross-entropy = entropy + KL divergence',
    compares:
      '|H(p, q) − H(p) − KL(p‖q)| and KL(p‖p) for 36 random pairs, and H(uniform) against log k',
    measure: 'absolute',
    tolerance: 1e-13,
    formulas: ['probability/entropy', 'probability/kl'],
    run: () => identityMeasure(),
  },
];
