/**
 * Valley floors for the 3D mesh. A valley narrower than the sampling grid (Rosenbrock's curved
 * floor, seen in log height) is missed by most samples: each row's lowest sample sits anywhere up
 * to half a cell from the floor, so the drawn floor rises and falls from row to row — a row of
 * teeth along the wall. Here every sample that is the lowest of its row (or column) neighbours
 * takes the lowest value of f within half a cell of it along that row (or column), so the mesh
 * reaches the floor in every row. Other samples are left exactly as they are.
 */
import type { SurfaceDomain } from './surfaces-types';

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Minimum of g on [a, b] by golden-section search (g unimodal there), with the ends included. */
function minimumOn(g: (t: number) => number, a: number, b: number, iterations = 24): number {
  let lo = a;
  let hi = b;
  let c = hi - GOLDEN * (hi - lo);
  let d = lo + GOLDEN * (hi - lo);
  let gc = g(c);
  let gd = g(d);
  for (let k = 0; k < iterations; k++) {
    if (gc < gd) {
      hi = d;
      d = c;
      gd = gc;
      c = hi - GOLDEN * (hi - lo);
      gc = g(c);
    } else {
      lo = c;
      c = d;
      gc = gd;
      d = lo + GOLDEN * (hi - lo);
      gd = g(d);
    }
  }
  return Math.min(gc, gd, g(a), g(b));
}

/**
 * A copy of the n × n samples (f at (i, j) in values[j·n + i] over `domain`) with the valley
 * floors filled in as described above. `f` is the surface's own function.
 */
export function surfaceFloorValues(
  values: Float64Array,
  n: number,
  domain: SurfaceDomain,
  f: (x: number, y: number) => number,
): Float64Array {
  const out = Float64Array.from(values);
  surfaceFloorCells(values, n, domain, f, out, 0, n * n);
  return out;
}

/**
 * Samples k ∈ [from, to) (k = j·n + i) of `surfaceFloorValues`, written into `out`, which starts
 * as a copy of `values`; each sample depends only on `values`, so a caller can spread a large grid
 * over several time slices and get the same numbers. `stop` is asked after every sample that
 * searched f; when it says yes the work ends there. Returns the first sample not done.
 */
export function surfaceFloorCells(
  values: Float64Array,
  n: number,
  domain: SurfaceDomain,
  f: (x: number, y: number) => number,
  out: Float64Array,
  from: number,
  to: number,
  stop?: () => boolean,
): number {
  const hx = (domain.xMax - domain.xMin) / (n - 1);
  const hy = (domain.yMax - domain.yMin) / (n - 1);
  const v = (i: number, j: number) => values[j * n + i];
  const lower = (k: number, m: number) => {
    if (Number.isFinite(m) && m < out[k]) out[k] = m;
  };
  for (let k = from; k < to; k++) {
    const j = Math.floor(k / n);
    const i = k - j * n;
    const y = domain.yMin + j * hy;
    const x = domain.xMin + i * hx;
    const here = v(i, j);
    if (!Number.isFinite(here)) continue;
    // Lowest of its row neighbours: the floor crosses this row within half a cell of it.
    const left = i > 0 ? v(i - 1, j) : Infinity;
    const right = i < n - 1 ? v(i + 1, j) : Infinity;
    const rowMin = here <= left && here <= right && (here < left || here < right);
    if (rowMin) {
      const a = Math.max(domain.xMin, x - hx / 2);
      const b = Math.min(domain.xMax, x + hx / 2);
      lower(
        k,
        minimumOn((t) => f(t, y), a, b),
      );
    }
    const down = j > 0 ? v(i, j - 1) : Infinity;
    const up = j < n - 1 ? v(i, j + 1) : Infinity;
    const columnMin = here <= down && here <= up && (here < down || here < up);
    if (columnMin) {
      const a = Math.max(domain.yMin, y - hy / 2);
      const b = Math.min(domain.yMax, y + hy / 2);
      lower(
        k,
        minimumOn((t) => f(x, t), a, b),
      );
    }
    if (stop && (rowMin || columnMin) && stop()) return k + 1;
  }
  return to;
}
