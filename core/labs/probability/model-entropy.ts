/**
 * The numbers of the entropy view: p and q from their weights, H(p), H(q), both cross-entropies,
 * both KL divergences with each outcome's term, in the chosen unit. H(p, q) = H(p) + KL(p‖q) is
 * what the stacked bars show; the model keeps the identity's two sides so a test can hold it.
 */
import {
  crossEntropy,
  distributionNormalize,
  entropy,
  klDivergence,
  klTerms,
  NATS_PER_BIT,
} from '../../ml/probability-info';
import type { ProbEntropyParams } from './params';

export interface ProbEntropyModel {
  k: number;
  p: Float64Array;
  q: Float64Array;
  units: 'nats' | 'bits';
  /** All in `units`. */
  hP: number;
  hQ: number;
  /** H(p, q) and H(q, p). */
  hPQ: number;
  hQP: number;
  klPQ: number;
  klQP: number;
  /** pᵢ log(pᵢ/qᵢ) and qᵢ log(qᵢ/pᵢ) per outcome, in `units`. */
  termsPQ: Float64Array;
  termsQP: Float64Array;
  /** log k: the entropy of the uniform distribution, in `units`. */
  hMax: number;
}

const uniform = (k: number) => new Float64Array(k).fill(1 / k);

export function probEntropyModel(e: ProbEntropyParams): ProbEntropyModel {
  const k = e.pairs.length;
  // The schema refuses all-zero weights; a uniform fallback keeps the model total anyway.
  const p = distributionNormalize(e.pairs.map((x) => x.p)) ?? uniform(k);
  const q = distributionNormalize(e.pairs.map((x) => x.q)) ?? uniform(k);
  const unit = e.units === 'bits' ? NATS_PER_BIT : 1;
  const scale = (a: Float64Array) => a.map((v) => v / unit);
  return {
    k,
    p,
    q,
    units: e.units,
    hP: entropy(p) / unit,
    hQ: entropy(q) / unit,
    hPQ: crossEntropy(p, q) / unit,
    hQP: crossEntropy(q, p) / unit,
    klPQ: klDivergence(p, q) / unit,
    klQP: klDivergence(q, p) / unit,
    termsPQ: scale(klTerms(p, q)),
    termsQP: scale(klTerms(q, p)),
    hMax: Math.log(k) / unit,
  };
}
