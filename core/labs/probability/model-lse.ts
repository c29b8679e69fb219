/**
 * The numbers of the log-sum-exp view: the inputs xᵢ = zᵢ/T + c, the naive and the stable
 * computation in float64, float32 and float16 with their errors against the float64 reference,
 * where exp overflows or rounds to 0 in each precision, and the cross-entropy gradient as float16
 * stores it (entries below 2⁻²⁵ ≈ 3 × 10⁻⁸ become 0).
 */
import {
  expLimits,
  PRECISION_LIMITS,
  PRECISIONS,
  type Precision,
} from '../../ml/probability-float';
import {
  gradientStored,
  lseEvaluate,
  lseReference,
  probabilityError,
  relativeError,
  type LseEvaluation,
  type LseMethod,
} from '../../ml/probability-precision';
import { crossEntropyGradient, targetSmoothed } from '../../ml/probability-softmax';
import type { ProbSoftmaxParams } from './params';

export interface LseRow extends LseEvaluation {
  /** Relative error of the LSE and the largest relative error of the probabilities (NaN if any is NaN). */
  lseError: number;
  probabilityError: number;
  /** Largest and smallest computed probability (NaN when one is NaN). */
  pMax: number;
  pMin: number;
}

export interface ProbLseModel {
  shift: number;
  /** xᵢ = zᵢ/T + c, in float64. */
  inputs: Float64Array;
  reference: { lse: number; probabilities: Float64Array };
  /** One row per precision and method, float64 first, naive before stable. */
  rows: LseRow[];
  /** Per precision: where exp(x) overflows and where it rounds to 0, and the format's limits. */
  limits: Record<
    Precision,
    {
      overflowAt: number;
      zeroBelow: number;
      max: number;
      minNormal: number;
      minSubnormal: number;
    }
  >;
  /** The CE gradient (s − y)/T in float64 and as float16 stores it. */
  gradient: Float64Array;
  gradient16: ReturnType<typeof gradientStored>;
}

let limitsCache: ProbLseModel['limits'] | null = null;

function limitsAll(): ProbLseModel['limits'] {
  if (!limitsCache) {
    const out = {} as ProbLseModel['limits'];
    for (const p of PRECISIONS) {
      const l = PRECISION_LIMITS[p];
      out[p] = {
        ...expLimits(p),
        max: l.max,
        minNormal: l.minNormal,
        minSubnormal: l.minSubnormal,
      };
    }
    limitsCache = out;
  }
  return limitsCache;
}

function extremes(p: Float64Array): { pMax: number; pMin: number } {
  let pMax = -Infinity;
  let pMin = Infinity;
  for (const v of p) {
    if (Number.isNaN(v)) return { pMax: NaN, pMin: NaN };
    pMax = Math.max(pMax, v);
    pMin = Math.min(pMin, v);
  }
  return { pMax, pMin };
}

export function probLseModel(sm: ProbSoftmaxParams, shift: number): ProbLseModel {
  const k = sm.logits.length;
  const inputs = new Float64Array(k);
  for (let i = 0; i < k; i++) inputs[i] = sm.logits[i] / sm.temperature + shift;
  const reference = lseReference(inputs);
  const rows: LseRow[] = [];
  for (const precision of PRECISIONS)
    for (const method of ['naive', 'stable'] as LseMethod[]) {
      const e = lseEvaluate(inputs, precision, method);
      rows.push({
        ...e,
        lseError: relativeError(e.lse, reference.lse),
        probabilityError: probabilityError(e.probabilities, reference.probabilities),
        ...extremes(e.probabilities),
      });
    }
  const y = targetSmoothed(k, Math.min(sm.target, k - 1), sm.smoothing);
  const gradient = crossEntropyGradient(sm.logits, y, sm.temperature);
  return {
    shift,
    inputs,
    reference,
    rows,
    limits: limitsAll(),
    gradient,
    gradient16: gradientStored(gradient, 'float16'),
  };
}
