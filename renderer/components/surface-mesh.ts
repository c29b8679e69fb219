/**
 * Triangles and on-surface contour lines for a sampled height field (heights already mapped to
 * [0, 1], sample (i, j) at units[j·n + i]).
 *
 * Each grid cell is split along the diagonal whose two ends are lower. A narrow valley that
 * crosses cells diagonally (Rosenbrock's curved floor) then keeps its floor as a continuous crease;
 * a fixed diagonal would cut across the floor in every cell and draw it as a row of teeth.
 *
 * Contours are traced on those same triangles in the same (mapped) heights, so every line lies
 * exactly on the drawn surface. Lines traced in f and lifted to their level's height float above or
 * sink below a steep wall's triangles, and show as dashes.
 */

/** Differences of the diagonals' height sums below this keep the usual diagonal (smooth parts). */
const FLIP = 1e-3;

/** Index buffer: two triangles per cell, counter-clockwise seen from above. */
export function surfaceTriangles(units: ArrayLike<number>, n: number): Uint32Array {
  const index = new Uint32Array((n - 1) * (n - 1) * 6);
  let w = 0;
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const a = j * n + i; // (i, j)
      const b = a + 1; // (i+1, j)
      const c = a + n; // (i, j+1)
      const d = a + n + 1; // (i+1, j+1)
      // Usual diagonal b–c; the other one, a–d, when its ends are clearly lower.
      if (units[a] + units[d] < units[b] + units[c] - FLIP) index.set([a, c, d, a, d, b], w);
      else index.set([a, c, b, b, c, d], w);
      w += 6;
    }
  }
  return index;
}

/**
 * Contour segments of the triangulated surface at each unit level, in scene coordinates
 * (x = 2i/(n−1) − 1, y = level·height + lift, z = 1 − 2j/(n−1)): xyz xyz per segment.
 */
export function surfaceContourLines(
  units: ArrayLike<number>,
  n: number,
  index: Uint32Array,
  levels: readonly number[],
  height: number,
  lift = 0,
): Float32Array {
  const out: number[] = [];
  const sx = (k: number) => ((k % n) / (n - 1)) * 2 - 1;
  const sz = (k: number) => 1 - (Math.floor(k / n) / (n - 1)) * 2;
  const cross = (p: number, q: number, level: number) => {
    const t = (level - units[p]) / (units[q] - units[p]);
    out.push(sx(p) + t * (sx(q) - sx(p)), level * height + lift, sz(p) + t * (sz(q) - sz(p)));
  };
  for (let t = 0; t < index.length; t += 3) {
    const v = [index[t], index[t + 1], index[t + 2]];
    const h = v.map((k) => units[k]);
    if (!h.every(Number.isFinite)) continue;
    for (const level of levels) {
      const above = h.map((x) => x > level);
      const count = above.filter(Boolean).length;
      if (count === 0 || count === 3) continue;
      // The lone vertex (the one on its own side) joins the other two by the two crossed edges.
      const lone = above.findIndex((x) => (count === 1 ? x : !x));
      const p = v[lone];
      cross(p, v[(lone + 1) % 3], level);
      cross(p, v[(lone + 2) % 3], level);
    }
  }
  return Float32Array.from(out);
}
