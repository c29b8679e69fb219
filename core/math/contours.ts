/**
 * Contour lines of a sampled surface by marching squares. The grid holds f at (i, j) in
 * values[j·n + i]; segments come back in fractional grid coordinates (i, j), with endpoints found
 * by linear interpolation along cell edges. Saddle cells (two opposite corners above the level)
 * are split by the cell-centre average, so lines never cross.
 */

/** Segments for one level: [i1, j1, i2, j2] repeated. */
export type ContourSegments = Float64Array;

/** Marching squares for one level on an n×n grid (non-finite corners skip their cell). */
export function contourSegments(
  values: ArrayLike<number>,
  n: number,
  level: number,
): ContourSegments {
  const out: number[] = [];
  const at = (i: number, j: number) => values[j * n + i];
  const lerp = (a: number, b: number) => (level - a) / (b - a);
  for (let j = 0; j < n - 1; j++) {
    for (let i = 0; i < n - 1; i++) {
      const v0 = at(i, j);
      const v1 = at(i + 1, j);
      const v2 = at(i + 1, j + 1);
      const v3 = at(i, j + 1);
      if (!Number.isFinite(v0 + v1 + v2 + v3)) continue;
      const code =
        (v0 > level ? 1 : 0) | (v1 > level ? 2 : 0) | (v2 > level ? 4 : 0) | (v3 > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edge crossing points: bottom (0–1), right (1–2), top (3–2), left (0–3).
      const bottom = () => [i + lerp(v0, v1), j];
      const right = () => [i + 1, j + lerp(v1, v2)];
      const top = () => [i + lerp(v3, v2), j + 1];
      const left = () => [i, j + lerp(v0, v3)];
      const seg = (a: number[], b: number[]) => out.push(a[0], a[1], b[0], b[1]);
      switch (code) {
        case 1:
        case 14:
          seg(left(), bottom());
          break;
        case 2:
        case 13:
          seg(bottom(), right());
          break;
        case 3:
        case 12:
          seg(left(), right());
          break;
        case 4:
        case 11:
          seg(right(), top());
          break;
        case 6:
        case 9:
          seg(bottom(), top());
          break;
        case 7:
        case 8:
          seg(left(), top());
          break;
        case 5:
        case 10: {
          const centreAbove = (v0 + v1 + v2 + v3) / 4 > level;
          // code 5: corners 0 and 2 above. If the centre is above too, they connect through it.
          if ((code === 5) === centreAbove) {
            seg(left(), top());
            seg(bottom(), right());
          } else {
            seg(left(), bottom());
            seg(right(), top());
          }
          break;
        }
      }
    }
  }
  return Float64Array.from(out);
}

/**
 * `count` contour levels between the finite min and max of `values`: evenly spaced, or (log)
 * geometrically spaced in f − min so that the floor of a deep valley still gets lines.
 */
export function contourLevels(
  values: ArrayLike<number>,
  count: number,
  scale: 'linear' | 'log',
): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min) || count < 1) return [];
  const span = max - min;
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const t = k / (count + 1);
    levels.push(scale === 'log' ? min + span * Math.pow(1e-4, 1 - t) : min + span * t);
  }
  return levels;
}
