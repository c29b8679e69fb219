/**
 * Exact minimiser of the pinball (quantile) loss Σᵢ ρ_τ(yᵢ − xᵢ·c) over c ∈ ℝᵖ, and so of the
 * absolute loss (τ = ½): the primal simplex method on its linear program
 *
 *   min Σᵢ τ·uᵢ + (1 − τ)·vᵢ   subject to  X·c + u − v = y,  u, v ≥ 0,  c free.
 *
 * A basis keeps all of c and one of uᵢ, vᵢ for every point except p of them, which the fit then
 * passes through exactly (the active set A, with X_A invertible). Moving off point j ∈ A keeps the
 * others of A on the fit; its reduced cost is the loss's slope along that edge. Entering and
 * leaving variables follow Bland's rule (smallest index first), so degenerate vertices — more
 * than p points on the fit, as with four collinear points — cannot make it cycle, and the method
 * ends at an optimum after finitely many pivots.
 *
 * Certificate: with the points off the fit at their slopes ψᵢ ∈ {τ − 1, τ}, the dual values
 * u_A = −X_A⁻ᵀ·Σᵢ∉A ψᵢxᵢ must lie in [τ − 1, τ] (0 ∈ ∂L); `dualViolation` is how far they are outside.
 */
import { denseLuSolve } from '../math/linalg-dense';

export interface PinballSolution {
  coef: Float64Array;
  /** The p points the fit passes through (indices into the data). */
  active: number[];
  iterations: number;
  /** The reduced costs all ≥ 0 when it stopped. */
  optimal: boolean;
  /** Distance of the dual values from [τ − 1, τ] (0 at an exact optimum, up to rounding). */
  dualViolation: number;
}

/** Solves X_A·c = y_A; null when X_A is singular. */
function interpolate(X: Float64Array, y: ArrayLike<number>, A: number[], p: number) {
  const M = new Float64Array(p * p);
  const b = new Float64Array(p);
  A.forEach((i, a) => {
    for (let k = 0; k < p; k++) M[a * p + k] = X[i * p + k];
    b[a] = y[i];
  });
  const c = new Float64Array(p);
  return denseLuSolve(M, p, b, c) ? { c, M } : null;
}

/** p rows of X, linearly independent, chosen in the given order (Gram–Schmidt). */
function independentRows(X: Float64Array, order: number[], p: number): number[] | null {
  const basis: Float64Array[] = [];
  const chosen: number[] = [];
  for (const i of order) {
    const v = X.slice(i * p, i * p + p);
    const norm0 = Math.hypot(...v);
    for (const q of basis) {
      const dot = q.reduce((acc, qk, k) => acc + qk * v[k], 0);
      for (let k = 0; k < p; k++) v[k] -= dot * q[k];
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-9 * Math.max(norm0, 1e-300)) {
      basis.push(v.map((vk) => vk / norm));
      chosen.push(i);
      if (chosen.length === p) return chosen;
    }
  }
  return null;
}

/**
 * The exact minimiser, started from `start` (e.g. the least-squares fit): the first basis is the
 * p independent points closest to it.
 */
export function pinballFit(
  X: Float64Array,
  y: ArrayLike<number>,
  p: number,
  tau: number,
  start: Float64Array,
): PinballSolution {
  const n = y.length;
  const fitAt = (c: Float64Array, i: number) => {
    let v = 0;
    for (let k = 0; k < p; k++) v += X[i * p + k] * c[k];
    return v;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.abs(y[a] - fitAt(start, a)) - Math.abs(y[b] - fitAt(start, b)) || a - b,
  );
  const first = independentRows(X, order, p);
  if (!first)
    return { coef: start, active: [], iterations: 0, optimal: false, dualViolation: Infinity };
  let A = first;
  let sol = interpolate(X, y, A, p)!;
  const inA = new Uint8Array(n);
  for (const i of A) inA[i] = 1;
  // Which of uᵢ (s = +1, residual ≥ 0) and vᵢ (s = −1) is basic for a point off the fit.
  const s = new Int8Array(n);
  for (let i = 0; i < n; i++) if (!inA[i]) s[i] = y[i] - fitAt(sol.c, i) < 0 ? -1 : 1;
  const cost = (sign: number) => (sign > 0 ? tau : 1 - tau);

  let iterations = 0;
  let optimal = false;
  const maxIterations = 50 * n + 100;
  const r = new Float64Array(n);
  const e = new Float64Array(p);
  // Per candidate edge: its direction in c and its rate of change of every fitted value.
  const d = new Float64Array(p);
  const a = new Float64Array(n);
  for (; iterations < maxIterations; iterations++) {
    for (let i = 0; i < n; i++) r[i] = inA[i] ? 0 : y[i] - fitAt(sol.c, i);
    // Entering: the smallest (point, sign) — u_j before v_j — whose edge lowers the loss.
    let enterPos = -1;
    let enterSigma = 0;
    const byPoint = A.map((j, pos) => pos).sort((u, v) => A[u] - A[v]);
    for (const pos of byPoint) {
      // X_A·d = e_pos·(−1): moving along d raises point j's residual (σ = +1, u_j enters);
      // along −d it lowers it (σ = −1, v_j enters). The two reduced costs share one sum.
      e.fill(0);
      e[pos] = -1;
      if (!denseLuSolve(sol.M, p, e, d)) continue;
      let sum = 0;
      let scale = 1;
      for (let i = 0; i < n; i++) {
        if (inA[i]) {
          a[i] = 0;
          continue;
        }
        a[i] = fitAt(d, i);
        sum += cost(s[i]) * s[i] * a[i];
        scale += Math.abs(a[i]);
      }
      const tol = -1e-12 * scale;
      if (tau - sum < tol) enterSigma = 1;
      else if (1 - tau + sum < tol) {
        enterSigma = -1;
        for (let i = 0; i < n; i++) a[i] = -a[i];
      }
      if (enterSigma !== 0) {
        enterPos = pos;
        break;
      }
    }
    if (enterPos < 0) {
      optimal = true;
      break;
    }
    // Leaving: the first point off the fit whose basic variable sᵢrᵢ reaches 0; ties → smallest i.
    let leave = -1;
    let tMin = Infinity;
    for (let i = 0; i < n; i++) {
      if (inA[i] || !(s[i] * a[i] > 1e-14)) continue;
      const t = Math.max(0, r[i] / a[i]);
      if (leave < 0 || t < tMin - 1e-12 * (1 + tMin)) {
        tMin = t;
        leave = i;
      }
    }
    if (leave < 0) break; // unbounded: impossible for a loss ≥ 0, kept as a guard
    const j = A[enterPos];
    const next = A.slice();
    next[enterPos] = leave;
    const moved = interpolate(X, y, next, p);
    if (!moved) break;
    inA[j] = 0;
    s[j] = enterSigma;
    inA[leave] = 1;
    A = next;
    sol = moved;
  }
  return {
    coef: sol.c,
    active: [...A].sort((a, b) => a - b),
    iterations,
    optimal,
    dualViolation: dualViolation(X, y, p, tau, A, sol, inA, s),
  };
}

function dualViolation(
  X: Float64Array,
  y: ArrayLike<number>,
  p: number,
  tau: number,
  A: number[],
  sol: { c: Float64Array; M: Float64Array },
  inA: Uint8Array,
  s: Int8Array,
): number {
  // Σ_{j∈A} u_j x_j = −Σ_{i∉A} ψᵢ xᵢ, i.e. X_Aᵀ·u = rhs.
  const rhs = new Float64Array(p);
  for (let i = 0; i < y.length; i++) {
    if (inA[i]) continue;
    const psi = s[i] > 0 ? tau : tau - 1;
    for (let k = 0; k < p; k++) rhs[k] -= psi * X[i * p + k];
  }
  const Mt = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let k = 0; k < p; k++) Mt[k * p + a] = sol.M[a * p + k];
  const u = new Float64Array(p);
  if (!denseLuSolve(Mt, p, rhs, u)) return Infinity;
  let worst = 0;
  for (let a = 0; a < A.length; a++) worst = Math.max(worst, tau - 1 - u[a], u[a] - tau);
  return Math.max(0, worst);
}
