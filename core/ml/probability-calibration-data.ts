/**
 * A simulated k-class classifier whose calibration is known by construction. Each example has a
 * class c, a difficulty-dependent margin a ∈ [0, aMax) and true logits tⱼ = a·[j = c] + gⱼ with
 * gⱼ ~ N(0, 1); its label is drawn from softmax(t), so softmax(t) *is* the probability of each
 * label. The network reports β·t: at β = 1 it is calibrated, β > 1 over-confident (its
 * probabilities are sharper than the truth), β < 1 under-confident. Temperature scaling with
 * T = β would undo the distortion exactly, so the fitted T should come out near β.
 *
 * Two sets are drawn from one seeded stream: a held-out set to fit T on, and a test set to
 * measure calibration on (fitting and measuring on the same examples would flatter the fit).
 */
import { rngCreate, type Rng } from '../math/rng';

export interface CalSet {
  /** Row-major n × k logits as the network reports them (β·t). */
  logits: Float64Array;
  labels: Int32Array;
  n: number;
  k: number;
}

export interface CalSimParams {
  /** Examples in each of the two sets. */
  n: number;
  /** Number of classes k ≥ 2. */
  classes: number;
  /** β: the network's logits are β times the true ones. */
  confidence: number;
  seed: number;
  /** Largest margin of the true class (difficulty spread); default 4. */
  marginMax?: number;
}

function setDraw(rng: Rng, n: number, k: number, beta: number, marginMax: number): CalSet {
  const logits = new Float64Array(n * k);
  const labels = new Int32Array(n);
  const t = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = rng.int(k);
    const a = marginMax * rng.next();
    let m = -Infinity;
    for (let j = 0; j < k; j++) {
      t[j] = (j === c ? a : 0) + rng.normal();
      if (t[j] > m) m = t[j];
    }
    // Draw the label from softmax(t) by inverting its cumulative sum.
    let total = 0;
    for (let j = 0; j < k; j++) total += Math.exp(t[j] - m);
    let u = rng.next() * total;
    let label = k - 1;
    for (let j = 0; j < k; j++) {
      u -= Math.exp(t[j] - m);
      if (u < 0) {
        label = j;
        break;
      }
    }
    labels[i] = label;
    for (let j = 0; j < k; j++) logits[i * k + j] = beta * t[j];
  }
  return { logits, labels, n, k };
}

/** The held-out and test sets for the given parameters (same seed → same examples). */
export function calSimulate(p: CalSimParams): { heldOut: CalSet; test: CalSet } {
  const rng = rngCreate(p.seed);
  const marginMax = p.marginMax ?? 4;
  const heldOut = setDraw(rng, p.n, p.classes, p.confidence, marginMax);
  const test = setDraw(rng, p.n, p.classes, p.confidence, marginMax);
  return { heldOut, test };
}

/** The same set with every logit multiplied by `factor` (labels shared). */
export function calSetScaled(set: CalSet, factor: number): CalSet {
  return { ...set, logits: set.logits.map((v) => v * factor) };
}
