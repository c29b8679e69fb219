/**
 * Entropy, cross-entropy and Kullback–Leibler divergence of discrete distributions, in nats
 * (divide by ln 2 for bits). Conventions: 0·log 0 = 0 and 0·log(0/q) = 0, so outcomes p gives no
 * mass add nothing; an outcome with pᵢ > 0 and qᵢ = 0 makes H(p, q) and KL(p‖q) infinite.
 *
 * H(p, q) = H(p) + KL(p‖q): the cost of coding p with a code built for q is p's own entropy plus
 * the divergence. KL is not symmetric, so it is not a distance.
 */

/** Non-negative weights scaled to sum to 1; null when they sum to 0 or one is negative or not finite. */
export function distributionNormalize(w: ArrayLike<number>): Float64Array | null {
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (!(w[i] >= 0) || !Number.isFinite(w[i])) return null;
    total += w[i];
  }
  if (!(total > 0)) return null;
  const p = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) p[i] = w[i] / total;
  return p;
}

/** H(p) = −Σ pᵢ log pᵢ. */
export function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}

/** H(p, q) = −Σ pᵢ log qᵢ (∞ when some qᵢ = 0 where pᵢ > 0). */
export function crossEntropy(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    h -= p[i] * Math.log(q[i]);
  }
  return h;
}

/**
 * KL(p‖q) = Σ pᵢ log(pᵢ/qᵢ), summed term by term (not as H(p, q) − H(p), which loses digits
 * when the two are close). ≥ 0, and 0 only when p = q.
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    if (q[i] === 0) return Infinity;
    d += p[i] * Math.log(p[i] / q[i]);
  }
  return Math.max(0, d);
}

/** Each outcome's term pᵢ log(pᵢ/qᵢ) of KL(p‖q) (negative where qᵢ > pᵢ; they sum to KL). */
export function klTerms(p: ArrayLike<number>, q: ArrayLike<number>): Float64Array {
  const t = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++)
    t[i] = p[i] === 0 ? 0 : q[i] === 0 ? Infinity : p[i] * Math.log(p[i] / q[i]);
  return t;
}

/** Nats per bit: divide a value in nats by this to get bits. */
export const NATS_PER_BIT = Math.LN2;
