/**
 * Calibration of a classifier's confidence: the reliability diagram (accuracy against mean
 * confidence in equal-width confidence bins), the expected calibration error
 * ECE = Σ_b (n_b / N)·|acc_b − conf_b| and the maximum calibration error MCE = max_b |acc_b − conf_b|
 * over non-empty bins; the negative log-likelihood; and temperature scaling, which divides every
 * logit by one T fitted by minimising the NLL on held-out examples (it never changes which class
 * is predicted, only how sure the network says it is).
 *
 * Confidence is the largest softmax probability; bin b holds confidences in [b/M, (b+1)/M), the
 * last bin also 1.
 */
import type { CalSet } from './probability-calibration-data';

export interface CalPredictions {
  /** Largest probability of softmax(z / T) per example. */
  confidence: Float64Array;
  /** 1 when the predicted class is the label, else 0. */
  correct: Float64Array;
  /** Mean negative log-likelihood of the labels, −mean log softmax(z/T)_y. */
  nll: number;
}

/** Confidence and correctness of every example at temperature T, and the NLL (one pass of exp). */
export function calPredict(set: CalSet, temperature = 1): CalPredictions {
  const { n, k, logits, labels } = set;
  const confidence = new Float64Array(n);
  const correct = new Float64Array(n);
  let nll = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let best = 0;
    for (let j = 1; j < k; j++) if (logits[o + j] > logits[o + best]) best = j;
    let sum = 0;
    const top = logits[o + best] / temperature;
    for (let j = 0; j < k; j++) sum += Math.exp(logits[o + j] / temperature - top);
    confidence[i] = 1 / sum;
    correct[i] = best === labels[i] ? 1 : 0;
    nll += top + Math.log(sum) - logits[o + labels[i]] / temperature;
  }
  return { confidence, correct, nll: nll / n };
}

export interface CalBin {
  lo: number;
  hi: number;
  count: number;
  /** Mean correctness and mean confidence of the bin (NaN when empty). */
  accuracy: number;
  confidence: number;
}

export interface CalReliability {
  bins: CalBin[];
  ece: number;
  mce: number;
  accuracy: number;
  meanConfidence: number;
  n: number;
}

/** The reliability diagram's bins and the ECE / MCE of confidences against correctness. */
export function calReliability(p: CalPredictions, binCount: number): CalReliability {
  const n = p.confidence.length;
  const count = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  const conf = new Float64Array(binCount);
  let hitsAll = 0;
  let confAll = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.min(binCount - 1, Math.floor(p.confidence[i] * binCount));
    count[b]++;
    hits[b] += p.correct[i];
    conf[b] += p.confidence[i];
    hitsAll += p.correct[i];
    confAll += p.confidence[i];
  }
  const bins: CalBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < binCount; b++) {
    const c = count[b];
    const accuracy = c > 0 ? hits[b] / c : NaN;
    const confidence = c > 0 ? conf[b] / c : NaN;
    bins.push({ lo: b / binCount, hi: (b + 1) / binCount, count: c, accuracy, confidence });
    if (c > 0) {
      const gap = Math.abs(accuracy - confidence);
      ece += (c / n) * gap;
      mce = Math.max(mce, gap);
    }
  }
  return { bins, ece, mce, accuracy: hitsAll / n, meanConfidence: confAll / n, n };
}

/**
 * Mean NLL at inverse temperature a = 1/T, with its first and second derivatives in a:
 * f(a) = mean[LSE(a·zᵢ) − a·z_{i,yᵢ}], f′(a) = mean[E_s(zᵢ) − z_{i,yᵢ}], f″(a) = mean[Var_s(zᵢ)] ≥ 0,
 * with s = softmax(a·zᵢ). f is convex in a, so its minimum is where f′ = 0.
 */
export function calNllInverse(set: CalSet, a: number): { f: number; df: number; d2f: number } {
  const { n, k, logits, labels } = set;
  let f = 0;
  let df = 0;
  let d2f = 0;
  for (let i = 0; i < n; i++) {
    const o = i * k;
    let m = -Infinity;
    for (let j = 0; j < k; j++) m = Math.max(m, a * logits[o + j]);
    let sum = 0;
    let mean = 0;
    let square = 0;
    for (let j = 0; j < k; j++) {
      const w = Math.exp(a * logits[o + j] - m);
      sum += w;
      mean += w * logits[o + j];
      square += w * logits[o + j] * logits[o + j];
    }
    mean /= sum;
    const zy = logits[o + labels[i]];
    f += m + Math.log(sum) - a * zy;
    df += mean - zy;
    d2f += Math.max(0, square / sum - mean * mean);
  }
  return { f: f / n, df: df / n, d2f: d2f / n };
}

/** Mean negative log-likelihood of the labels at temperature T. */
export function calNll(set: CalSet, temperature = 1): number {
  return calNllInverse(set, 1 / temperature).f;
}

export const CAL_T_RANGE = { min: 0.05, max: 20 } as const;

/**
 * The T in CAL_T_RANGE minimising the held-out NLL: Newton's method on a = 1/T (where the NLL is
 * convex), kept inside a bracket on the sign of f′ and bisecting when a step leaves it.
 */
export function calTemperatureFit(set: CalSet): {
  temperature: number;
  nll: number;
  iterations: number;
} {
  const done = (a: number, iterations: number) => ({
    temperature: 1 / a,
    nll: calNllInverse(set, a).f,
    iterations,
  });
  let lo = 1 / CAL_T_RANGE.max;
  let hi = 1 / CAL_T_RANGE.min;
  if (calNllInverse(set, lo).df >= 0) return done(lo, 0);
  if (calNllInverse(set, hi).df <= 0) return done(hi, 0);
  let a = 1;
  for (let it = 1; it <= 100; it++) {
    const { df, d2f } = calNllInverse(set, a);
    const step = d2f > 0 ? df / d2f : NaN;
    // Converged: the Newton step is at the last digits of a.
    if (df === 0 || Math.abs(step) <= 1e-12 * a) return done(a - (step || 0), it);
    if (df < 0) lo = a;
    else hi = a;
    const next = a - step;
    a = next > lo && next < hi ? next : (lo + hi) / 2;
    if (hi - lo <= 1e-13 * a) return done(a, it);
  }
  return done(a, 100);
}

/** Pearson correlation of two equally long samples (NaN when either is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** Temperatures spaced evenly in log T over [min, max], `count` of them. */
export function temperatureGrid(min: number, max: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    Math.exp(Math.log(min) + ((Math.log(max) - Math.log(min)) * i) / (count - 1)),
  );
}
