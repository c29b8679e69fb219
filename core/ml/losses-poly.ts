/**
 * Polynomials ŷ = Σₖ cₖ·uᵏ in a scaled variable u = (x − centre)/scale that maps the data's x range
 * onto [−1, 1], so design matrices of degree ≤ 3 stay well conditioned.
 */

export interface PolyBasis {
  degree: number;
  centre: number;
  scale: number;
}

/** The basis for these x: the degree lowered to (distinct x values − 1) when there are too few. */
export function polyBasisOf(x: ArrayLike<number>, degree: number): PolyBasis {
  let lo = Infinity;
  let hi = -Infinity;
  const distinct = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
    distinct.add(x[i]);
  }
  const half = (hi - lo) / 2;
  return {
    degree: Math.max(0, Math.min(degree, distinct.size - 1)),
    centre: Number.isFinite(lo) ? lo + half : 0,
    scale: half > 0 ? half : 1,
  };
}

/** The design matrix (n × (degree + 1), row-major) of the basis at x. */
export function polyDesign(x: ArrayLike<number>, b: PolyBasis): Float64Array {
  const p = b.degree + 1;
  const X = new Float64Array(x.length * p);
  for (let i = 0; i < x.length; i++) {
    const u = (x[i] - b.centre) / b.scale;
    let v = 1;
    for (let k = 0; k < p; k++, v *= u) X[i * p + k] = v;
  }
  return X;
}

/** ŷ(x) for coefficients in the basis. */
export function polyEval(coef: ArrayLike<number>, b: PolyBasis, x: number): number {
  const u = (x - b.centre) / b.scale;
  let v = 0;
  for (let k = coef.length - 1; k >= 0; k--) v = v * u + coef[k];
  return v;
}

/** Coefficients of 1, x, x², … from coefficients in the basis. */
export function polyRawCoefficients(coef: ArrayLike<number>, b: PolyBasis): Float64Array {
  const p = coef.length;
  const raw = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    // cₖ·((x − c)/s)ᵏ = cₖ/sᵏ · Σⱼ C(k, j)·xʲ·(−c)^{k−j}
    let binom = 1;
    const f = coef[k] / b.scale ** k;
    for (let j = 0; j <= k; j++) {
      raw[j] += f * binom * (-b.centre) ** (k - j);
      binom = (binom * (k - j)) / (j + 1);
    }
  }
  return raw;
}
