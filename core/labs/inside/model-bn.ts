/**
 * Every number and formula of the batch-norm view, for one feature (one unit's pre-activation)
 * over a minibatch x₁ … x_B, with the Networks lab's batch norm (core/ml/batch-norm.ts):
 *   μ_B = (1/B) Σ xᵢ,  σ²_B = (1/B) Σ (xᵢ − μ_B)²  (biased, used to normalise)
 *   x̂ᵢ = (xᵢ − μ_B)/√(σ²_B + ε),  yᵢ = γ x̂ᵢ + β                       (train mode)
 *   μ̄ ← (1 − m) μ̄ + m μ_B,  σ̄² ← (1 − m) σ̄² + m σ²_B · B/(B − 1)      (PyTorch's rule)
 *   yᵢ = γ (xᵢ − μ̄)/√(σ̄² + ε) + β                                     (inference mode)
 * The running statistics start at μ̄ = 0, σ̄² = 1 and first see `history` earlier batches of the
 * same size drawn from N(dataMean, dataStd²) (seeded), then the batch shown. A batch of one has no
 * spread: every x̂ is 0, and PyTorch refuses it in train mode, so the running statistics keep.
 */
import {
  batchNormCacheCreate,
  batchNormForwardInference,
  batchNormForwardTrain,
  batchNormRunningUpdate,
} from '../../ml/batch-norm';
import { rngCreate } from '../../math/rng';
import type { BnParams } from './params';
import { texNum, texFactor } from '../../math/num-format';

/** ε inside the square root, PyTorch's default. */
export const BN_EPS = 1e-5;

export interface BnModel {
  readonly x: readonly number[];
  readonly mean: number;
  /** Biased batch variance. */
  readonly variance: number;
  /** σ²_B·B/(B − 1), NaN for B = 1. */
  readonly unbiased: number;
  readonly xhat: readonly number[];
  readonly yTrain: readonly number[];
  /** Running statistics before and after this batch, and the means of the earlier batches. */
  readonly runningBefore: { readonly mean: number; readonly variance: number };
  readonly runningAfter: { readonly mean: number; readonly variance: number };
  readonly history: readonly { readonly mean: number; readonly variance: number }[];
  readonly yEval: readonly number[];
  /** B = 1: no update (PyTorch refuses the batch in train mode). */
  readonly single: boolean;
  readonly tex: {
    readonly mean: string;
    readonly variance: string;
    readonly normalise: string;
    readonly scale: string;
    readonly runningMean: string;
    readonly runningVar: string;
    readonly eval: string;
  };
}

/** The model for the view's params (seed: the lab's, for the earlier batches). */
export function bnModel(p: BnParams, seed: number): BnModel {
  const B = p.x.length;
  const gamma = Float64Array.of(p.gamma);
  const beta = Float64Array.of(p.beta);
  const cache = batchNormCacheCreate(B, 1);
  const y = new Float64Array(B);
  const runMean = Float64Array.of(0);
  const runVar = Float64Array.of(1);
  const history: { mean: number; variance: number }[] = [];
  const rng = rngCreate(seed);
  const earlier = new Float64Array(B);
  for (let k = 0; k < p.history; k++) {
    for (let i = 0; i < B; i++) earlier[i] = p.dataMean + p.dataStd * rng.normal();
    batchNormForwardTrain(earlier, B, 1, gamma, beta, BN_EPS, cache, y);
    batchNormRunningUpdate(runMean, runVar, cache, B, p.momentum);
    history.push({ mean: runMean[0], variance: runVar[0] });
  }
  const before = { mean: runMean[0], variance: runVar[0] };
  const x = Float64Array.from(p.x);
  batchNormForwardTrain(x, B, 1, gamma, beta, BN_EPS, cache, y);
  const mean = cache.mean[0];
  const variance = cache.variance[0];
  const xhat = Array.from(cache.xhat.subarray(0, B));
  const yTrain = Array.from(y);
  batchNormRunningUpdate(runMean, runVar, cache, B, p.momentum);
  const after = { mean: runMean[0], variance: runVar[0] };
  const yEvalArr = new Float64Array(B);
  batchNormForwardInference(x, B, 1, gamma, beta, runMean, runVar, BN_EPS, yEvalArr);
  const unbiased = B > 1 ? (variance * B) / (B - 1) : NaN;
  const m = texNum(p.momentum);
  // "1.5 - 0.5 + 2": each term with its own sign.
  const list = (v: readonly number[]) =>
    v.map((t, k) => (k === 0 ? texNum(t) : t < 0 ? `- ${texNum(-t)}` : `+ ${texNum(t)}`)).join(' ');
  const sq = p.x.map((t) => `(${texNum(t)} - ${texNum(mean)})^2`).join(' + ');
  return {
    x: p.x,
    mean,
    variance,
    unbiased,
    xhat,
    yTrain,
    runningBefore: before,
    runningAfter: after,
    history,
    yEval: Array.from(yEvalArr),
    single: B < 2,
    tex: {
      mean: `\\mu_B = \\tfrac1{${B}}(${list(p.x)}) = ${texNum(mean)}`,
      variance: `\\sigma_B^2 = \\tfrac1{${B}}\\big(${B > 4 ? `\\textstyle\\sum_i (x_i - ${texNum(mean)})^2` : sq}\\big) = ${texNum(variance)}`,
      normalise: `\\hat x_i = \\frac{x_i - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}} = \\frac{x_i - ${texFactor(mean)}}{\\sqrt{${texNum(variance)} + 10^{-5}}}`,
      scale: `y_i = \\gamma\\,\\hat x_i + \\beta = ${texFactor(p.gamma)}\\,\\hat x_i + ${texFactor(p.beta)}`,
      runningMean:
        B < 2
          ? `\\bar\\mu = ${texNum(before.mean)}\\ \\text{(kept: one sample has no spread)}`
          : `\\bar\\mu \\leftarrow (1-${m})\\cdot${texFactor(before.mean)} + ${m}\\cdot${texFactor(mean)} = ${texNum(after.mean)}`,
      runningVar:
        B < 2
          ? `\\bar\\sigma^2 = ${texNum(before.variance)}`
          : `\\bar\\sigma^2 \\leftarrow (1-${m})\\cdot${texNum(before.variance)} + ${m}\\cdot${texNum(variance)}\\cdot\\tfrac{${B}}{${B - 1}} = ${texNum(after.variance)}`,
      eval: `y_i = \\gamma\\,\\frac{x_i - \\bar\\mu}{\\sqrt{\\bar\\sigma^2 + \\varepsilon}} + \\beta = ${texFactor(p.gamma)}\\cdot\\frac{x_i - ${texFactor(after.mean)}}{\\sqrt{${texNum(after.variance)} + 10^{-5}}} + ${texFactor(p.beta)}`,
    },
  };
}
