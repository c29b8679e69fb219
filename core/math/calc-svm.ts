/**
 * The hard-margin linear SVM in two dimensions: find w, b with yᵢ(w·xᵢ + b) ≥ 1 for every point
 * and ‖w‖ smallest, so the margin 2/‖w‖ is widest.
 *
 * svmDualSolve works on the dual, min ½αᵀQα − Σαᵢ with Qᵢⱼ = yᵢyⱼ xᵢ·xⱼ, α ≥ 0, Σαᵢyᵢ = 0, by
 * sequential minimal optimisation: each step moves the pair that violates the optimality
 * conditions most (Keerthi's maximal violating pair) exactly to the minimum along the line that
 * keeps Σαᵢyᵢ = 0. Then w = Σαᵢyᵢxᵢ and b comes from the support vectors (αᵢ > 0).
 *
 * svmPrimalByAngle is an independent route: for each direction u of the line's normal, the gap
 * between the classes along u is min over class +1 of u·x minus max over class −1; the widest gap
 * over a fine grid of angles, refined by golden sections, gives w = 2u/gap.
 */
import { denseLuSolve } from './linalg-dense';

export interface SvmPoint {
  readonly x: number;
  readonly y: number;
  readonly label: 1 | -1;
}

export interface SvmSolution {
  readonly ok: true;
  readonly alpha: Float64Array;
  readonly w: readonly [number, number];
  readonly b: number;
  /** 2/‖w‖, the width of the band between the lines w·x + b = ±1. */
  readonly margin: number;
  /** Indices of the points with α > 0 (relative to the largest α). */
  readonly support: readonly number[];
  /** yᵢ(w·xᵢ + b) − 1 for each point (≥ 0; 0 on the margin). */
  readonly slack: Float64Array;
  /** The dual objective Σαᵢ − ½‖w‖² (equal to ½‖w‖² at the optimum). */
  readonly dual: number;
  readonly iterations: number;
  /** Whether the support set's linear system refined SMO's answer. */
  readonly exact: boolean;
}

export interface SvmFailure {
  readonly ok: false;
  readonly reason: 'one-class' | 'not-separable';
}

const dot = (p: SvmPoint, q: SvmPoint) => p.x * q.x + p.y * q.y;

/**
 * With the support set S known, the optimum solves a linear system: yᵢ(w·xᵢ + b) = 1 for i in S
 * and Σαᵢyᵢ = 0, with w = Σαⱼyⱼxⱼ. Solving it replaces SMO's last digits by the exact answer
 * (to rounding). Returns false, leaving alpha, when the system is singular (more than three
 * support vectors on two parallel lines) or its answer is not a valid dual point.
 */
function polish(points: readonly SvmPoint[], alpha: Float64Array, support: readonly number[]) {
  const m = support.length;
  const A = new Float64Array((m + 1) * (m + 1));
  const r = new Float64Array(m + 1);
  for (let a = 0; a < m; a++) {
    const i = support[a];
    for (let c = 0; c < m; c++) {
      const j = support[c];
      A[a * (m + 1) + c] = points[j].label * dot(points[i], points[j]);
    }
    A[a * (m + 1) + m] = 1;
    A[m * (m + 1) + a] = points[i].label;
    r[a] = points[i].label;
  }
  const out = new Float64Array(m + 1);
  if (!denseLuSolve(A, m + 1, r, out)) return false;
  const amax = Math.max(...support.map((i) => alpha[i]));
  for (let a = 0; a < m; a++)
    if (!(out[a] > 0) || Math.abs(out[a] - alpha[support[a]]) > 1e-6 * amax) return false;
  for (let a = 0; a < m; a++) alpha[support[a]] = out[a];
  return true;
}

/** The widest gap between the classes over normal directions u = (cos θ, sin θ). */
export function svmPrimalByAngle(points: readonly SvmPoint[], steps = 7200) {
  const gap = (t: number) => {
    const c = Math.cos(t);
    const s = Math.sin(t);
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      const v = c * p.x + s * p.y;
      if (p.label === 1) lo = Math.min(lo, v);
      else hi = Math.max(hi, v);
    }
    return { gap: lo - hi, lo, hi };
  };
  let best = 0;
  let bestGap = -Infinity;
  for (let k = 0; k < steps; k++) {
    const t = (2 * Math.PI * k) / steps;
    const v = gap(t).gap;
    if (v > bestGap) {
      bestGap = v;
      best = t;
    }
  }
  // Golden sections on [best − step, best + step], where the gap is unimodal.
  const r = (Math.sqrt(5) - 1) / 2;
  let a = best - (2 * Math.PI) / steps;
  let d = best + (2 * Math.PI) / steps;
  for (let it = 0; it < 80; it++) {
    const c1 = d - r * (d - a);
    const c2 = a + r * (d - a);
    if (gap(c1).gap >= gap(c2).gap) d = c2;
    else a = c1;
  }
  const theta = (a + d) / 2;
  const g = gap(theta);
  const scale = 2 / g.gap;
  return {
    theta,
    gap: g.gap,
    w: [scale * Math.cos(theta), scale * Math.sin(theta)] as const,
    b: -(g.lo + g.hi) / g.gap,
  };
}

/** The dual solution by SMO, or why there is none. */
export function svmDualSolve(points: readonly SvmPoint[], tol = 1e-12): SvmSolution | SvmFailure {
  const n = points.length;
  if (!points.some((p) => p.label === 1) || !points.some((p) => p.label === -1))
    return { ok: false, reason: 'one-class' };
  if (!(svmPrimalByAngle(points, 720).gap > 0)) return { ok: false, reason: 'not-separable' };
  const yv = points.map((p) => p.label);
  const Q = (i: number, j: number) => yv[i] * yv[j] * dot(points[i], points[j]);
  const alpha = new Float64Array(n);
  const G = new Float64Array(n).fill(-1);
  const scale = Math.max(1, ...points.map((p) => dot(p, p)));
  let iterations = 0;
  for (; iterations < 200_000; iterations++) {
    let i = -1;
    let j = -1;
    let up = -Infinity;
    let low = Infinity;
    for (let t = 0; t < n; t++) {
      const v = -yv[t] * G[t];
      if ((yv[t] === 1 || alpha[t] > 0) && v > up) {
        up = v;
        i = t;
      }
      if ((yv[t] === -1 || alpha[t] > 0) && v < low) {
        low = v;
        j = t;
      }
    }
    if (up - low < tol * scale) break;
    const dx = points[i].x - points[j].x;
    const dy = points[i].y - points[j].y;
    const a = Math.max(dx * dx + dy * dy, 1e-300);
    const oi = alpha[i];
    const oj = alpha[j];
    if (yv[i] !== yv[j]) {
      const delta = (-G[i] - G[j]) / a;
      const diff = oi - oj;
      let ai = oi + delta;
      let aj = oj + delta;
      if (diff > 0 && aj < 0) [aj, ai] = [0, diff];
      else if (diff <= 0 && ai < 0) [ai, aj] = [0, oj - oi];
      alpha[i] = ai;
      alpha[j] = aj;
    } else {
      const delta = (G[i] - G[j]) / a;
      const sum = oi + oj;
      let ai = oi - delta;
      let aj = oj + delta;
      if (ai < 0) [ai, aj] = [0, sum];
      else if (aj < 0) [aj, ai] = [0, sum];
      alpha[i] = ai;
      alpha[j] = aj;
    }
    const di = alpha[i] - oi;
    const dj = alpha[j] - oj;
    for (let t = 0; t < n; t++) G[t] += Q(t, i) * di + Q(t, j) * dj;
  }
  let w0 = 0;
  let w1 = 0;
  for (let t = 0; t < n; t++) {
    w0 += alpha[t] * yv[t] * points[t].x;
    w1 += alpha[t] * yv[t] * points[t].y;
  }
  const amax = Math.max(...alpha);
  const support: number[] = [];
  for (let t = 0; t < n; t++) if (alpha[t] > 1e-9 * amax) support.push(t);
  const exact = polish(points, alpha, support);
  if (exact) {
    w0 = 0;
    w1 = 0;
    for (let t = 0; t < n; t++) {
      w0 += alpha[t] * yv[t] * points[t].x;
      w1 += alpha[t] * yv[t] * points[t].y;
    }
  }
  let b = 0;
  for (const t of support) b += yv[t] - (w0 * points[t].x + w1 * points[t].y);
  b /= support.length;
  const slack = new Float64Array(n);
  for (let t = 0; t < n; t++) slack[t] = yv[t] * (w0 * points[t].x + w1 * points[t].y + b) - 1;
  const ww = w0 * w0 + w1 * w1;
  let sumA = 0;
  for (const v of alpha) sumA += v;
  return {
    ok: true,
    alpha,
    w: [w0, w1],
    b,
    margin: 2 / Math.sqrt(ww),
    support,
    slack,
    dual: sumA - ww / 2,
    iterations,
    exact,
  };
}
